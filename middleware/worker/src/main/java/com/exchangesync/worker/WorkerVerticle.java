package com.exchangesync.worker;

import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.Database;
import com.exchangesync.worker.store.DatabaseHealthCheck;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker: brings the database schema up to date, then serves HTTP.
 * Start-up fails (and nothing listens) if the database cannot be migrated.
 */
public final class WorkerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerVerticle.class);

  private final WorkerConfig config;
  private final Metrics metrics = new Metrics();
  private Pool pool;
  private HttpServer server;

  /** A worker with the given settings. */
  public WorkerVerticle(WorkerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info("Starting with database {}", config.databaseUrlForLogs());
    pool = Database.pool(vertx, config.databaseUrl(), 8);
    HttpApi api = new HttpApi(vertx, metrics, List.of(new DatabaseHealthCheck(pool)));
    return Migrations.worker().migrate(pool)
        .compose(applied -> vertx.createHttpServer()
            .requestHandler(api.routes(router -> { }))
            .listen(config.httpPort(), "0.0.0.0"))
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closeServer = server == null ? Future.succeededFuture() : server.close();
    return closeServer.eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  /** The port the HTTP server listens on (after start). */
  public int port() {
    return server.actualPort();
  }

  /** The worker's metrics. */
  public Metrics metrics() {
    return metrics;
  }
}
