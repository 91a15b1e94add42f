package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.cycle.ContactSyncCycle;
import com.exchangesync.worker.cycle.MailboxConnectors;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.PassReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The whole contacts sync, end to end: R reps (default 20), each with N contacts
 * (default 1,000: half made in Salesforce, half in Outlook), synced both ways by
 * one worker with a fixed latency (default 20 ms) on every SOAP and EWS call.
 * Prints items per second, Salesforce calls per 1,000 records and EWS calls per
 * 1,000 items for the initial sync, the second cycle (which reads the echoes of
 * the first one's writes) and a third with nothing new, beside the
 * fewest calls the batch limits allow (200 records a Salesforce write, 2,000 a
 * query page; 512 changes a SyncFolderItems page, 100 items an EWS write or read).
 * Usage: {@code scripts/bench ContactSyncBenchmark [reps] [contactsPerRep] [latencyMs]}; needs PostgreSQL.
 */
public final class ContactSyncBenchmark {

  private ContactSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perRep = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int half = perRep / 2;
    Vertx vertx = Vertx.vertx();
    Path root = Path.of(System.getProperty("exsync.project.root", "."));
    ExchangeTestbed exBed = ExchangeTestbed.start(vertx, ExchangeTestbedOptions.defaults()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    SalesforceTestbed sfBed = SalesforceTestbed.start(vertx, SalesforceTestbedOptions.defaults().withProjectRoot(root))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try (TestDatabase db = TestDatabase.create("syncbench")) {
      ExchangeSimClient ex = new ExchangeSimClient(exBed.baseUrl());
      SalesforceSimClient sf = new SalesforceSimClient(sfBed.baseUrl());
      JsonArray users = new JsonArray();
      List<String> emails = new ArrayList<>();
      for (int r = 0; r < reps; r++) {
        String email = "rep" + r + "@bench.example.com";
        emails.add(email);
        users.add(new JsonObject().put("id", String.format("0055g0000BN%04d", r)).put("username", "sf." + email)
            .put("email", email).put("name", "Rep " + r).put("profileId", "00e5g00000BENCH"));
      }
      sf.org(new JsonObject().put("orgId", "00D5g00000BENCH").put("integrationUser",
          new JsonObject().put("username", "integration@bench.example.com").put("password", "bench")).put("users", users));
      ex.serviceAccount("svc@bench.example.com", "svc-bench", emails);
      sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
          .put("Service_Account_Username__c", "svc@bench.example.com").put("Service_Account_Password__c", "svc-bench")
          .put("Exchange_Endpoint__c", exBed.ewsUrl()));
      String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Bench").put("Active__c", true)
          .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Scope__c", "Selected Contacts")
          .put("Contact_Users_Records__c", true)).getString("Id");
      sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
          .put("Profile_Id__c", "00e5g00000BENCH"));

      Metrics metrics = new Metrics();
      SalesforceAdapter adapter = new SalesforceAdapter(new SalesforceClient(new SalesforceSettings(URI.create(sfBed.baseUrl()),
          "integration@bench.example.com", Secret.of("bench"), "", true, 4, Duration.ofSeconds(10), Duration.ofSeconds(120), 6,
          Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(5))), metrics), new SalesforceNames(""));
      System.out.printf("Seeding %d reps x %,d contacts (%,d in Salesforce, %,d in Outlook each) ...%n", reps, perRep, half, perRep - half);
      EwsMailboxConnector seeder = new EwsMailboxConnector(EwsSettings.of(new ServiceAccount("svc@bench.example.com",
          Secret.of("svc-bench")), Optional.of(URI.create(exBed.ewsUrl())), Optional.empty(), true), new ExchangeStats(new Metrics()),
          Clock.systemUTC());
      for (int r = 0; r < reps; r++) {
        ex.mailbox(emails.get(r), "Rep " + r);
        List<SalesforceRecord> contacts = new ArrayList<>();
        for (int i = 0; i < half; i++) {
          contacts.add(SalesforceRecord.of("Contact", null, Map.of("FirstName", "Sf" + i, "LastName", "Rep" + r + "-" + i,
              "Email", "sf" + i + "." + emails.get(r), "Title", "Buyer", "OwnerId", users.getJsonObject(r).getString("id"))));
        }
        adapter.create(contacts);
        List<NewItem> items = new ArrayList<>();
        for (int i = 0; i < perRep - half; i++) {
          items.add(new NewItem(ItemKind.CONTACT, Map.of(ExchangeField.GIVEN_NAME, "Ex" + i, ExchangeField.SURNAME, "Out" + r + "-" + i,
              ExchangeField.EMAIL, "ex" + i + "." + emails.get(r), ExchangeField.MOBILE_PHONE, "+1 555 01" + i), Optional.empty()));
        }
        try (Mailbox m = seeder.open(emails.get(r))) {
          m.create(ItemKind.CONTACT, items);
        }
      }
      ex.fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", latency).put("count", -1));
      sf.fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", latency).put("count", -1));

      Pool pool = db.pool(vertx, 4);
      Blocking.await(Migrations.worker().migrate(pool));
      ContactSyncCycle cycle = new ContactSyncCycle(adapter, MailboxConnectors.ews(Optional.empty(), Optional.empty(), true,
          new ExchangeStats(new Metrics()), Clock.systemUTC()), new PostgresSyncStateStore(pool), new MailboxLeases(pool),
          new ErrorOutbox(pool), new SyncActivity(pool), "bench", Clock.systemUTC(), Duration.ofMinutes(5));
      System.out.printf("%n%d ms latency per SOAP and EWS call%n", latency);
      System.out.printf("%-22s %8s %10s %9s %13s %13s %9s %13s %13s%n", "cycle", "items", "seconds", "items/s", "SF calls",
          "SF/1,000", "fewest", "EWS calls", "EWS/1,000");
      run("initial, both ways", cycle, sf, ex, reps, perRep, true);
      run("second (echoes)", cycle, sf, ex, reps, perRep, false);
      run("third, quiet", cycle, sf, ex, reps, perRep, false);
      adapter.client().close();
    } finally {
      exBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      sfBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void run(String name, ContactSyncCycle cycle, SalesforceSimClient sf, ExchangeSimClient ex, int reps, int perRep,
                          boolean initial) throws Exception {
    JsonObject sfStart = sf.stats().getJsonObject("calls").copy();
    JsonObject exStart = ex.stats().getJsonObject("calls").copy();
    long sfBefore = total(sf.stats());
    long exBefore = total(ex.stats());
    long start = System.nanoTime();
    List<RepOutcome> outcomes = cycle.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long sfCalls = total(sf.stats()) - sfBefore;
    long exCalls = total(ex.stats()) - exBefore;
    int written = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(PassReport::writes).sum();
    long synced = outcomes.stream().filter(o -> o.state().equals("synced")).count();
    if (synced != reps) {
      throw new IllegalStateException("only " + synced + " of " + reps + " reps synced: " + outcomes);
    }
    int items = reps * perRep;
    // Fewest Salesforce calls: per rep one query page per 2,000 read, one write per 200 created (half the items).
    long fewestSf = initial ? reps * ((long) Math.ceil(perRep / 2000.0) + (long) Math.ceil((perRep / 2.0) / 200.0)) : reps;
    System.out.printf("%-22s %8d %10.1f %9.0f %13d %13.1f %9.1f %13d %13.1f%n", name, written, seconds,
        (initial ? items : reps) / seconds, sfCalls, sfCalls * 1000.0 / items, fewestSf * 1000.0 / items, exCalls,
        exCalls * 1000.0 / items);
    System.out.printf("%-22s Salesforce %s; EWS %s%n", "", byOperation(sfStart, sf.stats()), byOperation(exStart, ex.stats()));
  }

  /** The calls of one cycle by operation, most first. */
  private static String byOperation(JsonObject before, JsonObject after) {
    JsonObject calls = after.getJsonObject("calls");
    return calls.fieldNames().stream().filter(op -> !op.equals("login"))
        .map(op -> Map.entry(op, calls.getLong(op) - before.getLong(op, 0L))).filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).map(e -> e.getKey() + " " + e.getValue())
        .reduce((a, b) -> a + ", " + b).orElse("none");
  }

  private static long total(JsonObject stats) {
    JsonObject calls = stats.getJsonObject("calls");
    return calls.fieldNames().stream().filter(op -> !op.equals("login")).mapToLong(calls::getLong).sum();
  }
}
