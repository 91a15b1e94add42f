package com.exchangesync.testbed;

import com.exchangesync.testbed.exchange.EwsSchemaValidator;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the test beds in the foreground ({@code scripts/testbed}) and prints
 * {@code READY exchange=<url>} once they listen. Options:
 * {@code --exchange-port N} (0 = any free port, the default).
 */
public final class TestbedMain {

  private TestbedMain() {}

  /** Entry point. */
  public static void main(String[] args) {
    int exchangePort = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--exchange-port" -> exchangePort = port(args, ++i);
        case "--help", "-h" -> {
          System.out.println("usage: scripts/testbed [--exchange-port N]");
          return;
        }
        default -> {
          System.err.println("Unknown option " + args[i] + "; usage: scripts/testbed [--exchange-port N]");
          System.exit(2);
        }
      }
    }
    Vertx vertx = Vertx.vertx();
    ExchangeTestbedOptions exchange = ExchangeTestbedOptions.defaults().withPort(exchangePort);
    Optional<java.nio.file.Path> schemaDir = EwsSchemaValidator.configuredDirectory();
    if (schemaDir.isPresent()) {
      exchange = exchange.withSchema(EwsSchemaValidator.load(schemaDir.get()));
    } else {
      System.err.println("No EWS schema found (../shared/ews-schema or EXSYNC_EWS_SCHEMA_DIR): requests and responses are not schema-checked.");
    }
    List<String> ready = new ArrayList<>();
    ExchangeTestbed.start(vertx, exchange).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("The Exchange test bed did not start: " + ar.cause().getMessage());
        vertx.close();
        System.exit(1);
        return;
      }
      ready.add("exchange=" + ar.result().baseUrl());
      System.out.println("READY " + String.join(" ", ready));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "testbed-shutdown"));
  }

  private static int port(String[] args, int i) {
    if (i >= args.length) {
      System.err.println(args[i - 1] + " needs a port number");
      System.exit(2);
    }
    try {
      int port = Integer.parseInt(args[i]);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      System.err.println(args[i - 1] + " takes a port from 0 to 65535, not '" + args[i] + "'");
      System.exit(2);
      return 0;
    }
  }
}
