package com.exchangesync.worker.store;

import com.exchangesync.worker.http.HealthCheck;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Ready only while the database answers a trivial query. */
public final class DatabaseHealthCheck implements HealthCheck {

  private final Pool pool;

  /** Checks through {@code pool}. */
  public DatabaseHealthCheck(Pool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public Future<Void> check() {
    return pool.query("SELECT 1").execute()
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture("not reachable (" + e.getMessage() + ")"));
  }
}
