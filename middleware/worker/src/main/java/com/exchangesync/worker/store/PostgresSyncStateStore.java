package com.exchangesync.worker.store;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.Cursor;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.LeaseLostException;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.Retry;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.StateChange;
import com.exchangesync.worker.sync.SyncState;
import com.exchangesync.worker.sync.SyncStateStore;
import com.exchangesync.worker.sync.Tombstone;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sync state in PostgreSQL (tables of {@code V2__sync_state.sql}). Each save is
 * one transaction that first locks the mailbox's lease row and checks this worker
 * still holds it, so a worker that stalled past its lease cannot write over the
 * state of the worker that took over.
 */
public final class PostgresSyncStateStore implements SyncStateStore {

  private static final String LOCK_LEASE = "SELECT 1 FROM mailbox_lease WHERE org_id = $1 AND user_id = $2 AND owner = $3 "
      + "AND expires_at > now() FOR UPDATE";

  private final Pool pool;

  public PostgresSyncStateStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public SyncState load(MailboxKey mailbox, ItemKind kind) {
    Tuple key = Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name());
    List<Link> links = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT salesforce_id, exchange_id, base, exchange_change_key FROM sync_link "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 ORDER BY salesforce_id").execute(key))) {
      links.add(new Link(r.getString(0), r.getString(1), strings(r.getJsonObject(2)), r.getString(3)));
    }
    List<Tombstone> tombstones = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, record_id, fingerprint FROM sync_tombstone "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key))) {
      tombstones.add(new Tombstone(Side.valueOf(r.getString(0)), r.getString(1), r.getString(2)));
    }
    List<Retry> retries = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, record_id, attempts, not_before FROM sync_retry "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key))) {
      retries.add(new Retry(Side.valueOf(r.getString(0)), r.getString(1), r.getInteger(2),
          r.getOffsetDateTime(3).toInstant()));
    }
    Map<Side, Cursor> cursors = new EnumMap<>(Side.class);
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, token, direction FROM sync_cursor "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key))) {
      cursors.put(Side.valueOf(r.getString(0)), new Cursor(r.getString(1), Direction.valueOf(r.getString(2))));
    }
    return new SyncState(links, tombstones, cursors, retries);
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> map = new HashMap<>();
    json.forEach(e -> map.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString()));
    return map;
  }

  @Override
  public void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException {
    if (change.isEmpty()) {
      return;
    }
    boolean held = Blocking.await(pool.withTransaction(conn -> holdsLease(conn, mailbox, owner).compose(holds -> {
      if (!holds) {
        return Future.succeededFuture(false);
      }
      return write(conn, mailbox, kind, change).map(true);
    })));
    if (!held) {
      throw new LeaseLostException(mailbox, owner);
    }
  }

  private static Future<Boolean> holdsLease(SqlConnection conn, MailboxKey mailbox, String owner) {
    return conn.preparedQuery(LOCK_LEASE).execute(Tuple.of(mailbox.orgId(), mailbox.userId(), owner))
        .map(rows -> rows.size() == 1);
  }

  private static Future<Void> write(SqlConnection conn, MailboxKey m, ItemKind kind, StateChange change) {
    String k = kind.name();
    Future<?> f = Future.succeededFuture();
    if (!change.unlinkedSalesforceIds().isEmpty()) {
      List<Tuple> rows = change.unlinkedSalesforceIds().stream().map(id -> Tuple.of(m.orgId(), m.userId(), k, id)).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_link WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND salesforce_id = $4").executeBatch(rows));
    }
    if (!change.upserts().isEmpty()) {
      // An Exchange item paired anew drops its old pairing first (exchange_id is unique).
      List<Tuple> stale = change.upserts().stream()
          .map(l -> Tuple.of(m.orgId(), m.userId(), k, l.exchangeId(), l.salesforceId())).toList();
      List<Tuple> rows = change.upserts().stream().map(l -> Tuple.of(m.orgId(), m.userId(), k, l.salesforceId(),
          l.exchangeId(), new JsonObject(new HashMap<>(l.base())), l.exchangeChangeKey())).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_link WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND exchange_id = $4 AND salesforce_id <> $5").executeBatch(stale));
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_link (org_id, user_id, kind, salesforce_id, exchange_id, base, "
          + "exchange_change_key) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, user_id, kind, salesforce_id) "
          + "DO UPDATE SET exchange_id = EXCLUDED.exchange_id, base = EXCLUDED.base, "
          + "exchange_change_key = EXCLUDED.exchange_change_key, updated_at = now()").executeBatch(rows));
    }
    if (!change.clearedTombstones().isEmpty()) {
      List<Tuple> rows = change.clearedTombstones().stream()
          .map(t -> Tuple.of(m.orgId(), m.userId(), k, t.side().name(), t.recordId())).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_tombstone WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND side = $4 AND record_id = $5").executeBatch(rows));
    }
    if (!change.tombstones().isEmpty()) {
      List<Tuple> rows = change.tombstones().stream()
          .map(t -> Tuple.of(m.orgId(), m.userId(), k, t.side().name(), t.recordId(), t.fingerprint())).toList();
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_tombstone (org_id, user_id, kind, side, record_id, fingerprint) "
          + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, user_id, kind, side, record_id) "
          + "DO UPDATE SET fingerprint = EXCLUDED.fingerprint").executeBatch(rows));
    }
    if (!change.clearedRetries().isEmpty()) {
      List<Tuple> rows = change.clearedRetries().stream()
          .map(r -> Tuple.of(m.orgId(), m.userId(), k, r.side().name(), r.recordId())).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_retry WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND side = $4 AND record_id = $5").executeBatch(rows));
    }
    if (!change.retries().isEmpty()) {
      List<Tuple> rows = change.retries().stream().map(r -> Tuple.of(m.orgId(), m.userId(), k, r.side().name(), r.recordId(),
          r.attempts(), r.notBefore().atOffset(java.time.ZoneOffset.UTC))).toList();
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_retry (org_id, user_id, kind, side, record_id, attempts, not_before) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, user_id, kind, side, record_id) "
          + "DO UPDATE SET attempts = EXCLUDED.attempts, not_before = EXCLUDED.not_before").executeBatch(rows));
    }
    if (!change.cursors().isEmpty()) {
      List<Tuple> rows = change.cursors().entrySet().stream().map(e -> Tuple.of(m.orgId(), m.userId(), k, e.getKey().name(),
          e.getValue().token(), e.getValue().direction().name())).toList();
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_cursor (org_id, user_id, kind, side, token, direction) "
          + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, user_id, kind, side) "
          + "DO UPDATE SET token = EXCLUDED.token, direction = EXCLUDED.direction, updated_at = now()").executeBatch(rows));
    }
    return f.mapEmpty();
  }

  @Override
  public void reset(MailboxKey mailbox, String owner) throws LeaseLostException {
    Tuple key = Tuple.of(mailbox.orgId(), mailbox.userId());
    boolean held = Blocking.await(pool.withTransaction(conn -> holdsLease(conn, mailbox, owner).compose(holds -> {
      if (!holds) {
        return Future.succeededFuture(false);
      }
      return conn.preparedQuery("DELETE FROM sync_link WHERE org_id = $1 AND user_id = $2").execute(key)
          .compose(x -> conn.preparedQuery("DELETE FROM sync_cursor WHERE org_id = $1 AND user_id = $2").execute(key))
          .compose(x -> conn.preparedQuery("DELETE FROM sync_tombstone WHERE org_id = $1 AND user_id = $2").execute(key))
          .compose(x -> conn.preparedQuery("DELETE FROM sync_retry WHERE org_id = $1 AND user_id = $2").execute(key))
          .map(true);
    })));
    if (!held) {
      throw new LeaseLostException(mailbox, owner);
    }
  }
}
