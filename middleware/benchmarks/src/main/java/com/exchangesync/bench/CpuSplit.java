package com.exchangesync.bench;

import java.util.Locale;

/**
 * The CPU time spent since a start, split between the worker (this process:
 * the adapters and sync, their event loops, GC and JIT; {@link WorkerMeter}) and
 * the test beds (their own process, {@link TestbedProcess}), so a benchmark
 * shows what the worker costs apart from what serving it cost the test beds.
 */
record CpuSplit(long workerNanos, long testbedNanos) {

  /** A running measure; {@link #stop()} gives what was spent since {@link #start}. */
  static final class Running {
    private final TestbedProcess beds;
    private final long worker;
    private final long testbeds;

    private Running(TestbedProcess beds) {
      this.beds = beds;
      this.testbeds = beds.cpuNanos();
      this.worker = WorkerMeter.cpuNanos();
    }

    CpuSplit stop() {
      long w = WorkerMeter.cpuNanos() - worker;
      return new CpuSplit(w, beds.cpuNanos() - testbeds);
    }
  }

  /** The items and CPU of several phases added up, for the figures over all of them. */
  static final class Tally {
    private long items;
    private CpuSplit cpu = new CpuSplit(0, 0);

    void add(long phaseItems, CpuSplit spent) {
      items += phaseItems;
      cpu = cpu.plus(spent);
    }

    long items() {
      return items;
    }

    CpuSplit cpu() {
      return cpu;
    }
  }

  static Running start(TestbedProcess beds) {
    return new Running(beds);
  }

  CpuSplit plus(CpuSplit other) {
    return new CpuSplit(workerNanos + other.workerNanos, testbedNanos + other.testbedNanos);
  }

  double workerMsPer1000(long items) {
    return workerNanos / 1e6 * 1000.0 / items;
  }

  double testbedMsPer1000(long items) {
    return testbedNanos / 1e6 * 1000.0 / items;
  }

  /** {@code worker 812 ms, test beds 95 ms per 1,000 items}. */
  String describe(long items) {
    return String.format(Locale.ROOT, "worker %.0f ms, test beds %.0f ms per 1,000 items", workerMsPer1000(items),
        testbedMsPer1000(items));
  }

  /** Puts {@code <prefix>worker_cpu_ms_per_1000} and {@code <prefix>testbed_cpu_ms_per_1000} into {@code result}. */
  BenchResult putInto(BenchResult result, String prefix, long items) {
    return result.put(prefix + "worker_cpu_ms_per_1000", workerMsPer1000(items))
        .put(prefix + "testbed_cpu_ms_per_1000", testbedMsPer1000(items));
  }
}
