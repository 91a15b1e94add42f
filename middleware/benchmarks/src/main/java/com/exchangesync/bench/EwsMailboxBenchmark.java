package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes N contacts (default 5,000) in one mailbox through the EWS
 * adapter against the Exchange test bed, with a fixed latency (default 20 ms)
 * added to every EWS call, as a WAN link to an on-premises server would. Prints,
 * per phase, the EWS calls and HTTP requests the test bed counted, items per
 * second, and the CPU per 1,000 items of the worker (this process) and of the
 * test bed (its own process, {@link TestbedProcess}); ends with the {@code RESULT}
 * line (per phase {@code <phase>_items_per_s}, {@code <phase>_calls_per_1000},
 * {@code <phase>_worker_cpu_ms_per_1000} and {@code <phase>_testbed_cpu_ms_per_1000},
 * then the same CPU figures over all phases). Usage: {@code scripts/bench EwsMailboxBenchmark [contacts] [latencyMs]}.
 */
public final class EwsMailboxBenchmark {

  private static final String REP = "rep@bench.example.com";

  private EwsMailboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    // No schema checks there: they are the tests' job and would dominate the timings.
    try (TestbedProcess bed = TestbedProcess.start()) {
      ExchangeSimClient sim = new ExchangeSimClient(bed.exchangeUrl());
      sim.serviceAccount("svc@bench.example.com", "bench-pass", List.of(REP));
      sim.mailbox(REP, "Bench Rep");
      sim.fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", latencyMs).put("count", -1));
      EwsSettings settings = EwsSettings.of(new ServiceAccount("svc@bench.example.com", Secret.of("bench-pass")),
          Optional.of(URI.create(bed.ewsUrl())), Optional.empty(), true);
      EwsMailboxConnector connector = new EwsMailboxConnector(settings, new ExchangeStats(new Metrics()), Clock.systemUTC());
      System.out.printf("EWS mailbox adapter: %,d contacts in one mailbox, %d ms latency per EWS call%n", count, latencyMs);
      System.out.printf("%-34s %10s %10s %10s %12s %14s %14s%n", "phase", "EWS calls", "HTTP reqs", "seconds", "items/s",
          "worker ms/1000", "bed ms/1000");
      CpuSplit.Tally totals = new CpuSplit.Tally();
      BenchResult result = BenchResult.named("EwsMailboxBenchmark").put("contacts", count).put("latency_ms", latencyMs);

      try (Mailbox mailbox = connector.open(REP)) {
        Phase write = new Phase(sim, bed, "write: create (batched)");
        List<NewItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(new NewItem(ItemKind.CONTACT, Map.of(ExchangeField.GIVEN_NAME, "Given" + i, ExchangeField.SURNAME,
              "Surname" + i, ExchangeField.EMAIL, "c" + i + "@customer.example.com", ExchangeField.COMPANY_NAME, "Company " + (i % 97),
              ExchangeField.BUSINESS_PHONE, "+1 415 555 " + String.format("%04d", i % 10000)), Optional.of("003BENCH" + i)));
        }
        List<ItemResult> created = mailbox.create(ItemKind.CONTACT, items);
        require(created.stream().allMatch(ItemResult::succeeded), "every create succeeded");
        write.print(count, result, "create", totals);

        Phase read = new Phase(sim, bed, "read: full (SyncFolderItems+GetItem)");
        List<ExchangeItem> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        ItemChanges page;
        do {
          page = mailbox.changes(ItemKind.CONTACT, token);
          all.addAll(page.changed());
          token = Optional.of(page.syncToken());
        } while (page.moreAvailable());
        require(all.size() == count, "the full read saw every contact (" + all.size() + ")");
        read.print(count, result, "read", totals);

        Phase update = new Phase(sim, bed, "write: update (batched, conditional)");
        List<ItemUpdate> updates = new ArrayList<>(count);
        for (ExchangeItem item : all) {
          updates.add(new ItemUpdate(item.id(), Optional.of(item.changeKey()), Map.of(ExchangeField.JOB_TITLE, "Buyer"), Optional.empty()));
        }
        require(mailbox.update(ItemKind.CONTACT, updates).stream().allMatch(ItemResult::succeeded), "every update succeeded");
        update.print(count, result, "update", totals);

        Phase incremental = new Phase(sim, bed, "read: incremental after the updates");
        int seen = 0;
        do {
          page = mailbox.changes(ItemKind.CONTACT, token);
          seen += page.changed().size();
          token = Optional.of(page.syncToken());
        } while (page.moreAvailable());
        require(seen == count, "the incremental read saw every update (" + seen + ")");
        incremental.print(count, result, "incremental_read", totals);

        Phase delete = new Phase(sim, bed, "write: delete (batched)");
        require(mailbox.delete(ItemKind.CONTACT, all.stream().map(ExchangeItem::id).toList()).stream()
            .allMatch(ItemResult::succeeded), "every delete succeeded");
        delete.print(count, result, "delete", totals);
      }
      System.out.printf("One call per item would have taken %,d EWS calls per write phase, %.0f s of latency alone.%n",
          count, count * latencyMs / 1000.0);
      System.out.printf("CPU over all phases: %s.%n", totals.cpu().describe(totals.items()));
      totals.cpu().putInto(result, "", totals.items()).print();
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark check failed: " + what);
    }
  }

  /** Counts what the test bed saw, the time and the CPU taken between its creation and {@link #print}. */
  private static final class Phase {

    private final ExchangeSimClient sim;
    private final String name;
    private final long calls;
    private final long requests;
    private final CpuSplit.Running cpu;
    private final long start;

    Phase(ExchangeSimClient sim, TestbedProcess bed, String name) {
      this.sim = sim;
      this.name = name;
      JsonObject stats = sim.stats();
      this.calls = CallCount.of(stats).total();
      this.requests = stats.getLong("httpRequests");
      this.cpu = CpuSplit.start(bed);
      this.start = System.nanoTime();
    }

    /** Prints the phase's row and puts its figures into {@code result} under {@code key}. */
    void print(int items, BenchResult result, String key, CpuSplit.Tally totals) {
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuSplit spent = cpu.stop();
      JsonObject stats = sim.stats();
      long used = CallCount.of(stats).total() - calls;
      System.out.printf("%-34s %10d %10d %10.2f %12.0f %14.0f %14.0f%n", name, used, stats.getLong("httpRequests") - requests,
          seconds, items / seconds, spent.workerMsPer1000(items), spent.testbedMsPer1000(items));
      result.put(key + "_items_per_s", items / seconds).put(key + "_calls_per_1000", used * 1000.0 / items);
      spent.putInto(result, key + "_", items);
      totals.add(items, spent);
    }
  }
}
