package com.exchangesync.bench;

import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.salesforce.WriteResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads N contacts (default 5,000) through the worker's Salesforce
 * adapter against the Salesforce test bed, with a fixed latency (default 20 ms)
 * on every SOAP call, and prints per phase the SOAP calls the test bed counted,
 * the calls per 1,000 records beside the fewest the API's limits allow (200 a
 * write, 2,000 a query page), records per second, and the CPU per 1,000 records
 * of the worker (this process) and of the test bed (its own process,
 * {@link TestbedProcess}); ends with the {@code RESULT} line (per phase
 * {@code <phase>_records_per_s}, {@code <phase>_calls_per_1000},
 * {@code <phase>_fewest_per_1000}, {@code <phase>_worker_cpu_ms_per_1000} and
 * {@code <phase>_testbed_cpu_ms_per_1000}, then the CPU figures over all phases).
 * Usage: {@code scripts/bench SalesforceAdapterBenchmark [records] [latencyMs]}.
 */
public final class SalesforceAdapterBenchmark {

  private static final String ORG = "00D5g00000BENCH";
  private static final String OWNER = "0055g00000BENCH";

  private SalesforceAdapterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    try (TestbedProcess bed = TestbedProcess.start()) {
      SalesforceSimClient sim = new SalesforceSimClient(bed.salesforceUrl());
      sim.org(new JsonObject().put("orgId", ORG)
          .put("integrationUser", new JsonObject().put("username", "integration@bench.example.com"))
          .put("users", new JsonArray().add(new JsonObject().put("id", OWNER).put("username", "rep@bench.example.com")
              .put("email", "rep@bench.example.com").put("name", "Bench Rep"))));
      sim.fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", latencyMs).put("count", -1));
      SalesforceSettings settings = new SalesforceSettings(URI.create(bed.salesforceUrl()),
          BenchSignIn.register(sim, "integration@bench.example.com"), "", true, 4, Duration.ofSeconds(10), Duration.ofSeconds(120), 6,
          Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(5)));
      SalesforceAdapter adapter = new SalesforceAdapter(new SalesforceClient(settings, new Metrics()), new SalesforceNames(""));
      adapter.organizationId(); // sign in before measuring
      System.out.printf("Salesforce adapter: %,d contacts, %d ms latency per SOAP call%n", count, latencyMs);
      System.out.printf("%-28s %10s %14s %14s %10s %12s %14s %14s%n", "phase", "SOAP calls", "calls/1,000", "fewest/1,000", "seconds",
          "records/s", "worker ms/1000", "bed ms/1000");
      CpuSplit.Tally totals = new CpuSplit.Tally();
      BenchResult result = BenchResult.named("SalesforceAdapterBenchmark").put("records", count).put("latency_ms", latencyMs);

      Phase create = new Phase(sim, bed, "write: create");
      List<SalesforceRecord> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        records.add(SalesforceRecord.of("Contact", null, Map.of("FirstName", "Given" + i, "LastName", "Surname" + i,
            "Email", "c" + i + "@customer.example.com", "OwnerId", OWNER)));
      }
      List<WriteResult> made = adapter.create(records);
      check(made.stream().allMatch(WriteResult::success), "every create succeeded");
      create.print(count, 1000.0 / SalesforceAdapter.WRITE_BATCH, result, "create", totals);

      Phase read = new Phase(sim, bed, "read: changed since (pages)");
      List<SalesforceRecord> seen = new ArrayList<>();
      adapter.changedSince("Contact", List.of("Id", "FirstName", "LastName", "Email"), Instant.EPOCH, seen::addAll);
      check(seen.size() == count, "the read saw every contact");
      read.print(count, 1000.0 / 2000, result, "query", totals);

      Phase update = new Phase(sim, bed, "write: update");
      List<SalesforceRecord> updates = made.stream()
          .map(r -> SalesforceRecord.of("Contact", r.id(), Map.of("Title", "Buyer"))).toList();
      check(adapter.update(updates).stream().allMatch(WriteResult::success), "every update succeeded");
      update.print(count, 1000.0 / SalesforceAdapter.WRITE_BATCH, result, "update", totals);

      Phase byId = new Phase(sim, bed, "read: retrieve by id");
      check(adapter.retrieve("Contact", List.of("Id", "Title"), made.stream().map(WriteResult::id).toList()).size() == count,
          "retrieve found every contact");
      byId.print(count, 1000.0 / SalesforceAdapter.RETRIEVE_BATCH, result, "retrieve", totals);
      adapter.client().close();
      System.out.printf("CPU over all phases: %s.%n", totals.cpu().describe(totals.items()));
      totals.cpu().putInto(result, "", totals.items()).print();
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark check failed: " + what);
    }
  }

  /** What the test bed counted, the time and the CPU taken between its creation and {@link #print}. */
  private static final class Phase {

    private final SalesforceSimClient sim;
    private final String name;
    private final long calls;
    private final CpuSplit.Running cpu;
    private final long start;

    Phase(SalesforceSimClient sim, TestbedProcess bed, String name) {
      this.sim = sim;
      this.name = name;
      this.calls = CallCount.of(sim.stats()).total();
      this.cpu = CpuSplit.start(bed);
      this.start = System.nanoTime();
    }

    /** Prints the phase's row and puts its figures into {@code result} under {@code key}. */
    void print(int records, double fewestPerThousand, BenchResult result, String key, CpuSplit.Tally totals) {
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuSplit spent = cpu.stop();
      long used = CallCount.of(sim.stats()).total() - calls;
      System.out.printf("%-28s %10d %14.1f %14.1f %10.2f %12.0f %14.0f %14.0f%n", name, used, used * 1000.0 / records,
          fewestPerThousand, seconds, records / seconds, spent.workerMsPer1000(records), spent.testbedMsPer1000(records));
      result.put(key + "_records_per_s", records / seconds).put(key + "_calls_per_1000", used * 1000.0 / records)
          .put(key + "_fewest_per_1000", fewestPerThousand);
      spent.putInto(result, key + "_", records);
      totals.add(records, spent);
    }
  }
}
