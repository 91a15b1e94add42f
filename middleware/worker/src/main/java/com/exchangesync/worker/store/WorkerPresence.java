package com.exchangesync.worker.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * Which workers are live for an org ({@code worker_presence}): each announces itself when its cycle starts and
 * renews its rows with its leases, so the workers sharing a database know how many they are and each takes an
 * even share of the org's mailboxes. A worker that stops (or dies) leaves, or stops counting one lease later.
 */
public final class WorkerPresence {

  /** Rows of workers gone this long are deleted: long past mattering, short enough to keep the table small. */
  private static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final Pool pool;

  public WorkerPresence(Pool pool) {
    this.pool = pool;
  }

  /** {@code worker} is live for {@code orgId} for {@code ttl}; rows of workers long gone are forgotten. */
  public void announce(String orgId, String worker, Duration ttl) {
    Blocking.await(pool.preparedQuery("INSERT INTO worker_presence (org_id, worker_id, expires_at) "
        + "VALUES ($1, $2, now() + make_interval(secs => $3)) "
        + "ON CONFLICT (org_id, worker_id) DO UPDATE SET expires_at = excluded.expires_at")
        .execute(Tuple.of(orgId, worker, seconds(ttl))));
    Blocking.await(pool.preparedQuery("DELETE FROM worker_presence WHERE org_id = $1 "
        + "AND expires_at < now() - make_interval(secs => $2)").execute(Tuple.of(orgId, seconds(FORGET_AFTER))));
  }

  /** The workers live for {@code orgId} now (at least 1 for a worker that just announced itself). */
  public int live(String orgId) {
    for (Row r : Blocking.await(pool.preparedQuery("SELECT count(*) FROM worker_presence WHERE org_id = $1 "
        + "AND expires_at > now()").execute(Tuple.of(orgId)))) {
      return (int) r.getLong(0).longValue();
    }
    return 0;
  }

  /** Extends every live row of {@code worker} by {@code ttl}; returns how many it had. */
  public int renew(String worker, Duration ttl) {
    return Blocking.await(pool.preparedQuery("UPDATE worker_presence SET expires_at = now() + make_interval(secs => $2) "
        + "WHERE worker_id = $1 AND expires_at > now()").execute(Tuple.of(worker, seconds(ttl)))).rowCount();
  }

  /** {@code worker} stops: the others count one fewer at once. */
  public void leave(String worker) {
    Blocking.await(pool.preparedQuery("DELETE FROM worker_presence WHERE worker_id = $1").execute(Tuple.of(worker)));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
