package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.cycle.SyncCycle;
import com.exchangesync.worker.sync.PassReport;
import java.util.List;
import java.util.Locale;

/**
 * What one cycle of {@link FleetBenchmark} cost: its length (every mailbox is checked once in it, so it is the
 * longest any mailbox waited), the mailboxes it synced, the calls each test bed served by operation, the lines the
 * worker logged, and both processes' CPU.
 *
 * @param mailboxes the mailboxes whose passes ran to the end
 * @param failed outcomes that were not {@code synced} (the first of them in {@code firstFailure})
 */
record FleetCycle(String name, int mailboxes, double seconds, int written, int errors, int failed, String firstFailure,
                  CallCount salesforce, CallCount exchange, long logLines, CpuSplit cpu) {

  /** The table's header. */
  static void printHeader() {
    System.out.printf(Locale.ROOT, "%-26s %7s %8s %8s %9s %9s %9s %11s %11s%n", "cycle", "mbx", "written", "seconds", "EWS/mbx",
        "SF/mbx", "log/mbx", "worker ms/", "beds ms/");
    System.out.printf(Locale.ROOT, "%-26s %7s %8s %8s %9s %9s %9s %11s %11s%n", "", "", "", "", "", "", "", "1,000 mbx",
        "1,000 mbx");
  }

  /** Runs one cycle of {@code cycle}, prints its row and its calls per mailbox by operation. */
  static FleetCycle run(String name, SyncCycle cycle, SalesforceSimClient sf, ExchangeSimClient ex, TestbedProcess beds,
                        LogCount log) throws Exception {
    CallCount sfBefore = CallCount.of(sf.stats());
    CallCount exBefore = CallCount.of(ex.stats());
    long logBefore = log.lines();
    CpuSplit.Running cpu = CpuSplit.start(beds);
    long start = System.nanoTime();
    List<RepOutcome> outcomes = cycle.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuSplit spent = cpu.stop();
    CallCount sfCalls = CallCount.of(sf.stats()).since(sfBefore);
    CallCount exCalls = CallCount.of(ex.stats()).since(exBefore);
    List<RepOutcome> failed = outcomes.stream().filter(o -> !o.state().equals("synced")).toList();
    int mailboxes = (int) outcomes.stream().filter(o -> o.state().equals("synced")).map(RepOutcome::email).distinct().count();
    int written = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(PassReport::writes).sum();
    int errors = outcomes.stream().flatMap(o -> o.report().stream()).mapToInt(r -> r.errors().size()).sum();
    FleetCycle c = new FleetCycle(name, mailboxes, seconds, written, errors, failed.size(),
        failed.isEmpty() ? "" : failed.get(0).toString(), sfCalls, exCalls, log.lines() - logBefore, spent);
    c.print();
    return c;
  }

  double exchangePerMailbox() {
    return exchange.total() / (double) Math.max(1, mailboxes);
  }

  double salesforcePerMailbox() {
    return salesforce.total() / (double) Math.max(1, mailboxes);
  }

  private void print() {
    int n = Math.max(1, mailboxes);
    System.out.printf(Locale.ROOT, "%-26s %7d %8d %8.1f %9.3f %9.3f %9.2f %11.0f %11.0f%n", name, mailboxes, written, seconds,
        exchangePerMailbox(), salesforcePerMailbox(), logLines / (double) n, cpu.workerMsPer1000(n), cpu.testbedMsPer1000(n));
    System.out.printf(Locale.ROOT, "%-26s per mailbox: EWS %s%n", "", exchange.per(n));
    System.out.printf(Locale.ROOT, "%-26s per mailbox: Salesforce %s (for the org: %s)%n", "", salesforce.per(n), salesforce);
    if (failed > 0) {
      System.out.printf(Locale.ROOT, "%-26s %d outcomes not synced, the first: %s%n", "", failed, firstFailure);
    }
  }
}
