package com.exchangesync.worker.store;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How each served mailbox last fared ({@code mailbox_sync}), per org, rep and kind, in PostgreSQL so that
 * every worker sees the whole org's mailboxes. A cycle names the mailboxes it serves ({@link #served}) and
 * records how each pass ended ({@link #succeeded}, {@link #failed}); readiness and {@code /metrics} ask for
 * the {@link #freshness} of the orgs this worker served. A mailbox that never synced counts from the time it
 * was first served.
 */
public final class MailboxSyncs {

  /** The longest failure text kept: enough for the cause and its fix. */
  private static final int ERROR_LENGTH = 1000;

  private final Pool pool;
  private final Set<String> orgs = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Instant> lastPassEnded = new AtomicReference<>();

  public MailboxSyncs(Pool pool) {
    this.pool = pool;
  }

  /** One mailbox and kind a cycle serves. */
  public record Served(String userId, String email, ItemKind kind) {}

  /**
   * A mailbox and kind whose last successful pass is older than asked.
   *
   * @param since the last successful pass, or when it was first served if it never synced
   * @param everSynced whether {@code since} is a successful pass
   * @param lastAttempt the last pass that ended, if any
   * @param lastError why the last pass failed, if it did
   */
  public record Stale(String orgId, String userId, String email, ItemKind kind, Instant since, boolean everSynced,
                      Optional<Instant> lastAttempt, Optional<String> lastError) {}

  /**
   * The served mailboxes of some orgs at one moment.
   *
   * @param served how many mailbox and kind pairs are served
   * @param staleCount how many of them have not synced since the time asked
   * @param stale the stalest of them, oldest first (at most as many as asked)
   * @param oldest per kind, the oldest last success (or first-served time of one never synced)
   */
  public record Freshness(int served, int staleCount, List<Stale> stale, Map<ItemKind, Instant> oldest) {

    /** Nothing served. */
    public static final Freshness NONE = new Freshness(0, 0, List.of(), Map.of());
  }

  /**
   * The mailboxes {@code orgId} serves now: new ones are added (served from {@code at}), and those no longer
   * served (the rep left every active configuration, or Exchange Sync was disabled) are removed, so they are
   * never reported stale.
   */
  public void served(String orgId, List<Served> mailboxes, Instant at) {
    String[] users = mailboxes.stream().map(Served::userId).toArray(String[]::new);
    String[] kinds = mailboxes.stream().map(m -> m.kind().name()).toArray(String[]::new);
    String[] emails = mailboxes.stream().map(Served::email).toArray(String[]::new);
    Blocking.await(pool.withTransaction(tx -> tx.preparedQuery(
            "DELETE FROM mailbox_sync WHERE org_id = $1"
                + " AND (user_id, kind) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))")
        .execute(Tuple.of(orgId, users, kinds))
        .compose(r -> tx.preparedQuery("INSERT INTO mailbox_sync (org_id, user_id, kind, email, served_since)"
                + " SELECT $1, u, k, e, $5 FROM unnest($2::text[], $3::text[], $4::text[]) AS m(u, k, e)"
                + " ON CONFLICT (org_id, user_id, kind) DO UPDATE SET email = EXCLUDED.email"
                + " WHERE mailbox_sync.email IS DISTINCT FROM EXCLUDED.email")
            .execute(Tuple.of(orgId, users, kinds, emails, utc(at))))));
    orgs.add(orgId);
  }

  /** A pass over {@code kind} of the mailbox ended successfully at {@code at}. */
  public void succeeded(MailboxKey key, String email, ItemKind kind, Instant at) {
    ended(key, email, kind, at, null);
  }

  /** A pass over {@code kind} of the mailbox ended at {@code at} without syncing, for {@code error}. */
  public void failed(MailboxKey key, String email, ItemKind kind, Instant at, String error) {
    String text = error == null || error.isBlank() ? "failed without a message" : error;
    ended(key, email, kind, at, text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text);
  }

  private void ended(MailboxKey key, String email, ItemKind kind, Instant at, String error) {
    OffsetDateTime when = utc(at);
    Blocking.await(pool.preparedQuery("INSERT INTO mailbox_sync (org_id, user_id, kind, email, served_since, last_attempt,"
            + " last_success, last_error) VALUES ($1, $2, $3, $4, $5, $5, CASE WHEN $6::text IS NULL THEN $5 END, $6)"
            + " ON CONFLICT (org_id, user_id, kind) DO UPDATE SET email = EXCLUDED.email, last_attempt = $5,"
            + " last_success = coalesce(EXCLUDED.last_success, mailbox_sync.last_success), last_error = $6")
        .execute(Tuple.of(key.orgId(), key.userId(), kind.name(), email, when, error)));
    orgs.add(key.orgId());
    lastPassEnded.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }

  /** The orgs whose mailboxes this worker served or synced since it started. */
  public Set<String> orgs() {
    return Set.copyOf(orgs);
  }

  /** When the last pass this worker recorded ended, if any: a cycle in progress is still moving on. */
  public Optional<Instant> lastPassEnded() {
    return Optional.ofNullable(lastPassEnded.get());
  }

  /**
   * The served mailboxes of {@code orgIds}: how many, which have not synced since {@code staleBefore} (the
   * {@code listed} stalest of them), and each kind's oldest last success. Does not block.
   */
  public Future<Freshness> freshness(Collection<String> orgIds, Instant staleBefore, int listed) {
    if (orgIds.isEmpty()) {
      return Future.succeededFuture(Freshness.NONE);
    }
    String[] ids = orgIds.toArray(String[]::new);
    OffsetDateTime before = utc(staleBefore);
    Future<RowSet<Row>> totals = pool.preparedQuery("SELECT kind, count(*) AS served,"
            + " count(*) FILTER (WHERE coalesce(last_success, served_since) < $2) AS stale,"
            + " min(coalesce(last_success, served_since)) AS oldest"
            + " FROM mailbox_sync WHERE org_id = ANY($1) GROUP BY kind")
        .execute(Tuple.of(ids, before));
    Future<RowSet<Row>> stalest = pool.preparedQuery("SELECT * FROM mailbox_sync"
            + " WHERE org_id = ANY($1) AND coalesce(last_success, served_since) < $2"
            + " ORDER BY coalesce(last_success, served_since), email, kind LIMIT $3")
        .execute(Tuple.of(ids, before, listed));
    return Future.all(totals, stalest).map(all -> {
      int served = 0;
      int staleCount = 0;
      Map<ItemKind, Instant> oldest = new EnumMap<>(ItemKind.class);
      for (Row r : totals.result()) {
        served += r.getLong("served").intValue();
        staleCount += r.getLong("stale").intValue();
        oldest.put(ItemKind.valueOf(r.getString("kind")), r.getOffsetDateTime("oldest").toInstant());
      }
      List<Stale> stale = new ArrayList<>();
      for (Row r : stalest.result()) {
        OffsetDateTime success = r.getOffsetDateTime("last_success");
        stale.add(new Stale(r.getString("org_id"), r.getString("user_id"), r.getString("email"),
            ItemKind.valueOf(r.getString("kind")),
            (success != null ? success : r.getOffsetDateTime("served_since")).toInstant(), success != null,
            Optional.ofNullable(r.getOffsetDateTime("last_attempt")).map(OffsetDateTime::toInstant),
            Optional.ofNullable(r.getString("last_error"))));
      }
      return new Freshness(served, staleCount, List.copyOf(stale), Map.copyOf(oldest));
    });
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
