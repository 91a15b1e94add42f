package com.exchangesync.worker;

import com.exchangesync.worker.config.ConfigException;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.config.WorkerConfigReader;
import io.vertx.core.Vertx;
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
    Vertx vertx = Vertx.vertx();
    WorkerVerticle worker = new WorkerVerticle(config);
    vertx.deployVerticle(worker).onComplete(ar -> {
      if (ar.succeeded()) {
        System.out.println("READY http://127.0.0.1:" + worker.port());
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
}
