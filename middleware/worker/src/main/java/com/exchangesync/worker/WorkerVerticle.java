package com.exchangesync.worker;

import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.cycle.SyncCycle;
import com.exchangesync.worker.cycle.CycleScheduler;
import com.exchangesync.worker.cycle.MailboxConnectors;
import com.exchangesync.worker.cycle.MailboxFreshnessCheck;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.cycle.WorkerHeartbeat;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.http.HealthCheck;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.exchange.graph.GraphStats;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.TablePruner;
import com.exchangesync.worker.sync.SyncKinds;
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
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker: brings the database schema up to date, then serves HTTP
 * (health, metrics, Outbound Messages), consumes stored notifications, drains
 * the error outbox to Salesforce, runs the sync cycles and prunes what nothing
 * needs any more. Start-up fails (and nothing listens) if the database cannot
 * be migrated; an unreachable Salesforce, a sync loop that stopped or completes
 * no cycle, or a mailbox that no longer syncs make the worker not ready.
 */
public final class WorkerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerVerticle.class);

  private final WorkerConfig config;
  private final Metrics metrics = new Metrics();
  private Pool pool;
  private HttpServer server;
  private NotificationConsumer consumer;
  private ErrorOutboxDrainer drainer;
  private CycleScheduler scheduler;
  private MailboxFreshnessCheck freshness;
  private TablePruner pruner;
  private WorkerHeartbeat heartbeat;
  private com.exchangesync.worker.push.PushControl push;
  private final boolean loop;
  private final java.util.function.Consumer<List<RepOutcome>> listener;

  /** A worker with the given settings. */
  public WorkerVerticle(WorkerConfig config) {
    this(config, true, outcomes -> { });
  }

  /**
   * A worker; with {@code loop} false no cycles run by themselves ({@link #runCycleOnce} runs one).
   *
   * @param listener told what each cycle did (the demo prints it)
   */
  public WorkerVerticle(WorkerConfig config, boolean loop, java.util.function.Consumer<List<RepOutcome>> listener) {
    this.config = config;
    this.loop = loop;
    this.listener = listener;
  }

  /** How this worker reaches Exchange: EWS or Microsoft Graph, as each org's setup says. */
  static MailboxConnectors connectors(Vertx vertx, WorkerConfig config, Metrics metrics) {
    return MailboxConnectors.byExchangeType(
        MailboxConnectors.ews(config.ewsUrl(), config.autodiscoverUrl(), config.allowInsecureLoopback(),
            new ExchangeStats(metrics), Clock.systemUTC()),
        MailboxConnectors.graph(vertx, config.graphCredentials(), config.graphLoginUrl(), config.graphUrl(),
            config.allowInsecureLoopback(), new GraphStats(metrics), Clock.systemUTC()));
  }

  @Override
  public Future<?> start() {
    LOG.info("Starting with database {}", config.databaseUrlForLogs());
    pool = Database.pool(vertx, config.databaseUrl(), Database.POOL_SIZE);
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
    String workerId = config.workerId();
    LOG.info("Worker {} starting", workerId);
    MailboxSyncs passes = new MailboxSyncs(pool);
    MailboxLeases leases = new MailboxLeases(pool);
    WorkerPresence presence = new WorkerPresence(pool);
    MailboxConnectors connectors = connectors(vertx, config, metrics);
    com.exchangesync.worker.push.PushContext pushContext = new com.exchangesync.worker.push.PushContext(
        new com.exchangesync.worker.push.MailboxChanges(pool), config.push().publicUrl(),
        new com.exchangesync.worker.push.GraphSubscriptionRows(pool), Clock.systemUTC());
    push = new com.exchangesync.worker.push.PushControl(config.push(), leases, workerId, config.lease(), pushContext);
    com.exchangesync.worker.push.GraphNotificationEndpoint graphEndpoint = new com.exchangesync.worker.push.GraphNotificationEndpoint(
        pushContext.graphSubscriptions(), pushContext.sink(), Clock.systemUTC(), metrics);
    SyncCycle cycle = new SyncCycle(salesforce, connectors, new PostgresSyncStateStore(pool), leases, presence, errors,
        new SyncActivity(pool), passes, new MailboxClaims(pool), SyncKinds.all(),
        workerId, Clock.systemUTC(), config.lease()).parallelMailboxes(config.parallelMailboxes());
    if (loop) {
      cycle.withPush(push);
    }
    scheduler = new CycleScheduler(wake -> {
      List<RepOutcome> outcomes = cycle.run(wake);
      Blocking.await(drainer.drainOnce());
      return outcomes;
    }, new com.exchangesync.worker.cycle.QueuedWorkTables(pool), () -> config.pollInterval(push.healthy()), passes::lastPassEnded, Clock.systemUTC(),
        metrics, listener);
    metrics.gauge("exsync_push_healthy", "1 while push notifications from Exchange reach this worker for every watched"
        + " mailbox (the poll then runs every EXSYNC_PUSH_POLL_INTERVAL_SECONDS), 0 otherwise", () -> push.healthy() ? 1 : 0);
    // A quiet mailbox is polled at the longer interval while push is healthy: judge freshness by that one.
    freshness = new MailboxFreshnessCheck(vertx, passes, config.push().enabled()
        ? max(config.pollInterval(), config.push().pollInterval()) : config.pollInterval(), Clock.systemUTC(), metrics);
    pruner = new TablePruner(pool, Clock.systemUTC(), metrics);
    List<HealthCheck> readiness = new ArrayList<>(List.of(new DatabaseHealthCheck(pool),
        new SalesforceHealthCheck(vertx, salesforce, Duration.ofSeconds(10), Clock.systemUTC())));
    if (loop) {
      readiness.add(scheduler.readiness());
      readiness.add(freshness);
    }
    HttpApi api = new HttpApi(vertx, metrics, readiness, loop ? List.of(scheduler.liveness()) : List.of());
    return Migrations.worker().migrate(pool)
        .compose(applied -> vertx.createHttpServer()
            .requestHandler(api.routes(router -> {
              outbound.mount(router);
              graphEndpoint.mount(router);
            }))
            .listen(config.httpPort(), "0.0.0.0"))
        .onSuccess(s -> {
          server = s;
          // In both modes: a --once run's leases must last its whole cycle too.
          heartbeat = new WorkerHeartbeat(leases, presence, workerId, config.lease());
          signInAtStart(client);
          consumer.start(Duration.ofSeconds(5));
          drainer.start(Duration.ofSeconds(30));
          if (loop) {
            scheduler.start();
            freshness.start();
            pruner.start(vertx);
          }
        });
  }

  /**
   * Signs in once at start, so a refused sign-in (an OAuth error with its fix) is in the log at once rather than at the
   * first cycle; {@code /health/ready} keeps showing it until the admin fixes it.
   */
  private void signInAtStart(SalesforceClient client) {
    vertx.executeBlocking(client::session, false).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("Cannot sign in to Salesforce: {}", ar.cause().getMessage(), ar.cause());
      }
    });
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public Future<?> stop() {
    // The push listener lets its subscriptions go and its lease free, off the event loop (both block).
    io.vertx.core.Promise<Void> pushClosed = io.vertx.core.Promise.promise();
    Thread.ofVirtual().name("exsync-push-close").start(() -> {
      try {
        if (push != null) {
          push.close();
        }
      } catch (RuntimeException e) {
        LOG.warn("Closing the push listener failed; its subscriptions expire by themselves", e);
      }
      pushClosed.complete();
    });
    if (consumer != null) {
      scheduler.stop();
      freshness.stop();
      pruner.stop();
      consumer.stop();
      drainer.stop();
    }
    // Leaving gives this worker's mailboxes back at once (a rolling update need not wait a lease); it blocks.
    WorkerHeartbeat beating = heartbeat;
    Future<Void> leave = beating == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      beating.close();
      return null;
    }, false);
    return pushClosed.future().compose(v -> server == null ? Future.<Void>succeededFuture() : server.close())
        .eventually(() -> leave).eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }


  /** Runs one cycle on a virtual thread (for {@code --once}); fails with whatever the cycle threw, an error too. */
  public Future<List<RepOutcome>> runCycleOnce() {
    io.vertx.core.Promise<List<RepOutcome>> done = io.vertx.core.Promise.promise();
    Thread.ofVirtual().name("exsync-once").start(() -> {
      try {
        done.complete(scheduler.runOnce());
      } catch (Throwable e) {
        LOG.error("The cycle failed", e);
        done.fail(e);
      }
    });
    return done.future();
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
