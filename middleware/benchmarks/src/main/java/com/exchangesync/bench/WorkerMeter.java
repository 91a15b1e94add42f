package com.exchangesync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What this process (the worker's side of a benchmark; its test beds run in
 * another, {@link TestbedProcess}) spends: CPU time of all its threads (the sync's,
 * the event loops', garbage collection and the JIT compiler), and heap.
 */
final class WorkerMeter {

  private WorkerMeter() {}

  /** CPU time of this process so far, in nanoseconds. */
  static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    throw new IllegalStateException("this JVM does not report process CPU time (com.sun.management)");
  }

  /** Forgets the heap pools' peaks, so {@link #heapPeakMb()} covers what follows. */
  static void resetHeapPeak() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The heap pools' peaks since the last reset, summed (an upper bound of the heap in use at any one time). */
  static double heapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1048576.0;
  }

  /** The heap still in use after a full collection: what the worker keeps between cycles. */
  static double heapRetainedMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }
}
