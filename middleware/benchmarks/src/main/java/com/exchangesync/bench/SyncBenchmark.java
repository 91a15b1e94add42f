package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.PushSettings;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.cycle.SyncCycle;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.sync.PassReport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole sync, contacts and events, end to end: R reps (default 20), each with
 * M contacts (default 1,000) and K events (default 200: a few weekly series, some
 * all-day events, the rest timed; {@link EventPlan}), half of each made in
 * Salesforce and half in Outlook, synced both ways by one worker with a fixed
 * latency (default 20 ms) on every SOAP and EWS call. Four cycles: the initial
 * sync, the next (which reads the echoes of the first one's writes), then, with
 * the org's clock moved on by the poll interval with push healthy before each (as
 * time passes between polls), one in which the reps' last changes settle and a
 * quiet one. For each: items per second, Salesforce calls per 1,000 items beside the
 * fewest the batch limits allow (200 records a write, 2,000 a query page), EWS
 * calls per 1,000 items, and the worker's CPU per 1,000 items. The test beds run in
 * a process of their own ({@link TestbedProcess}), so this process's CPU time and
 * heap are the worker's alone. All of it runs twice, cold then warm ({@link #run}).
 * Ends with the {@code RESULT} line.
 * Usage: {@code scripts/bench SyncBenchmark [reps] [contactsPerRep] [eventsPerRep] [latencyMs]}; needs PostgreSQL.
 */
public final class SyncBenchmark {

  /** How big a run is. */
  record Size(int reps, int contactsPerRep, int eventsPerRep, int latencyMs) {
    Size {
      if (reps < 1 || contactsPerRep < 0 || eventsPerRep < 0 || contactsPerRep + eventsPerRep < 1 || latencyMs < 0) {
        throw new IllegalArgumentException("needs at least one rep, one contact or event, and no negative number: " + this);
      }
    }

    long items() {
      return (long) reps * (contactsPerRep + eventsPerRep);
    }
  }

  /** What one cycle cost. */
  record Cycle(String name, double seconds, int written, int errors, CallCount salesforce, CallCount exchange, long workerCpuNanos,
               long testbedCpuNanos) {}

  private SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    run("SyncBenchmark", new Size(arg(args, 0, 20), arg(args, 1, 1000), arg(args, 2, 200), arg(args, 3, 20)));
  }

  static int arg(String[] args, int i, int otherwise) {
    try {
      return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("argument " + (i + 1) + " must be a whole number, not '" + args[i] + "'");
    }
  }

  /** One run's four cycles and the worker's heap. */
  record Round(Cycle initial, Cycle echo, Cycle quiet, double heapPeakMb, double heapMb, long fewestInitial) {
    int errors() {
      return initial.errors() + echo.errors() + quiet.errors();
    }
  }

  /**
   * Runs the whole sync twice on one pair of processes: first in JVMs just started, then on the test beds reset and
   * a new database. The first run's CPU is largely the JIT compiler's (both JVMs compile the code they meet for the
   * first time); the second shows what a worker that has been running spends, as one does through an org's initial
   * sync of thousands of reps. Both are printed; the {@code RESULT} line's main figures are the second's.
   */
  static void run(String name, Size size) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (TestbedProcess beds = TestbedProcess.start()) {
      System.out.println("First run: the worker's JVM and the test beds' just started (the JIT compiler at work in both).");
      Round cold = round(vertx, beds, size);
      System.out.println();
      System.out.println("Second run: the test beds reset, a new database, the same JVMs (warm, as a worker that has been"
          + " running).");
      Round warm = round(vertx, beds, size);
      double perThousand = 1000.0 / size.items();
      System.out.printf("%nInitial sync, cold then warm: %.0f then %.0f items/s; CPU per 1,000 items: worker %.0f then %.0f ms"
          + " (this process: the sync, its event loops, GC, JIT), test beds %.0f then %.0f ms (their process).%n",
          size.items() / cold.initial().seconds(), size.items() / warm.initial().seconds(),
          cold.initial().workerCpuNanos() / 1e6 * perThousand, warm.initial().workerCpuNanos() / 1e6 * perThousand,
          cold.initial().testbedCpuNanos() / 1e6 * perThousand, warm.initial().testbedCpuNanos() / 1e6 * perThousand);
      System.out.printf("Heap of the worker: %.0f MB at most during the cycles, %.0f MB kept after them.%n", warm.heapPeakMb(),
          warm.heapMb());
      if (cold.errors() + warm.errors() > 0) {
        System.out.printf("The sync reported %d record errors (see the worker's log).%n", cold.errors() + warm.errors());
      }
      Cycle initial = warm.initial();
      BenchResult.named(name).put("reps", size.reps()).put("contacts_per_rep", size.contactsPerRep())
          .put("events_per_rep", size.eventsPerRep()).put("latency_ms", size.latencyMs()).put("items", size.items())
          .put("initial_s", initial.seconds()).put("items_per_s", size.items() / initial.seconds())
          .put("cold_items_per_s", size.items() / cold.initial().seconds())
          .put("sf_calls_per_1000", initial.salesforce().total() * perThousand)
          .put("sf_fewest_per_1000", warm.fewestInitial() * perThousand)
          .put("ews_calls_per_1000", initial.exchange().total() * perThousand)
          .put("worker_cpu_ms_per_1000", initial.workerCpuNanos() / 1e6 * perThousand)
          .put("testbed_cpu_ms_per_1000", initial.testbedCpuNanos() / 1e6 * perThousand)
          .put("cold_worker_cpu_ms_per_1000", cold.initial().workerCpuNanos() / 1e6 * perThousand)
          .put("cold_testbed_cpu_ms_per_1000", cold.initial().testbedCpuNanos() / 1e6 * perThousand)
          .put("echo_calls_per_mailbox", (warm.echo().salesforce().total() + warm.echo().exchange().total()) / (double) size.reps())
          .put("echo_writes", warm.echo().written())
          .put("quiet_sf_calls_per_mailbox", warm.quiet().salesforce().total() / (double) size.reps())
          .put("quiet_exchange_calls_per_mailbox", warm.quiet().exchange().total() / (double) size.reps())
          .put("quiet_writes", warm.quiet().written()).put("errors", cold.errors() + warm.errors())
          .put("heap_mb", warm.heapMb()).put("heap_peak_mb", warm.heapPeakMb()).print();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** Seeds the org (on test beds reset first) and runs the four cycles on a new database, printing a row for each. */
  private static Round round(Vertx vertx, TestbedProcess beds, Size size) throws Exception {
    BenchOrg org = new BenchOrg(size.reps(), size.contactsPerRep(), size.eventsPerRep());
    ExchangeSimClient ex = new ExchangeSimClient(beds.exchangeUrl());
    SalesforceSimClient sf = new SalesforceSimClient(beds.salesforceUrl());
    sf.reset();
    ex.reset();
    try (TestDatabase db = TestDatabase.create("syncbench")) {
      String ewsUrl = beds.ewsUrl();
      org.create(sf, ex, ewsUrl);
      SalesforceAdapter adapter = BenchWorker.salesforce(beds.salesforceUrl(), BenchSignIn.register(sf, BenchOrg.INTEGRATION));
      System.out.printf("Seeding %d reps x (%,d contacts + %,d events), half made in Salesforce and half in Outlook"
          + " (events per side: %d single, %d series of %d) ...%n", size.reps(), size.contactsPerRep(), size.eventsPerRep(),
          org.outlookEvents.singles(), org.outlookEvents.series(), EventPlan.OCCURRENCES);
      // An org is older than its sync: getDeleted's earliest date (here the org's creation) lies before every
      // watermark, as in a real org, rather than a minute before the first (which makes each rep ask about its links).
      sf.advanceClock(3600);
      org.seed(adapter, ewsUrl, LocalDate.now(EventPlan.ZONE));
      if (size.latencyMs() > 0) { // the test beds refuse a latency of none: without one they answer at once
        JsonObject latency = new JsonObject().put("operation", "*").put("kind", "latency").put("ms", size.latencyMs()).put("count", -1);
        ex.fault(latency);
        sf.fault(latency.copy());
      }

      Pool pool = db.pool(vertx, com.exchangesync.worker.store.Database.POOL_SIZE);
      try {
        Blocking.await(Migrations.worker().migrate(pool));
        SyncCycle cycle = BenchWorker.cycle(adapter, BenchWorker.ews(), pool);
        System.out.printf("%n%d ms latency per SOAP and EWS call; %,d items (contacts and events) in all; the test beds in"
            + " process %d%n", size.latencyMs(), size.items(), beds.pid());
        System.out.printf("%-20s %8s %9s %9s %9s %9s %8s %10s %10s %14s %12s%n", "cycle", "written", "seconds", "items/s",
            "SF calls", "SF/1,000", "fewest", "EWS calls", "EWS/1,000", "worker ms/1000", "beds ms/1000");
        WorkerMeter.resetHeapPeak();
        Cycle initial = measure("initial, both ways", cycle, sf, ex, beds, size, fewestInitial(org, size));
        Cycle echo = measure("second (echoes)", cycle, sf, ex, beds, size, fewestLater(org, size));
        sf.advanceClock(PushSettings.DEFAULT_POLL_INTERVAL.toSeconds());
        measure("third, 30 min on", cycle, sf, ex, beds, size, fewestLater(org, size));
        sf.advanceClock(PushSettings.DEFAULT_POLL_INTERVAL.toSeconds());
        Cycle quiet = measure("fourth, quiet", cycle, sf, ex, beds, size, fewestQuiet(org));
        double heapPeak = WorkerMeter.heapPeakMb();
        adapter.client().close();
        return new Round(initial, echo, quiet, heapPeak, WorkerMeter.heapRetainedMb(), fewestInitial(org, size));
      } finally {
        Blocking.await(pool.close());
      }
    }
  }

  /** Runs one cycle and prints its row: the figures, then the calls by operation. */
  private static Cycle measure(String name, SyncCycle cycle, SalesforceSimClient sf, ExchangeSimClient ex, TestbedProcess beds,
                               Size size, long fewestSf) throws Exception {
    CallCount sfBefore = CallCount.of(sf.stats());
    CallCount exBefore = CallCount.of(ex.stats());
    long bedsCpu = beds.cpuNanos();
    long cpu = WorkerMeter.cpuNanos();
    long start = System.nanoTime();
    List<RepOutcome> outcomes = cycle.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long workerCpu = WorkerMeter.cpuNanos() - cpu;
    long testbedCpu = beds.cpuNanos() - bedsCpu;
    CallCount sfCalls = CallCount.of(sf.stats()).since(sfBefore);
    CallCount exCalls = CallCount.of(ex.stats()).since(exBefore);
    List<RepOutcome> failed = outcomes.stream().filter(o -> !o.state().equals("synced")).toList();
    if (!failed.isEmpty()) {
      throw new IllegalStateException("not every rep synced: " + failed);
    }
    int written = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(PassReport::writes).sum();
    int errors = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(r -> r.errors().size()).sum();
    double perThousand = 1000.0 / size.items();
    System.out.printf("%-20s %8d %9.1f %9.0f %9d %9.1f %8.1f %10d %10.1f %14.0f %12.0f%n", name, written, seconds,
        size.items() / seconds, sfCalls.total(), sfCalls.total() * perThousand, fewestSf * perThousand, exCalls.total(),
        exCalls.total() * perThousand, workerCpu / 1e6 * perThousand, testbedCpu / 1e6 * perThousand);
    System.out.printf("%-20s Salesforce %s; EWS %s%n", "", sfCalls, exCalls);
    return new Cycle(name, seconds, written, errors, sfCalls, exCalls, workerCpu, testbedCpu);
  }

  /**
   * The fewest Salesforce calls of the initial sync the batch limits allow: per rep
   * and kind, one query page per 2,000 records read and one write per 200 records
   * made from Outlook (a series is one record made; the org makes its occurrences).
   */
  static long fewestInitial(BenchOrg org, Size size) {
    long perRep = pages(org.contactsInSalesforce, 2000) + pages(org.contactsInOutlook, SalesforceAdapter.WRITE_BATCH)
        + pages(org.salesforceEvents.events(), 2000) + pages(org.outlookEvents.creates(), SalesforceAdapter.WRITE_BATCH);
    return perRep * size.reps();
  }

  /** A later cycle with nothing new reads each kind's changes once per rep. */
  static long fewestLater(BenchOrg org, Size size) {
    return (long) org.kinds() * size.reps();
  }

  /** A quiet cycle reads each kind's changes once for the whole org. */
  static long fewestQuiet(BenchOrg org) {
    return org.kinds();
  }

  private static long pages(int records, int perPage) {
    return (records + perPage - 1) / perPage;
  }
}
