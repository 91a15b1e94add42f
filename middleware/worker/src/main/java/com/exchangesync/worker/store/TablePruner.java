package com.exchangesync.worker.store;

import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes rows nothing needs any more, so that the tables that grow with traffic stay bounded: once at start
 * and then every hour. What each rule keeps, and why:
 *
 * <ul>
 *   <li>{@code outbound_notification}: pending rows always (the consumer has yet to handle them); processed rows
 *       for 7 days, far beyond the 24 hours in which Salesforce re-sends a notification, so a late duplicate still
 *       meets its id and stays a no-op; failed rows (given up, reported as an error row) for 30 days, to look into.
 *   <li>{@code sync_request}, {@code config_change} and {@code mailbox_change}: 1 day. A row only wakes the scheduler early; the next cycle
 *       covers it (every cycle syncs every rep), and a loop that completes no cycle for that long is long red.
 *   <li>{@code sync_activity}: 48 hours of minutes, twice the 24 hours the system status sums, and always each org
 *       and kind's newest minute, which is the status's "last sync activity".
 *   <li>{@code error_outbox}: a row leaves as soon as Salesforce accepted it ({@code ErrorOutbox.sent}), and a row
 *       not yet accepted is never dropped. What piles up while Salesforce refuses or cannot be reached is the same
 *       error queued again and again: only the newest row of each error key is kept, as it carries the latest
 *       count, message and time (the upsert by key would overwrite the older ones anyway).
 *   <li>{@code error_occurrence}: an error's count, kept while it recurs. A failing record is retried at least every
 *       6 hours, so one quiet for 30 days is resolved; its count goes once no row of it waits in the outbox, and
 *       should it ever come back it is counted afresh.
 * </ul>
 *
 * <p>Each rule deletes in batches of {@value #BATCH} rows, each batch its own short statement, so no lock is held
 * for long and the workers' writes go on meanwhile. Several workers pruning at once only find less to delete.
 * Counted in {@code exsync_pruned_rows_total{table}}.
 */
public final class TablePruner {

  /** How long processed Outbound Messages are kept (deduplication of Salesforce's re-sends). */
  public static final Duration PROCESSED_NOTIFICATIONS = Duration.ofDays(7);
  /** How long Outbound Messages given up on are kept. */
  public static final Duration FAILED_NOTIFICATIONS = Duration.ofDays(30);
  /** How long queued-work rows are kept. */
  public static final Duration QUEUED_WORK = Duration.ofDays(1);
  /** How many hours of per-minute activity are kept. */
  public static final Duration ACTIVITY = Duration.ofHours(48);
  /** How long an error's count outlives its last occurrence. */
  public static final Duration ERROR_COUNTS = Duration.ofDays(30);
  /** How often the pruner runs. */
  public static final Duration EVERY = Duration.ofHours(1);
  /** The most rows one delete statement removes. */
  static final int BATCH = 5_000;

  private static final Logger LOG = LoggerFactory.getLogger(TablePruner.class);

  /**
   * One kind of row to remove: {@code condition} over alias {@code t}, with {@code $1} the cutoff (now − keep), or
   * no parameter when {@code keep} is null (rows that go whatever their age).
   */
  private record Rule(String table, Duration keep, String condition) {}

  private static final List<Rule> RULES = List.of(
      new Rule("outbound_notification", PROCESSED_NOTIFICATIONS, "t.status = 'processed' AND t.processed_at < $1"),
      new Rule("outbound_notification", FAILED_NOTIFICATIONS, "t.status = 'failed' AND t.processed_at < $1"),
      new Rule("sync_request", QUEUED_WORK, "t.requested_at < $1"),
      new Rule("config_change", QUEUED_WORK, "t.requested_at < $1"),
      new Rule("mailbox_change", QUEUED_WORK, "t.received_at < $1"),
      new Rule("sync_activity", ACTIVITY, "t.minute < $1 AND t.minute < (SELECT max(n.minute) FROM sync_activity n"
          + " WHERE n.org_id = t.org_id AND n.kind = t.kind)"),
      // Superseded the moment a newer row of the same error is queued, whatever its age.
      new Rule("error_outbox", null, "t.error_key IS NOT NULL AND EXISTS (SELECT 1"
          + " FROM error_outbox n WHERE n.org_id = t.org_id AND n.error_key = t.error_key AND n.id > t.id)"),
      new Rule("error_occurrence", ERROR_COUNTS, "t.last_at < $1 AND NOT EXISTS (SELECT 1 FROM error_outbox o"
          + " WHERE o.org_id = t.org_id AND o.error_key = t.error_key)"));

  private final Pool pool;
  private final Clock clock;
  private final Metrics.Counter pruned;
  private final Metrics.Counter failures;
  private final AtomicBoolean running = new AtomicBoolean();
  private Vertx vertx;
  private long timer = -1;

  public TablePruner(Pool pool, Clock clock, Metrics metrics) {
    this.pool = pool;
    this.clock = clock;
    this.pruned = metrics.counter("exsync_pruned_rows_total", "Rows removed by the pruner because nothing needs them any more",
        "table");
    this.failures = metrics.counter("exsync_prune_failures_total", "Pruner runs that failed (the next run tries again)");
  }

  /** Prunes now, and every {@link #EVERY} until {@link #stop}; each run on a virtual thread of its own. */
  public void start(Vertx vertx) {
    this.vertx = vertx;
    runInBackground();
    timer = vertx.setPeriodic(EVERY.toMillis(), id -> runInBackground());
  }

  /** Stops the schedule (a run in progress finishes). */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void runInBackground() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous run is still going
    }
    Thread.ofVirtual().name("exsync-pruner").start(() -> {
      try {
        pruneOnce();
      } catch (Throwable e) {
        failures.inc();
        LOG.error("Pruning failed; the next run tries again", e);
      } finally {
        running.set(false);
      }
    });
  }

  /**
   * Applies every rule once, on the caller's thread (blocking).
   *
   * @return rows removed per table
   */
  public Map<String, Long> pruneOnce() {
    Instant now = clock.instant();
    Map<String, Long> removed = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      long n = prune(rule, rule.keep() == null ? Tuple.tuple() : Tuple.of(now.minus(rule.keep()).atOffset(ZoneOffset.UTC)));
      removed.merge(rule.table(), n, Long::sum);
    }
    long total = removed.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      LOG.info("Pruned {} rows nothing needs any more: {}", total, removed);
    }
    return removed;
  }

  private long prune(Rule rule, Tuple cutoff) {
    String sql = "DELETE FROM " + rule.table() + " WHERE ctid = ANY(ARRAY(SELECT t.ctid FROM " + rule.table() + " t WHERE "
        + rule.condition() + " LIMIT " + BATCH + "))";
    long total = 0;
    while (true) {
      int n = Blocking.await(pool.preparedQuery(sql).execute(cutoff)).rowCount();
      total += n;
      pruned.add(n, rule.table());
      if (n < BATCH) {
        return total;
      }
    }
  }
}
