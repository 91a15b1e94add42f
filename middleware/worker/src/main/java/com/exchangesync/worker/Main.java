package com.exchangesync.worker;

import com.exchangesync.worker.config.ConfigException;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.cycle.RepOutcome;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Runs the worker with settings from the environment (see README) and prints
 * {@code READY <url>} once it listens. A bad setting or a failed start exits
 * non-zero with one message that names the cause, not a stack trace.
 */
public final class Main {

  private Main() {}

  /** Entry point of {@code scripts/middleware}. */
  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    WorkerConfig config;
    try {
      config = WorkerConfigReader.read(System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    boolean once = java.util.Arrays.asList(args).contains("--once");
    boolean summary = once || java.util.Arrays.asList(args).contains("--summary");
    int[] cycles = {0};
    Vertx vertx = Vertx.vertx();
    WorkerVerticle worker = new WorkerVerticle(config, !once, outcomes -> {
      if (summary) {
        printSummary(++cycles[0], outcomes);
      }
    });
    vertx.deployVerticle(worker).onComplete(ar -> {
      if (ar.succeeded()) {
        System.out.println("READY http://127.0.0.1:" + worker.port());
        if (once) {
          worker.runCycleOnce().onComplete(done -> {
            int code = done.succeeded() ? 0 : 1;
            if (done.failed()) {
              System.err.println("The cycle failed: " + done.cause().getMessage());
            }
            vertx.close().onComplete(v -> System.exit(code));
          });
        }
      } else {
        System.err.println("The worker did not start: " + ar.cause().getMessage());
        vertx.close();
        System.exit(1);
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("Shutdown did not finish cleanly: " + e.getMessage());
      }
    }, "exsync-shutdown"));
  }

  /**
   * One block per cycle: a heading, then one line per rep and kind saying in words
   * what the pass did ({@link RepOutcome#toString()}), or why the rep was not synced.
   */
  private static void printSummary(int cycle, List<RepOutcome> outcomes) {
    StringBuilder out = new StringBuilder();
    out.append("== Cycle ").append(cycle).append(" at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(": ").append(outcomes.stream().map(RepOutcome::email).distinct().count()).append(" reps\n");
    if (outcomes.isEmpty()) {
      out.append("   nothing to sync (Exchange Sync not set up or disabled)\n");
    }
    for (RepOutcome o : outcomes) {
      out.append("   ").append(o).append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }
}
