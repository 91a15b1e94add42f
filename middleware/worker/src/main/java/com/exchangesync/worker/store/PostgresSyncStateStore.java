package com.exchangesync.worker.store;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.Cursor;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.LeaseLostException;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.LinkedIds;
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
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private static final String LINK_COLUMNS = "salesforce_id, exchange_id, base, exchange_change_key, series, salesforce_base, "
      + "exchange_base";

  @Override
  public SyncState load(MailboxKey mailbox, ItemKind kind) {
    List<Link> links = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT " + LINK_COLUMNS + " FROM sync_link "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 ORDER BY salesforce_id").execute(key(mailbox, kind)))) {
      links.add(link(r));
    }
    List<Tombstone> tombstones = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, record_id, fingerprint FROM sync_tombstone "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key(mailbox, kind)))) {
      tombstones.add(new Tombstone(Side.valueOf(r.getString(0)), r.getString(1), r.getString(2)));
    }
    SyncState start = start(mailbox, kind);
    return new SyncState(links, tombstones, start.cursors(), start.retries());
  }

  @Override
  public SyncState start(MailboxKey mailbox, ItemKind kind) {
    Tuple key = key(mailbox, kind);
    List<Retry> retries = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, record_id, attempts, not_before FROM sync_retry "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key))) {
      retries.add(new Retry(Side.valueOf(r.getString(0)), r.getString(1), r.getInteger(2),
          r.getOffsetDateTime(3).toInstant()));
    }
    Map<Side, Cursor> cursors = new EnumMap<>(Side.class);
    for (Row r : Blocking.await(pool.preparedQuery("SELECT side, token, direction, settings FROM sync_cursor "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key))) {
      cursors.put(Side.valueOf(r.getString(0)), new Cursor(r.getString(1), Direction.valueOf(r.getString(2)), r.getString(3)));
    }
    return new SyncState(List.of(), List.of(), cursors, retries);
  }

  @Override
  public Map<String, Link> linksOfSalesforce(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    Map<String, Link> out = new HashMap<>();
    linksWhere("salesforce_id", mailbox, kind, ids).forEach(l -> out.put(l.salesforceId(), l));
    return out;
  }

  @Override
  public Map<String, Link> linksOfExchange(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    Map<String, Link> out = new HashMap<>();
    linksWhere("exchange_id", mailbox, kind, ids).forEach(l -> out.put(l.exchangeId(), l));
    return out;
  }

  /** Links whose {@code column} is one of {@code values} (both columns are indexed: the key and a unique constraint). */
  private List<Link> linksWhere(String column, MailboxKey mailbox, ItemKind kind, Collection<String> values) {
    List<Link> links = new ArrayList<>();
    if (values.isEmpty()) {
      return links;
    }
    for (Row r : Blocking.await(pool.preparedQuery("SELECT " + LINK_COLUMNS + " FROM sync_link "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 AND " + column + " = ANY($4)")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name(), values.toArray(new String[0]))))) {
      links.add(link(r));
    }
    return links;
  }

  @Override
  public List<Link> linksInSeries(MailboxKey mailbox, ItemKind kind, String series) {
    List<Link> links = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT " + LINK_COLUMNS + " FROM sync_link "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 AND series = $4 ORDER BY salesforce_id")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name(), series)))) {
      links.add(link(r));
    }
    return links;
  }

  @Override
  public Map<String, Tombstone> tombstones(MailboxKey mailbox, ItemKind kind, Side side, Collection<String> ids) {
    Map<String, Tombstone> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    for (Row r : Blocking.await(pool.preparedQuery("SELECT record_id, fingerprint FROM sync_tombstone "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 AND side = $4 AND record_id = ANY($5)")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name(), side.name(), ids.toArray(new String[0]))))) {
      out.put(r.getString(0), new Tombstone(side, r.getString(0), r.getString(1)));
    }
    return out;
  }

  @Override
  public Set<String> linkedFolderItemIds(MailboxKey mailbox, ItemKind kind) {
    Set<String> ids = new HashSet<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT exchange_id FROM sync_link WHERE org_id = $1 AND user_id = $2"
        + " AND kind = $3 AND (series IS NULL OR exchange_id = series)").execute(key(mailbox, kind)))) {
      ids.add(r.getString(0));
    }
    return ids;
  }

  @Override
  public LinkedIds linkedSalesforceIds(MailboxKey mailbox, ItemKind kind) {
    return new LinkedIds() {
      @Override
      public Set<String> among(Collection<String> ids) {
        return new HashSet<>(linksOfSalesforce(mailbox, kind, ids).keySet());
      }

      @Override
      public Set<String> all() {
        Set<String> ids = new HashSet<>();
        for (Row r : Blocking.await(pool.preparedQuery("SELECT salesforce_id FROM sync_link "
            + "WHERE org_id = $1 AND user_id = $2 AND kind = $3").execute(key(mailbox, kind)))) {
          ids.add(r.getString(0));
        }
        return ids;
      }

      @Override
      public boolean isEmpty() {
        return Blocking.await(pool.preparedQuery("SELECT 1 FROM sync_link WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
            + "LIMIT 1").execute(key(mailbox, kind))).size() == 0;
      }
    };
  }

  @Override
  public int linkCount(MailboxKey mailbox, ItemKind kind) {
    return Blocking.await(pool.preparedQuery("SELECT count(*) FROM sync_link WHERE org_id = $1 AND user_id = $2 AND kind = $3")
        .execute(key(mailbox, kind))).iterator().next().getLong(0).intValue();
  }

  private static Tuple key(MailboxKey mailbox, ItemKind kind) {
    return Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name());
  }

  private static Link link(Row r) {
    return new Link(r.getString(0), r.getString(1), strings(r.getJsonObject(2)), r.getString(3), r.getString(4),
        r.getJsonObject(5) == null ? null : strings(r.getJsonObject(5)), r.getJsonObject(6) == null ? null : strings(r.getJsonObject(6)));
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
          l.exchangeId(), new JsonObject(new HashMap<>(l.base())), l.exchangeChangeKey(), l.series(),
          l.salesforceBase() == null ? null : new JsonObject(new HashMap<>(l.salesforceBase())),
          l.exchangeBase() == null ? null : new JsonObject(new HashMap<>(l.exchangeBase())))).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_link WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND exchange_id = $4 AND salesforce_id <> $5").executeBatch(stale));
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_link (org_id, user_id, kind, salesforce_id, exchange_id, base, "
          + "exchange_change_key, series, salesforce_base, exchange_base) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
          + "ON CONFLICT (org_id, user_id, kind, salesforce_id) "
          + "DO UPDATE SET exchange_id = EXCLUDED.exchange_id, base = EXCLUDED.base, "
          + "exchange_change_key = EXCLUDED.exchange_change_key, series = EXCLUDED.series, "
          + "salesforce_base = EXCLUDED.salesforce_base, exchange_base = EXCLUDED.exchange_base, updated_at = now()")
          .executeBatch(rows));
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
    if (!change.forgottenItems().isEmpty()) {
      List<Tuple> rows = change.forgottenItems().stream().map(id -> Tuple.of(m.orgId(), m.userId(), k, id)).toList();
      f = f.compose(x -> conn.preparedQuery("DELETE FROM sync_unlinked_item WHERE org_id = $1 AND user_id = $2 AND kind = $3 "
          + "AND exchange_id = $4").executeBatch(rows));
    }
    if (!change.unlinkedItems().isEmpty()) {
      List<Tuple> rows = change.unlinkedItems().entrySet().stream()
          .map(e -> Tuple.of(m.orgId(), m.userId(), k, e.getKey(), e.getValue())).toList();
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_unlinked_item (org_id, user_id, kind, exchange_id, match_key) "
          + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, user_id, kind, exchange_id) "
          + "DO UPDATE SET match_key = EXCLUDED.match_key").executeBatch(rows));
    }
    if (!change.cursors().isEmpty()) {
      List<Tuple> rows = change.cursors().entrySet().stream().map(e -> Tuple.of(m.orgId(), m.userId(), k, e.getKey().name(),
          e.getValue().token(), e.getValue().direction().name(), e.getValue().settings())).toList();
      f = f.compose(x -> conn.preparedQuery("INSERT INTO sync_cursor (org_id, user_id, kind, side, token, direction, settings) "
          + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, user_id, kind, side) "
          + "DO UPDATE SET token = EXCLUDED.token, direction = EXCLUDED.direction, settings = EXCLUDED.settings, "
          + "updated_at = now()").executeBatch(rows));
    }
    return f.mapEmpty();
  }

  @Override
  public Map<String, List<String>> unlinkedItems(MailboxKey mailbox, ItemKind kind, Set<String> matchKeys) {
    Map<String, List<String>> out = new java.util.HashMap<>();
    if (matchKeys.isEmpty()) {
      return out;
    }
    for (Row r : Blocking.await(pool.preparedQuery("SELECT match_key, exchange_id FROM sync_unlinked_item "
        + "WHERE org_id = $1 AND user_id = $2 AND kind = $3 AND match_key = ANY($4) ORDER BY exchange_id")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), kind.name(), matchKeys.toArray(new String[0]))))) {
      out.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(r.getString(1));
    }
    return out;
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
          .compose(x -> conn.preparedQuery("DELETE FROM sync_unlinked_item WHERE org_id = $1 AND user_id = $2").execute(key))
          .map(true);
    })));
    if (!held) {
      throw new LeaseLostException(mailbox, owner);
    }
  }
}
