package com.exchangesync.worker.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The org's feed of one object's changes, summarised by owner and shared by every rep: which owners' records
 * changed, and when last. Without it, each rep's pass asks Salesforce every cycle for the rep's changed records,
 * a query per rep and kind that, in a quiet org, finds nothing; with it, a cycle reads the org's changes once
 * (only the owner and stamp of each record changed since the last read) and a rep whose records did not change
 * since its own watermark reads nothing ({@link #quietSince}).
 *
 * <p>The feed reads on from where it stood ({@link #OVERLAP} before the newest stamp it saw, as a rep's read
 * does, for stamps committed late by long transactions), so what it knows covers, without a gap, everything
 * changed from its start. It starts {@link #SPAN} before the first watermark asked about, and starts again
 * from further back when asked about an older one. A read of more than {@link #MOST} records (a mass update)
 * is not summarised: the feed starts afresh, and meanwhile every rep reads its own changes, as without it.
 * {@link #refresh} makes the next question read on, so each cycle (and each cycle for some reps, woken by an
 * Outbound Message that a read made earlier cannot know of) sees the changes made before it started.
 * Thread-safe: reps' passes run in parallel.
 *
 * <p>A record the worker created and nobody changed since is an echo of its own write: it makes no rep's records
 * count as changed ({@link OrgFeedReader}), so the cycle after a large sync is as quiet as any.
 *
 * <p>Memory: one entry (an owner's id and an instant, about 150 bytes) per owner whose records changed since the
 * feed started; a feed restarted fresh forgets them.
 */
final class OrgChanges {

  /** How far before the first asking watermark the feed starts. */
  static final Duration SPAN = Duration.ofMinutes(15);
  /** How far each read reaches back before the newest stamp seen (as {@code SoapSalesforceRecords.OVERLAP}). */
  static final Duration OVERLAP = Duration.ofMinutes(2);
  /** The most records one read summarises. */
  static final int MOST = 50_000;

  /** Reads the owner and stamp of each record of an object changed after an instant, oldest first. */
  @FunctionalInterface
  interface Reader {
    /** @return false when there were more than {@code most} records (the read stopped there) */
    boolean read(Instant after, int most, Changed each) throws SalesforceException;
  }

  /** Salesforce's time now (the cycle's: {@code SalesforceAdapter.cycleTime}). */
  @FunctionalInterface
  interface ServerTime {
    Instant now() throws SalesforceException;
  }

  /** One changed record's owner and stamp, and whether it is an echo of the worker's own create ({@link OrgFeedReader}). */
  @FunctionalInterface
  interface Changed {
    void accept(String ownerId, Instant stamp, boolean echo);
  }

  private final Reader reader;
  private final ServerTime serverTime;
  /** Where the feed's knowledge begins; null before its first read. */
  private Instant start;
  /** The newest stamp read; reads go on from {@link #OVERLAP} before it. */
  private Instant newest;
  private boolean stale = true;
  private final Map<String, Instant> newestByOwner = new HashMap<>();

  OrgChanges(Reader reader, ServerTime serverTime) {
    this.reader = reader;
    this.serverTime = serverTime;
  }

  /** The next question reads on first (a new cycle starts). */
  synchronized void refresh() {
    stale = true;
  }

  /**
   * What the feed knows of an owner's records.
   *
   * @param quiet whether none of them changed after the watermark asked about
   * @param newest how far the feed has read: the rep's watermark may move on to it once the rep has read its
   *     own changes (if any) after the feed did, since nothing of the rep's changed up to it that the rep did
   *     not then read
   */
  record Answer(boolean quiet, Instant newest) {}

  /**
   * Whether any of {@code ownerId}'s records changed after {@code from}, and how far the feed has read; empty when
   * the feed cannot tell (a read too big to summarise).
   */
  synchronized Optional<Answer> ask(String ownerId, Instant from) throws SalesforceException {
    if (start == null || from.isBefore(start)) {
      startAt(from.minus(SPAN));
    } else if (stale) {
      readOn();
    }
    if (start == null) {
      return Optional.empty();
    }
    Instant owners = newestByOwner.get(SalesforceId.canonical(ownerId).orElse(ownerId));
    return Optional.of(new Answer(owners == null || !owners.isAfter(from), newest));
  }

  private void startAt(Instant at) throws SalesforceException {
    newestByOwner.clear();
    start = at;
    newest = at;
    if (!read(at)) {
      start = null; // too busy to summarise: each rep reads its own changes until a later start
    }
  }

  private void readOn() throws SalesforceException {
    if (!read(newest.minus(OVERLAP))) {
      newestByOwner.clear();
      start = null;
    }
  }

  /**
   * Reads the changes after {@code after}. What it finds covers the org up to the server's time before it, so
   * the newest stamp moves on to {@link #OVERLAP} before that time even in a quiet org: the watermarks of quiet
   * reps then move on together, and one feed start covers them all.
   */
  private boolean read(Instant after) throws SalesforceException {
    stale = false;
    Instant before = serverTime.now().minus(OVERLAP);
    Instant[] seen = {newest.isAfter(before) ? newest : before};
    boolean whole = reader.read(after, MOST, (owner, stamp, echo) -> {
      if (!echo) { // an echo moves the feed on but gives its owner nothing to read
        newestByOwner.merge(SalesforceId.canonical(owner).orElse(owner), stamp, (a, b) -> a.isAfter(b) ? a : b);
      }
      if (stamp.isAfter(seen[0])) {
        seen[0] = stamp;
      }
    });
    newest = seen[0];
    return whole;
  }
}
