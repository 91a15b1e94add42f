package com.exchangesync.worker.salesforce;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a read of an object's changes stands, as saved between pages and passes:
 * <ul>
 *   <li>the start (no position: everything is a change);</li>
 *   <li>the end of a read: the newest {@code SystemModstamp} applied (written as
 *       the instant, as positions always were), read again from a little before
 *       it, since a long transaction can commit a stamp older than one already read;</li>
 *   <li>mid-feed: a page stopped at its limit after the record with this stamp and
 *       id ({@code <instant>|<id>}); the next page goes on exactly after it, in
 *       {@code ORDER BY SystemModstamp, Id}, however many records share the stamp.</li>
 * </ul>
 */
record FeedPosition(Instant stamp, String lastId) {

  private static final char SEPARATOR = '|';
  static final FeedPosition START = new FeedPosition(Instant.EPOCH, null);

  static FeedPosition end(Instant newest) {
    return new FeedPosition(newest, null);
  }

  static FeedPosition midFeed(Instant stamp, String lastId) {
    return new FeedPosition(stamp, lastId);
  }

  /** Reads a saved position; a damaged one is refused, naming it. */
  static FeedPosition parse(Optional<String> saved) {
    if (saved.isEmpty() || saved.get().isEmpty()) {
      return START;
    }
    String text = saved.get();
    int bar = text.indexOf(SEPARATOR);
    try {
      return bar < 0 ? end(Instant.parse(text)) : midFeed(Instant.parse(text.substring(0, bar)), requireId(text.substring(bar + 1)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a Salesforce feed position: " + text, e);
    }
  }

  private static String requireId(String id) {
    if (!SalesforceId.isWellFormed(id)) {
      throw new IllegalArgumentException("not a Salesforce id in a feed position: " + id);
    }
    return id;
  }

  boolean isStart() {
    return lastId == null && stamp.equals(Instant.EPOCH);
  }

  boolean midFeed() {
    return lastId != null;
  }

  /** The stamp a read from this position starts after (for a mid-feed position, with the id as well). */
  Instant readFrom(Duration overlap) {
    return isStart() || midFeed() ? stamp : stamp.minus(overlap);
  }

  String encode() {
    return midFeed() ? stamp + String.valueOf(SEPARATOR) + lastId : stamp.toString();
  }
}
