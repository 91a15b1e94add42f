package com.exchangesync.worker.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A record whose write failed, to be looked at again from {@code notBefore}
 * even if nobody changes it. The wait doubles with each attempt, from two
 * minutes up to six hours: a record Salesforce keeps refusing costs little.
 *
 * @param side the side the record is on (the one read again)
 * @param recordId the record
 * @param attempts failed attempts so far
 * @param notBefore when to try again
 */
public record Retry(Side side, String recordId, int attempts, Instant notBefore) {

  static final Duration FIRST = Duration.ofMinutes(2);
  static final Duration LONGEST = Duration.ofHours(6);

  public Retry {
    Objects.requireNonNull(side);
    Objects.requireNonNull(recordId);
    Objects.requireNonNull(notBefore);
  }

  /** The retry after one more failure at {@code now}. */
  static Retry after(Side side, String recordId, int previousAttempts, Instant now) {
    int attempts = previousAttempts + 1;
    long minutes = Math.min(FIRST.toMinutes() << Math.min(attempts - 1, 16), LONGEST.toMinutes());
    return new Retry(side, recordId, attempts, now.plus(Duration.ofMinutes(minutes)));
  }
}
