package com.exchangesync.bench;

import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.cycle.MailboxConnectors;
import com.exchangesync.worker.cycle.SyncCycle;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The worker's parts as the sync benchmarks run them, wired as {@code WorkerVerticle} wires them but without its
 * scheduler and HTTP server, so a benchmark runs each cycle itself and measures it: the Salesforce adapter signed in
 * to the test bed, EWS through the endpoint Setup names, and the real {@link SyncCycle} over PostgreSQL with the
 * worker's default parallelism ({@code EXSYNC_PARALLEL_MAILBOXES}).
 */
final class BenchWorker {

  /** The benchmark worker's id in the lease and presence tables. */
  static final String WORKER_ID = "bench";
  /** How long a benchmark's mailbox lease lasts. */
  static final Duration LEASE = Duration.ofMinutes(5);

  private BenchWorker() {}

  /** The Salesforce adapter, signed in to the test bed at {@code salesforceUrl} with {@code credentials}. */
  static SalesforceAdapter salesforce(String salesforceUrl, SalesforceCredentials credentials) {
    return new SalesforceAdapter(new SalesforceClient(new SalesforceSettings(URI.create(salesforceUrl), credentials, "", true, SalesforceSettings.CONNECTIONS,
        Duration.ofSeconds(10), Duration.ofSeconds(120), 6, Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(5))),
        new Metrics()), new SalesforceNames(""));
  }

  /** EWS as the worker reaches it when no EWS URL overrides Setup's. */
  static MailboxConnectors ews() {
    return MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, new ExchangeStats(new Metrics()), Clock.systemUTC());
  }

  /** The worker's cycle over both kinds, on {@code pool} (migrated), at the worker's default parallelism. */
  static SyncCycle cycle(SalesforceAdapter salesforce, MailboxConnectors connectors, Pool pool) {
    return new SyncCycle(salesforce, connectors, new PostgresSyncStateStore(pool), new MailboxLeases(pool),
        new WorkerPresence(pool), new ErrorOutbox(pool), new SyncActivity(pool), new MailboxSyncs(pool), new MailboxClaims(pool),
        SyncKinds.all(), WORKER_ID, Clock.systemUTC(), LEASE).parallelMailboxes(WorkerConfig.DEFAULT_PARALLEL_MAILBOXES);
  }
}
