package com.exchangesync.worker.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records synced per org, kind and minute, in PostgreSQL, so every worker adds
 * to one count: the system status's "records synced in the last 60 minutes and
 * 24 hours" and "last sync activity" are read from here.
 */
public final class SyncActivity {

  private final Pool pool;

  public SyncActivity(Pool pool) {
    this.pool = pool;
  }

  /**
   * Adds {@code records} written at {@code at}. A pass that wrote nothing is no
   * activity: "last sync activity" is when records last moved, so a quiet cycle
   * changes no status (and writes none).
   */
  public void record(String orgId, String kind, int records, Instant at) {
    if (records <= 0) {
      return;
    }
    Blocking.await(pool.preparedQuery("INSERT INTO sync_activity (org_id, kind, minute, records) VALUES ($1, $2, $3, $4) "
        + "ON CONFLICT (org_id, kind, minute) DO UPDATE SET records = sync_activity.records + EXCLUDED.records")
        .execute(Tuple.of(orgId, kind, at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC), records)));
  }

  /** Records synced since {@code from}. */
  public long since(String orgId, String kind, Instant from) {
    for (Row r : Blocking.await(pool.preparedQuery("SELECT coalesce(sum(records), 0) FROM sync_activity "
        + "WHERE org_id = $1 AND kind = $2 AND minute >= $3").execute(Tuple.of(orgId, kind,
        from.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))))) {
      return r.getLong(0);
    }
    return 0;
  }

  /** The last minute records were synced in, if any. */
  public Optional<Instant> last(String orgId, String kind) {
    for (Row r : Blocking.await(pool.preparedQuery("SELECT max(minute) FROM sync_activity WHERE org_id = $1 AND kind = $2")
        .execute(Tuple.of(orgId, kind)))) {
      return Optional.ofNullable(r.getOffsetDateTime(0)).map(o -> o.toInstant());
    }
    return Optional.empty();
  }
}
