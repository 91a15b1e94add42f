package com.exchangesync.worker;

import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.ErrorOutboxDrainer;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.outbound.NotificationConsumer;
import com.exchangesync.worker.outbound.NotificationStore;
import com.exchangesync.worker.outbound.OutboundEndpoint;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceHealthCheck;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceSession;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.store.Database;
import com.exchangesync.worker.store.DatabaseHealthCheck;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker: brings the database schema up to date, then serves HTTP
 * (health, metrics, Outbound Messages), consumes stored notifications and
 * drains the error outbox to Salesforce. Start-up fails (and nothing listens)
 * if the database cannot be migrated; an unreachable Salesforce only makes the
 * worker not ready.
 */
public final class WorkerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerVerticle.class);

  private final WorkerConfig config;
  private final Metrics metrics = new Metrics();
  private Pool pool;
  private HttpServer server;
  private NotificationConsumer consumer;
  private ErrorOutboxDrainer drainer;

  /** A worker with the given settings. */
  public WorkerVerticle(WorkerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LOG.info("Starting with database {}", config.databaseUrlForLogs());
    pool = Database.pool(vertx, config.databaseUrl(), 8);
    SalesforceClient client = new SalesforceClient(SalesforceSettings.from(config), metrics);
    SalesforceAdapter salesforce = new SalesforceAdapter(client, new SalesforceNames(config.salesforceNamespace()));
    ErrorOutbox errors = new ErrorOutbox(pool);
    drainer = new ErrorOutboxDrainer(vertx, errors, salesforce, Backoff.of(Duration.ofSeconds(30), Duration.ofHours(1)), metrics);
    consumer = new NotificationConsumer(vertx, pool, salesforce.names(), errors,
        Backoff.of(Duration.ofSeconds(5), Duration.ofMinutes(30)), 8, Clock.systemUTC(), metrics).withProductHandlers();
    OutboundEndpoint outbound = new OutboundEndpoint(vertx, config.outboundToken(), () -> {
      SalesforceSession session = client.currentSession();
      return session != null ? Future.succeededFuture(session.organizationId())
          : vertx.executeBlocking(salesforce::organizationId, false);
    }, new NotificationStore(pool), metrics, consumer::wake);
    HttpApi api = new HttpApi(vertx, metrics, List.of(new DatabaseHealthCheck(pool),
        new SalesforceHealthCheck(vertx, salesforce, Duration.ofSeconds(10), Clock.systemUTC())));
    return Migrations.worker().migrate(pool)
        .compose(applied -> vertx.createHttpServer()
            .requestHandler(api.routes(outbound::mount))
            .listen(config.httpPort(), "0.0.0.0"))
        .onSuccess(s -> {
          server = s;
          consumer.start(Duration.ofSeconds(5));
          drainer.start(Duration.ofSeconds(30));
        });
  }

  @Override
  public Future<?> stop() {
    if (consumer != null) {
      consumer.stop();
      drainer.stop();
    }
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
