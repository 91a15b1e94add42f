package com.exchangesync.worker.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's deletions, read once and shared by every rep of a cycle: each rep's
 * pass asks which of its linked records were deleted since its watermark, and
 * without sharing that is a {@code getServerTimestamp} and a {@code getDeleted}
 * per rep, kind and cycle. One read per object covers a span before the asking
 * watermark ({@link #SPAN}: the reps' watermarks of one cycle lie within a poll
 * interval and the overlap of each other), and is used for at most
 * {@link #SHARED_FOR}, shorter than the two minutes by which a watermark is read
 * again, so a deletion made after the read is still found by the next cycle.
 * {@link #startCycle} forgets every read, so a new cycle always reads afresh.
 * Thread-safe.
 */
final class OrgDeletions {

  /** How far before the asking watermark a shared read starts. */
  static final Duration SPAN = Duration.ofMinutes(15);
  /** How long a read answers later askers. */
  static final Duration SHARED_FOR = Duration.ofSeconds(60);

  /** Reads {@code getDeleted} for an object from a start (bounded by its 15-day window). */
  @FunctionalInterface
  interface Reader {
    DeletedWindow read(String object, Instant from) throws SalesforceException;
  }

  /**
   * getDeleted's answer for [{@code start}, {@code covered}], kept whole.
   *
   * @param start where the window began (the asked start, or the earliest getDeleted allows)
   * @param deletedAt each deleted record's canonical id and when it was deleted
   * @param earliestAvailable Salesforce's earliestDateAvailable (null: not given)
   * @param refused getDeleted refused the window ({@code INVALID_REPLICATION_DATE})
   */
  record DeletedWindow(Instant start, Instant covered, Map<String, Instant> deletedAt, Instant earliestAvailable,
                       boolean refused) {

    /** The answer for a watermark inside the window. */
    DeletedRecords since(Instant since) {
      boolean complete = !refused && !since.isBefore(start) && (earliestAvailable == null || !earliestAvailable.isAfter(since));
      List<String> ids = deletedAt.entrySet().stream().filter(e -> !e.getValue().isBefore(since)).map(Map.Entry::getKey)
          .sorted().toList();
      return new DeletedRecords(ids, refused ? since : covered, complete);
    }
  }

  private record Shared(DeletedWindow window, long readAtNanos) {}

  private final Map<String, Shared> byObject = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /** A new cycle: deletions are read afresh. */
  void startCycle() {
    byObject.clear();
  }

  /**
   * The records of {@code object} deleted since {@code since}, from a shared read when one covers it. Reps
   * asking at once about one object wait for one read rather than each making its own.
   */
  DeletedRecords since(String object, Instant since, Reader reader) throws SalesforceException {
    synchronized (locks.computeIfAbsent(object, o -> new Object())) {
      Shared shared = byObject.get(object);
      if (shared != null && System.nanoTime() - shared.readAtNanos() < SHARED_FOR.toNanos()
          && !since.isBefore(shared.window().start())) {
        return shared.window().since(since);
      }
      DeletedWindow window = reader.read(object, since.minus(SPAN));
      byObject.put(object, new Shared(window, System.nanoTime()));
      return window.since(since);
    }
  }
}
