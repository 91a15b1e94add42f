package com.exchangesync.worker.errors;

import com.exchangesync.worker.salesforce.SalesforceId;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code error_outbox} table: errors wait here until Salesforce has accepted
 * them, so none is lost while Salesforce is unreachable. Producers
 * {@link #add} (inside their own transaction when they have one); the
 * {@link ErrorOutboxDrainer} leases due rows, sends them, and {@link #sent
 * deletes} only those with a successful SaveResult.
 */
public final class ErrorOutbox {

  /** Rows a drainer may hold before another drainer may take them again (crashed drainer). */
  public static final Duration LEASE = Duration.ofMinutes(5);

  private final Pool pool;
  private final AtomicLong lastDepth = new AtomicLong();

  /** The outbox in the database behind {@code pool}. */
  public ErrorOutbox(Pool pool) {
    this.pool = pool;
  }

  /**
   * One row waiting to be sent.
   *
   * @param key the error's identity ({@link ErrorKey}): one Salesforce row per key
   * @param occurrences how often it has happened so far
   * @param firstOccurredAt when it first happened
   */
  public record Entry(long id, int attempts, SyncError error, String key, int occurrences, Instant firstOccurredAt) {}

  /** Adds an error through {@code client}: the pool, or a transaction the caller holds. */
  public Future<Void> add(SqlClient client, SyncError e) {
    // The count moves in the same statement as the row is queued, so concurrent workers add up.
    return client.preparedQuery("WITH occ AS (INSERT INTO error_occurrence (org_id, error_key, occurrences, first_at, last_at)"
            + " VALUES ($1, $12, 1, $10, $10) ON CONFLICT (org_id, error_key) DO UPDATE"
            + " SET occurrences = error_occurrence.occurrences + 1, last_at = EXCLUDED.last_at RETURNING occurrences, first_at)"
            + " INSERT INTO error_outbox (org_id, user_id, object_type, direction, salesforce_record_id,"
            + " exchange_item_id, error_code, error_message, suggestion, occurred_at, configuration_id, error_key,"
            + " occurrences, first_occurred_at)"
            + " SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, occ.occurrences, occ.first_at FROM occ")
        .execute(Tuple.from(new Object[] {SalesforceId.require(e.orgId()), e.userId(), e.objectType(), e.direction(),
            e.salesforceRecordId(), e.exchangeItemId(), e.code(), e.message(), e.suggestion(),
            OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.configurationId(), ErrorKey.of(e)}))
        .onSuccess(r -> lastDepth.incrementAndGet())
        .mapEmpty();
  }

  /** Adds an error in a transaction of its own. */
  public Future<Void> add(SyncError e) {
    return add(pool, e);
  }

  /**
   * Leases up to {@code limit} rows of {@code orgId} that are due, oldest first,
   * skipping rows another drainer holds.
   */
  public Future<List<Entry>> lease(String orgId, int limit) {
    return pool.preparedQuery("UPDATE error_outbox SET leased_until = now() + $3 * interval '1 millisecond'"
            + " WHERE id IN (SELECT id FROM error_outbox WHERE org_id = $1 AND next_attempt_at <= now()"
            + "   AND (leased_until IS NULL OR leased_until < now()) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)"
            + " RETURNING *")
        .execute(Tuple.of(SalesforceId.require(orgId), limit, LEASE.toMillis()))
        .map(rows -> {
          List<Entry> entries = new ArrayList<>();
          for (Row r : rows) {
            entries.add(new Entry(r.getLong("id"), r.getInteger("attempts"), new SyncError(r.getString("org_id"),
                r.getString("user_id"), r.getString("object_type"), r.getString("direction"),
                r.getString("salesforce_record_id"), r.getString("exchange_item_id"), r.getString("error_code"),
                r.getString("error_message"), r.getString("suggestion"),
                r.getOffsetDateTime("occurred_at").toInstant(), r.getString("configuration_id")),
                r.getString("error_key"), r.getInteger("occurrences"),
                r.getOffsetDateTime("first_occurred_at") == null ? r.getOffsetDateTime("occurred_at").toInstant()
                    : r.getOffsetDateTime("first_occurred_at").toInstant()));
          }
          entries.sort((a, b) -> Long.compare(a.id(), b.id()));
          return entries;
        });
  }

  /** Removes rows Salesforce accepted. */
  public Future<Void> sent(List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("DELETE FROM error_outbox WHERE id = ANY($1)")
        .execute(Tuple.of(ids.toArray(Long[]::new)))
        .onSuccess(r -> lastDepth.addAndGet(-r.rowCount()))
        .mapEmpty();
  }

  /** Puts a row back, due again after {@code delay}, with the reason it was not accepted. */
  public Future<Void> retryLater(long id, Duration delay, String reason) {
    return pool.preparedQuery("UPDATE error_outbox SET attempts = attempts + 1, leased_until = NULL,"
            + " next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1")
        .execute(Tuple.of(id, delay.toMillis(), reason))
        .mapEmpty();
  }

  /** How many rows are waiting, counted now (and remembered for {@link #lastDepth}). */
  public Future<Long> depth() {
    return pool.query("SELECT count(*) AS n FROM error_outbox").execute()
        .map(rows -> rows.iterator().next().getLong("n"))
        .onSuccess(lastDepth::set);
  }

  /** The depth as last counted or tracked, for the metrics gauge (no query at scrape time). */
  public long lastDepth() {
    return lastDepth.get();
  }

  /** The time the row of {@code id} is next due, for tests and diagnostics. */
  public Future<Instant> nextAttemptAt(long id) {
    return pool.preparedQuery("SELECT next_attempt_at FROM error_outbox WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getOffsetDateTime("next_attempt_at").toInstant());
  }
}
