package com.exchangesync.worker.cycle;

import com.exchangesync.worker.logging.LogContext;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reps' passes run side by side, at most {@code parallel} at a time, each on a
 * thread of its own (the Salesforce client pools its connections, every opened
 * mailbox has its own EWS service, Graph keeps its four requests per mailbox).
 * A rep waits for a free slot in the order the cycle lists them, so every rep
 * is reached in turn and no rep's mailbox holds up the others; a side that
 * throttles slows the passes it throttles (they wait inside), which holds the
 * next reps back instead of failing them. One per cycle.
 */
final class RepPasses implements AutoCloseable {

  private final Semaphore slots;
  private final ExecutorService threads;

  /** @param parallel how many reps' passes at most run at once (1: one after another) */
  RepPasses(int parallel, String orgId) {
    if (parallel < 1) {
      throw new IllegalArgumentException("at least one rep at a time: " + parallel);
    }
    this.slots = new Semaphore(parallel);
    AtomicInteger n = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(() -> {
        try (LogContext.Scope org = LogContext.org(orgId)) {
          r.run();
        }
      }, "exsync-rep-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Waits for a free slot, then starts {@code passes}; its outcomes come from {@link #outcomes}. */
  Future<List<RepOutcome>> start(Callable<List<RepOutcome>> passes) throws InterruptedException {
    slots.acquire();
    try {
      return threads.submit(() -> {
        try {
          return passes.call();
        } finally {
          slots.release();
        }
      });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /**
   * The outcomes of a started rep, once its passes end. What its passes threw is thrown here as it
   * was (a rep's own failures are already its outcomes; what gets here, an {@code Error}, ends the cycle).
   */
  static List<RepOutcome> outcomes(Future<List<RepOutcome>> started) throws InterruptedException {
    try {
      return started.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("a rep's passes failed: " + cause, cause);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
