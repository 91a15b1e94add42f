package com.exchangesync.worker;

import com.exchangesync.worker.config.ConfigException;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.cycle.MailboxRelease;
import com.exchangesync.worker.cycle.RepOutcome;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceSettings;
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
 * {@code --release-mailbox <email> <org id>} instead removes a gone org's mark
 * from a rep's mailbox ({@link MailboxRelease}) and exits.
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
    List<String> arguments = List.of(args);
    int release = arguments.indexOf("--release-mailbox");
    if (release >= 0) {
      if (arguments.size() < release + 3) {
        System.err.println("Usage: scripts/middleware --release-mailbox <rep email> <id of the org whose mark to remove>");
        System.exit(2);
      }
      System.exit(releaseMailbox(config, arguments.get(release + 1), arguments.get(release + 2)));
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

  /** Signs in to this worker's org, releases the mailbox, prints what happened; the exit code. */
  private static int releaseMailbox(WorkerConfig config, String email, String fromOrg) {
    Vertx vertx = Vertx.vertx();
    Metrics metrics = new Metrics();
    SalesforceClient client = new SalesforceClient(SalesforceSettings.from(config), metrics);
    try {
      MailboxRelease.Result result = MailboxRelease.run(new SalesforceAdapter(client,
          new SalesforceNames(config.salesforceNamespace())), WorkerVerticle.connectors(vertx, config, metrics), email, fromOrg);
      (result.ok() ? System.out : System.err).println(result.message());
      return result.ok() ? 0 : 1;
    } catch (SalesforceException | MailboxException e) {
      System.err.println("Nothing was released: " + e.getMessage());
      return 1;
    } finally {
      client.close();
      vertx.close();
    }
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
