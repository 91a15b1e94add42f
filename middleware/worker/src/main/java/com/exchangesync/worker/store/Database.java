package com.exchangesync.worker.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Opens the worker's connection pool. */
public final class Database {

  /**
   * The worker's pool size: one connection per mailbox synced at once ({@code EXSYNC_PARALLEL_MAILBOXES}'s default),
   * each pass holding at most one at a time.
   */
  public static final int POOL_SIZE = 8;

  private Database() {}

  /**
   * A pool on the database at {@code url} ({@code postgresql://user:password@host:port/db}).
   *
   * @param size the most connections the pool opens
   */
  public static Pool pool(Vertx vertx, String url, int size) {
    // Each connection keeps its prepared statements: a pass sends the same few statements for every page and every
    // rep, and preparing each anew was a round trip and a parse per call, on both sides of the connection.
    PgConnectOptions options = PgConnectOptions.fromUri(url).setReconnectAttempts(0).setCachePreparedStatements(true);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setName("exsync").setShared(false))
        .connectingTo(options)
        .using(vertx)
        .build();
  }
}
