package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.ErrorOutboxDrainer;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.exchange.graph.GraphStats;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both test beds and PostgreSQL for whole-cycle tests: an org with reps Ann and
 * Bob (rep profile), Cy (another profile), Dee (rep profile, a domain the service
 * account does not serve) and Eve (rep profile, inactive); Exchange Sync set up;
 * one configuration "Sales" (both ways, Salesforce wins, last updated, Selected
 * Contacts) with Ann individually and the rep profile as members.
 */
@ExtendWith(PostgresExtension.class)
abstract class CycleTestBase {


  static final String ANN = SalesforceTestbedFixture.ANN;
  static final String BOB = SalesforceTestbedFixture.BOB;
  static final String CY = SalesforceTestbedFixture.CY;
  static final String OTHER_PROFILE = "00e5g00000OTHER";
  static final String DEE = "0055g00000DEERP";
  static final String EVE = "0055g00000EVERP";

  SalesforceTestbedFixture sf;
  ExchangeTestbedFixture ex;
  Pool pool;
  SalesforceAdapter adapter;
  SyncCycle cycle;
  ErrorOutboxDrainer drainer;
  String config;
  TestDatabase database;

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    database = db;
    sf = new SalesforceTestbedFixture("", new JsonObject().put("users", new JsonArray()
        .add(user(ANN, "ann@corp.example.com", SalesforceTestbedFixture.REP_PROFILE))
        .add(user(BOB, "bob@corp.example.com", SalesforceTestbedFixture.REP_PROFILE))
        .add(user(CY, "cy@corp.example.com", OTHER_PROFILE))
        .add(user(DEE, "dee@elsewhere.example.com", SalesforceTestbedFixture.REP_PROFILE))
        .add(user(EVE, "eve@corp.example.com", SalesforceTestbedFixture.REP_PROFILE).put("isActive", false))));
    ex = new ExchangeTestbedFixture();
    ex.sim.serviceAccount(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD, null);
    ex.sim.mailbox("cy@corp.example.com", "Cy Rep");
    pool = db.pool(sf.vertx, 4);
    Blocking.await(Migrations.worker().migrate(pool));
    // The database lives as long as the class; each test starts from no sync state.
    Blocking.await(pool.query("TRUNCATE outbound_notification, sync_request, config_change, error_outbox, sync_link, "
        + "sync_cursor, sync_tombstone, sync_retry, mailbox_lease, sync_activity, error_occurrence, mailbox_sync,"
        + " worker_presence, mailbox_claim, mailbox_change, graph_subscription").execute());
    adapter = sf.adapter();
    ErrorOutbox outbox = new ErrorOutbox(pool);
    Metrics metrics = new Metrics();
    drainer = new ErrorOutboxDrainer(sf.vertx, outbox, adapter, Backoff.of(Duration.ofMillis(10), Duration.ofMillis(10)), metrics);
    MailboxConnectors connectors = MailboxConnectors.byExchangeType(
        MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, ex.stats, Clock.systemUTC()), graphConnectors());
    cycle = new SyncCycle(adapter, connectors, new PostgresSyncStateStore(pool), new MailboxLeases(pool),
        new WorkerPresence(pool), outbox, new SyncActivity(pool), new MailboxSyncs(pool), new MailboxClaims(pool),
        SyncKinds.all(), "worker-it", Clock.systemUTC(), Duration.ofSeconds(30));

    sf.sim.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", ExchangeTestbedFixture.SERVICE)
        .put("Service_Account_Password__c", ExchangeTestbedFixture.PASSWORD)
        .put("Exchange_Endpoint__c", ex.bed.ewsUrl()));
    config = sf.sim.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Sales").put("Active__c", true)
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Salesforce wins")
        .put("Contact_Match_Preference__c", "Was last updated").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true).put("Event_Sync_Direction__c", "Don't sync")).getString("Id");
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "User")
        .put("User__c", ANN));
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", SalesforceTestbedFixture.REP_PROFILE));
  }

  /**
   * The connectors of an org on Exchange Online: none that can sign in here; the
   * Graph tests ({@link GraphCycles}) start the Graph test bed over the same mailboxes.
   */
  MailboxConnectors graphConnectors() throws Exception {
    return MailboxConnectors.graph(sf.vertx, Optional.empty(), URI.create("https://login.microsoftonline.com"),
        URI.create("https://graph.microsoft.com"), false, new GraphStats(new Metrics()), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    ex.close();
    sf.close();
  }

  static JsonObject user(String id, String email, String profile) {
    return new JsonObject().put("id", id).put("username", email.replace("@", ".sf@")).put("email", email)
        .put("name", email).put("profileId", profile);
  }

  String contact(String owner, String first, String last, String email) {
    return sf.sim.create("Contact", new JsonObject().put("FirstName", first).put("LastName", last).put("Email", email)
        .put("OwnerId", owner)).getString("Id");
  }

  /**
   * The Salesforce calls of a quiet cycle, by operation: the org's clock moved on a quarter of an hour before it and
   * before one cycle that lets the last changes settle, as the poll would be with push healthy.
   */
  Map<String, Long> salesforceCallsOfAQuietCycle() throws Exception {
    sf.sim.advanceClock(900);
    cycle.run();
    sf.sim.advanceClock(900);
    return salesforceCallsOfACycle();
  }

  /** The Salesforce calls the next cycle makes, by operation (as the test bed counts them). */
  Map<String, Long> salesforceCallsOfACycle() throws Exception {
    Map<String, Long> before = salesforceCalls();
    cycle.run();
    Map<String, Long> made = new TreeMap<>();
    salesforceCalls().forEach((op, n) -> {
      long d = n - before.getOrDefault(op, 0L);
      if (d > 0) {
        made.put(op, d);
      }
    });
    return made;
  }

  /** The Salesforce calls so far, by operation. */
  Map<String, Long> salesforceCalls() {
    Map<String, Long> calls = new TreeMap<>();
    JsonObject byOp = sf.sim.stats().getJsonObject("calls");
    if (byOp != null) {
      byOp.forEach(e -> calls.put(e.getKey(), ((Number) e.getValue()).longValue()));
    }
    return calls;
  }

  /** The links the worker saved for a rep and kind. */
  List<com.exchangesync.worker.sync.Link> links(String userId, com.exchangesync.worker.exchange.ItemKind kind) {
    return new PostgresSyncStateStore(pool).load(new com.exchangesync.worker.sync.MailboxKey(
        com.exchangesync.worker.salesforce.SalesforceId.require(SalesforceTestbedFixture.ORG_ID),
        com.exchangesync.worker.salesforce.SalesforceId.require(userId)), kind).links();
  }

  JsonObject userStatus(String userId) {
    for (Object o : sf.sim.records("Exchange_Sync_User_Status__c")) {
      JsonObject row = (JsonObject) o;
      if (row.getString("User_Key__c").startsWith(userId)) {
        return row;
      }
    }
    return null;
  }


  /**
   * The environment of a worker run as it is hosted, against this class's test beds and database, with both polls an
   * hour long so that only Outbound Messages and push notifications bring changes in time.
   */
  java.util.Map<String, String> hourlyPollWorker(String workerId, String outboundToken) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    env.put("EXSYNC_DATABASE_URL", database.url());
    env.put("EXSYNC_HTTP_PORT", "0");
    env.putAll(SalesforceTestbedFixture.jwtEnvironment(sf.bed.baseUrl()));
    env.put("EXSYNC_OUTBOUND_TOKEN", outboundToken);
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "3600");
    env.put("EXSYNC_PUSH_POLL_INTERVAL_SECONDS", "3600");
    env.put("EXSYNC_WORKER_ID", workerId);
    return env;
  }

  /** Whether the Salesforce test bed holds a contact named {@code lastName}. */
  boolean salesforceHas(String lastName) {
    return sf.sim.records("Contact").stream().map(JsonObject.class::cast).anyMatch(c -> lastName.equals(c.getString("LastName")));
  }

  /** Waits for {@code condition}, looking every 200 ms; fails after {@code seconds}. */
  static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + seconds + " s");
      }
      Thread.sleep(200);
    }
  }
}
