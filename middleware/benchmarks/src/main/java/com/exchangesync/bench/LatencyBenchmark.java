package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.WorkerVerticle;
import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Change made on one side → visible on the other, with the worker running as it is hosted (its HTTP server, the
 * scheduler, push) and both polls an hour long, so only push carries a change: a contact a rep makes in Outlook
 * reaches Salesforce through an EWS streaming notification; a contact saved in Salesforce reaches the rep's
 * mailbox through an Outbound Message. E edits on each side (default 20), one at a time, alternating sides and
 * reps; each is timed from the edit to its appearing on the other side (looked for every 25 ms). Prints each
 * direction's p50/p95/max and ends with the {@code RESULT} line ({@code p50_ms}, {@code p95_ms} over both
 * directions). Exchange Online (Graph) is not measured here: its notifications take the same path from the
 * worker's endpoint on (the {@code mailbox_change} row), see GraphPushIT.
 * Usage: {@code scripts/bench LatencyBenchmark [edits] [reps] [contactsPerRep]}; needs PostgreSQL.
 */
public final class LatencyBenchmark {

  private static final Duration LIMIT = Duration.ofSeconds(120);

  private LatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int edits = SyncBenchmark.arg(args, 0, 20);
    int reps = SyncBenchmark.arg(args, 1, 5);
    int contacts = SyncBenchmark.arg(args, 2, 20);
    BenchOrg org = new BenchOrg(reps, contacts, 0);
    Vertx vertx = Vertx.vertx();
    try (TestbedProcess beds = TestbedProcess.start(); TestDatabase db = TestDatabase.create("latencybench")) {
      ExchangeSimClient ex = new ExchangeSimClient(beds.exchangeUrl());
      SalesforceSimClient sf = new SalesforceSimClient(beds.salesforceUrl());
      org.create(sf, ex, beds.ewsUrl());
      SalesforceCredentials.ClientCredentials credentials =
          (SalesforceCredentials.ClientCredentials) BenchSignIn.register(sf, BenchOrg.INTEGRATION);
      SalesforceAdapter adapter = BenchWorker.salesforce(beds.salesforceUrl(), credentials);
      System.out.printf("Seeding %d reps x %d contacts ...%n", reps, contacts);
      org.seed(adapter, beds.ewsUrl(), LocalDate.now(EventPlan.ZONE));
      adapter.client().close();

      Map<String, String> env = new HashMap<>();
      env.put("EXSYNC_DATABASE_URL", db.url());
      env.put("EXSYNC_HTTP_PORT", "0");
      env.put("EXSYNC_SF_LOGIN_URL", beds.salesforceUrl());
      env.put("EXSYNC_SF_CLIENT_ID", credentials.clientId());
      env.put("EXSYNC_SF_CLIENT_SECRET", credentials.clientSecret().reveal());
      env.put("EXSYNC_OUTBOUND_TOKEN", "latency-benchmark-outbound-token");
      env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
      env.put("EXSYNC_POLL_INTERVAL_SECONDS", "3600");
      env.put("EXSYNC_PUSH_POLL_INTERVAL_SECONDS", "3600");
      env.put("EXSYNC_WORKER_ID", "latency-bench");
      List<List<RepOutcome>> cycles = new CopyOnWriteArrayList<>();
      WorkerVerticle worker = new WorkerVerticle(WorkerConfigReader.read(env), true, cycles::add);
      vertx.deployVerticle(worker).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      waitFor(() -> !cycles.isEmpty(), "the initial sync");
      waitFor(() -> worker.metrics().render().contains("exsync_push_healthy 1"), "push notifications to be healthy");
      sf.outbound("http://127.0.0.1:" + worker.port() + "/salesforce/outbound/latency-benchmark-outbound-token",
          new JsonObject().put("Contact", new JsonArray().add("Id").add("OwnerId").add("LastName")));
      System.out.printf("Worker up, %d cycles so far; polls every hour, so only push carries the edits.%n", cycles.size());

      List<Long> toSalesforce = new ArrayList<>();
      List<Long> toExchange = new ArrayList<>();
      for (int i = 0; i < edits; i++) {
        int r = i % reps;
        String email = org.emails.get(r);
        String outlookName = "LatOut" + i;
        long t0 = System.nanoTime();
        ex.createContact(email, "Salesforce_Sync", new JsonObject().put("givenName", "Edit").put("surname", outlookName)
            .put("email", "lat.out" + i + "." + email));
        waitFor(() -> has(sf.records("Contact"), "LastName", outlookName), "contact " + outlookName + " in Salesforce");
        toSalesforce.add((System.nanoTime() - t0) / 1_000_000);

        String salesforceName = "LatSf" + i;
        long t1 = System.nanoTime();
        sf.create("Contact", new JsonObject().put("FirstName", "Edit").put("LastName", salesforceName)
            .put("Email", "lat.sf" + i + "." + email).put("OwnerId", org.userIds.get(r)));
        waitFor(() -> has(ex.contacts(email, "Salesforce_Sync"), "surname", salesforceName),
            "contact " + salesforceName + " in Outlook");
        toExchange.add((System.nanoTime() - t1) / 1_000_000);
        System.out.printf("edit %2d  rep %d  Outlook -> Salesforce %6d ms   Salesforce -> Outlook %6d ms%n", i + 1, r,
            toSalesforce.get(i), toExchange.get(i));
      }
      List<Long> both = new ArrayList<>(toSalesforce);
      both.addAll(toExchange);
      System.out.printf("%n%-24s %8s %8s %8s%n", "change -> visible", "p50 ms", "p95 ms", "max ms");
      row("Outlook -> Salesforce", toSalesforce);
      row("Salesforce -> Outlook", toExchange);
      row("both", both);
      System.out.printf("%d cycles ran in all (each woken by a push notification or an Outbound Message).%n", cycles.size());
      vertx.undeploy(vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      BenchResult.named("LatencyBenchmark").put("edits_per_side", edits).put("reps", reps)
          .put("p50_ms", percentile(both, 50)).put("p95_ms", percentile(both, 95))
          .put("exchange_to_sf_p50_ms", percentile(toSalesforce, 50)).put("exchange_to_sf_p95_ms", percentile(toSalesforce, 95))
          .put("sf_to_exchange_p50_ms", percentile(toExchange, 50)).put("sf_to_exchange_p95_ms", percentile(toExchange, 95))
          .put("max_ms", Collections.max(both)).put("cycles", cycles.size()).print();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void row(String name, List<Long> ms) {
    System.out.printf(Locale.ROOT, "%-24s %8d %8d %8d%n", name, percentile(ms, 50), percentile(ms, 95), Collections.max(ms));
  }

  /** The nearest-rank percentile. */
  static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static boolean has(JsonArray items, String field, String value) {
    return items.stream().map(JsonObject.class::cast).anyMatch(o -> value.equals(o.getString(field)));
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + LIMIT.toSeconds() + " s for " + what);
      }
      Thread.sleep(25);
    }
  }
}
