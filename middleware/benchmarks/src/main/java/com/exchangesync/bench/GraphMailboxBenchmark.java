package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.graph.GraphMailboxConnector;
import com.exchangesync.worker.exchange.graph.GraphSettings;
import com.exchangesync.worker.exchange.graph.GraphStats;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes N contacts (default 5,000) and N/5 events in one mailbox
 * through the Microsoft Graph adapter against the Graph test bed, with a fixed
 * latency (default 20 ms) on every HTTP request to Graph (a {@code $batch} is one
 * request, however many it carries), as the round trip to Exchange Online would
 * be. Prints, per phase, the HTTP requests and the Graph requests (each request
 * inside a batch counted, as Graph counts them against its limits) per 1,000
 * items, beside the fewest HTTP requests Graph's limits allow (pages of at most
 * 1,000, batches of at most 20), and the CPU per 1,000 items of the worker (this
 * process) and of the test beds (their own process, {@link TestbedProcess}); ends
 * with one {@code RESULT} line (per phase {@code <phase>_http_per_1000},
 * {@code <phase>_fewest_per_1000}, {@code <phase>_worker_cpu_ms_per_1000} and
 * {@code <phase>_testbed_cpu_ms_per_1000}, then the CPU figures over all phases). Usage:
 * {@code scripts/bench GraphMailboxBenchmark [contacts] [latencyMs]}.
 */
public final class GraphMailboxBenchmark {

  private static final String REP = "rep@bench.example.com";
  private static final String TENANT = "b3c0a1f2-0000-4000-8000-00000000be0c";
  private static final String APP = "6d1e2f30-0000-4000-8000-00000000a990";
  private static final String SECRET = "bench~graph~secret";
  /** Graph's limits: a delta or list page holds at most 1,000 items, a $batch at most 20 requests. */
  private static final int PAGE = 1000;
  private static final int BATCH = 20;

  private GraphMailboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int events = Math.max(1, count / 5);
    Vertx vertx = Vertx.vertx();
    BenchResult result = BenchResult.named("GraphMailboxBenchmark").put("items", count).put("latency_ms", latencyMs);
    try (TestbedProcess beds = TestbedProcess.start()) {
      ExchangeSimClient sim = new ExchangeSimClient(beds.exchangeUrl());
      sim.mailbox(REP, "Bench Rep");
      put(beds.exchangeUrl() + "/sim/graph-app", new JsonObject().put("tenantId", TENANT).put("clientId", APP)
          .put("clientSecret", SECRET).put("permissions", new JsonArray().add("Contacts.ReadWrite").add("Calendars.ReadWrite")));
      // A round trip per HTTP request: on the batch envelope, and on the requests sent alone.
      for (String op : List.of("batch", "contactFolders.list", "contactFolders.create", "contacts.delta", "calendarView.delta",
          "events.list")) {
        sim.fault(new JsonObject().put("protocol", "graph").put("operation", op).put("kind", "latency").put("ms", latencyMs)
            .put("count", -1));
      }
      GraphCredentials secret = new GraphCredentials.ClientSecret(Secret.of(SECRET));
      GraphSettings settings = GraphSettings.of(TENANT, APP, secret, URI.create(beds.graphUrl()), URI.create(beds.graphUrl()), true);
      GraphMailboxConnector connector = new GraphMailboxConnector(vertx, settings, new GraphStats(new Metrics()));
      System.out.printf("Microsoft Graph mailbox adapter: %,d contacts and %,d events in one mailbox, %d ms per HTTP request%n",
          count, events, latencyMs);
      System.out.printf("%-40s %9s %9s %12s %12s %12s %14s %12s%n", "phase", "HTTP", "seconds", "HTTP/1000", "Graph/1000",
          "fewest/1000", "worker ms/1000", "bed ms/1000");
      CpuSplit.Tally totals = new CpuSplit.Tally();
      double created;
      try (Mailbox mailbox = connector.open(REP)) {
        Phase create = new Phase(sim, beds, totals, "contacts: create (batched)");
        List<NewItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(new NewItem(ItemKind.CONTACT, Map.of(ExchangeField.GIVEN_NAME, "Given" + i, ExchangeField.SURNAME,
              "Surname" + i, ExchangeField.EMAIL, "c" + i + "@customer.example.com", ExchangeField.COMPANY_NAME,
              "Company " + (i % 97)), Optional.of("003BENCH" + i)));
        }
        require(mailbox.create(ItemKind.CONTACT, items).stream().allMatch(ItemResult::succeeded), "every create succeeded");
        created = create.print(count, fewest(count, 0, 1), result, "create");

        Phase read = new Phase(sim, beds, totals, "contacts: full read (delta + batched GET)");
        List<ExchangeItem> all = new ArrayList<>();
        String token = drain(mailbox, ItemKind.CONTACT, Optional.empty(), all);
        require(all.size() == count, "the full read saw every contact (" + all.size() + ")");
        read.print(count, fewest(count, 1, 1), result, "read");

        Phase update = new Phase(sim, beds, totals, "contacts: update (read, then If-Match)");
        List<ItemUpdate> updates = new ArrayList<>(count);
        for (ExchangeItem item : all) {
          updates.add(new ItemUpdate(item.id(), Optional.of(item.changeKey()), Map.of(ExchangeField.JOB_TITLE, "Buyer"),
              Optional.empty()));
        }
        require(mailbox.update(ItemKind.CONTACT, updates).stream().allMatch(ItemResult::succeeded), "every update succeeded");
        update.print(count, fewest(count, 0, 1), result, "update");

        Phase incremental = new Phase(sim, beds, totals, "contacts: incremental read");
        List<ExchangeItem> changed = new ArrayList<>();
        token = drain(mailbox, ItemKind.CONTACT, Optional.of(token), changed);
        require(changed.size() == count, "the incremental read saw every update (" + changed.size() + ")");
        incremental.print(count, fewest(count, 1, 1), result, "incremental");

        Phase quiet = new Phase(sim, beds, totals, "quiet: contacts and calendar, nothing new");
        require(drain(mailbox, ItemKind.CONTACT, Optional.of(token), new ArrayList<>()) != null, "a quiet read");
        require(drain(mailbox, ItemKind.EVENT, Optional.empty(), new ArrayList<>()) != null, "an empty calendar");
        long quietBefore = quiet.requests;
        result.put("quiet_http_requests", sim.stats().getJsonObject("graph").getLong("httpRequests") - quietBefore);
        quiet.print(0, 0, null, "quiet");

        Phase eventsCreate = new Phase(sim, beds, totals, "events: create (batched)");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        List<NewItem> newEvents = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
          LocalDate d = day.plusDays(i % 300);
          newEvents.add(new NewItem(ItemKind.EVENT, Map.of(ExchangeField.SUBJECT, "Meeting " + i, ExchangeField.START,
              d + "T" + String.format("%02d", 7 + i % 10) + ":00:00Z", ExchangeField.END, d + "T" + String.format("%02d", 7 + i % 10)
                  + ":30:00Z", ExchangeField.START_TIME_ZONE, "Europe/Berlin"), Optional.of("00UBENCH" + i)));
        }
        require(mailbox.create(ItemKind.EVENT, newEvents).stream().allMatch(ItemResult::succeeded), "every event created");
        eventsCreate.print(events, fewest(events, 0, 1), result, "events_create");

        Phase eventsRead = new Phase(sim, beds, totals, "events: full read (delta + series + GET)");
        List<ExchangeItem> read2 = new ArrayList<>();
        drain(mailbox, ItemKind.EVENT, Optional.empty(), read2);
        require(read2.size() == events, "the calendar read saw every event (" + read2.size() + ")");
        eventsRead.print(events, fewest(events, 1, 1) + 1000.0 / events, result, "events_read");

        Phase delete = new Phase(sim, beds, totals, "contacts: delete (batched)");
        require(mailbox.delete(ItemKind.CONTACT, all.stream().map(ExchangeItem::id).toList()).stream()
            .allMatch(ItemResult::succeeded), "every delete succeeded");
        delete.print(count, fewest(count, 0, 1), result, "delete");
      }
      connector.close();
      System.out.println("fewest: pages of 1,000 and batches of 20; a read needs the delta's pages and then batched GETs, for a");
      System.out.println("delta cannot $expand our extended property; an update reads first (the conflict check, and Graph");
      System.out.println("replaces lists and addresses whole), so it costs twice the fewest; the calendar adds its series list.");
      System.out.printf("CPU over all phases but the quiet one: %s.%n", totals.cpu().describe(totals.items()));
      totals.cpu().putInto(result.put("items_per_s", Math.round(created)), "", totals.items()).print();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** The fewest HTTP requests per 1,000 items: {@code pages} delta or list pages, then {@code batches} rounds of $batch. */
  private static double fewest(int items, int pages, int batches) {
    double perItems = pages * Math.ceil(items / (double) PAGE) + batches * Math.ceil(items / (double) BATCH);
    return perItems * 1000.0 / items;
  }

  private static String drain(Mailbox mailbox, ItemKind kind, Optional<String> token, List<ExchangeItem> into) throws Exception {
    ItemChanges page;
    do {
      page = mailbox.changes(kind, token);
      into.addAll(page.changed());
      token = Optional.of(page.syncToken());
    } while (page.moreAvailable());
    return token.get();
  }

  private static void put(String url, JsonObject body) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    require(r.statusCode() < 300, "the test bed took the app (" + r.body() + ")");
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark check failed: " + what);
    }
  }

  /** What the Graph test bed counted, the time and the CPU, between its creation and {@link #print}. */
  private static final class Phase {

    private final ExchangeSimClient sim;
    private final CpuSplit.Tally totals;
    private final String name;
    private final long requests;
    private final long operations;
    private final CpuSplit.Running cpu;
    private final long start;

    Phase(ExchangeSimClient sim, TestbedProcess beds, CpuSplit.Tally totals, String name) {
      this.sim = sim;
      this.totals = totals;
      this.name = name;
      JsonObject graph = sim.stats().getJsonObject("graph");
      this.requests = graph.getLong("httpRequests");
      this.operations = operations(graph);
      this.cpu = CpuSplit.start(beds);
      this.start = System.nanoTime();
    }

    /** Prints the phase's line and, when it had items, puts its figures into {@code result}; returns items per second. */
    double print(int items, double fewest, BenchResult result, String key) {
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuSplit spent = cpu.stop();
      JsonObject graph = sim.stats().getJsonObject("graph");
      long http = graph.getLong("httpRequests") - requests;
      long ops = operations(graph) - operations;
      double per = items == 0 ? http : http * 1000.0 / items;
      double opsPer = items == 0 ? ops : ops * 1000.0 / items;
      System.out.printf("%-40s %9d %9.2f %12.1f %12.1f %12s %14s %12s%n", name, http, seconds, per, opsPer,
          items == 0 ? "-" : String.format("%.1f", fewest), items == 0 ? "-" : String.format("%.0f", spent.workerMsPer1000(items)),
          items == 0 ? "-" : String.format("%.0f", spent.testbedMsPer1000(items)));
      if (items > 0) {
        result.put(key + "_http_per_1000", per).put(key + "_fewest_per_1000", fewest);
        spent.putInto(result, key + "_", items);
        totals.add(items, spent);
      }
      return items / seconds;
    }

    /** Graph operations, the batch envelopes left out: each request inside a batch is one. */
    private static long operations(JsonObject graph) {
      JsonObject calls = graph.getJsonObject("calls");
      return calls.fieldNames().stream().filter(k -> !k.equals("batch") && !k.equals("token")).mapToLong(calls::getLong).sum();
    }
  }
}
