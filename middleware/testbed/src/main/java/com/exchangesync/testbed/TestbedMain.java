package com.exchangesync.testbed;

import com.exchangesync.testbed.exchange.EwsSchemaValidator;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.exchangesync.testbed.graph.GraphTestbed;
import com.exchangesync.testbed.graph.GraphTestbedOptions;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * Runs the test beds in the foreground ({@code scripts/testbed}) and prints
 * {@code READY exchange=<url> salesforce=<url> graph=<url>} once all three
 * listen (the Graph test bed serves the Exchange test bed's mailboxes). Options:
 * {@code --exchange-port N}, {@code --salesforce-port N}, {@code --graph-port N}
 * (0 = any free port, the default), {@code --salesforce-namespace P} (the
 * package's namespace prefix, as in a managed install). The Salesforce test bed reads the package
 * from {@code force-app} under {@code exsync.project.root}.
 */
public final class TestbedMain {

  private TestbedMain() {}

  private static final String USAGE = "usage: scripts/testbed [--exchange-port N] [--salesforce-port N] [--graph-port N] [--salesforce-namespace P] [--demo]";

  /** Entry point. */
  public static void main(String[] args) {
    int exchangePort = 0;
    int salesforcePort = 0;
    int graphPort = 0;
    String namespace = "";
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--exchange-port" -> exchangePort = port(args, ++i);
        case "--salesforce-port" -> salesforcePort = port(args, ++i);
        case "--graph-port" -> graphPort = port(args, ++i);
        case "--salesforce-namespace" -> {
          if (++i >= args.length) {
            System.err.println("--salesforce-namespace needs a prefix such as exsync");
            System.exit(2);
          }
          namespace = args[i];
        }
        case "--demo" -> demo = true;
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> {
          System.err.println("Unknown option " + args[i] + "; " + USAGE);
          System.exit(2);
        }
      }
    }
    SalesforceTestbedOptions salesforce;
    try {
      salesforce = SalesforceTestbedOptions.defaults().withPort(salesforcePort).withNamespace(namespace);
    } catch (IllegalArgumentException e) {
      System.err.println("--salesforce-namespace: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    ExchangeTestbedOptions exchange = ExchangeTestbedOptions.defaults().withPort(exchangePort);
    Optional<java.nio.file.Path> schemaDir = EwsSchemaValidator.configuredDirectory();
    if (schemaDir.isPresent()) {
      exchange = exchange.withSchema(EwsSchemaValidator.load(schemaDir.get()));
    } else {
      System.err.println("No EWS schema found (../shared/ews-schema or EXSYNC_EWS_SCHEMA_DIR): requests and responses are not schema-checked.");
    }
    Future<ExchangeTestbed> exchangeBed = ExchangeTestbed.start(vertx, exchange);
    Future<SalesforceTestbed> salesforceBed = SalesforceTestbed.start(vertx, salesforce);
    GraphTestbedOptions graphOptions = GraphTestbedOptions.defaults().withPort(graphPort);
    Future<GraphTestbed> graphBed = exchangeBed.compose(bed -> GraphTestbed.start(vertx, bed, graphOptions));
    boolean seedDemo = demo;
    Future.all(exchangeBed, salesforceBed, graphBed).onComplete(ar -> {
      if (ar.failed()) {
        String which = exchangeBed.failed() ? "Exchange" : salesforceBed.failed() ? "Salesforce" : "Graph";
        System.err.println("The " + which + " test bed did not start: " + ar.cause().getMessage());
        vertx.close();
        System.exit(1);
        return;
      }
      if (seedDemo) {
        // Seeding blocks (HTTP to the beds' own admin APIs), so it runs off the event loop.
        Thread.ofVirtual().start(() -> {
          try {
            com.exchangesync.testbed.demo.DemoOrg.seed(exchangeBed.result().baseUrl(), exchangeBed.result().ewsUrl(),
                salesforceBed.result().baseUrl());
          } catch (Exception e) {
            System.err.println("Seeding the demo organisation failed: " + e);
            System.exit(1);
          }
          System.out.println(ready(exchangeBed.result(), salesforceBed.result(), graphBed.result()));
        });
        return;
      }
      System.out.println(ready(exchangeBed.result(), salesforceBed.result(), graphBed.result()));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "testbed-shutdown"));
  }

  private static String ready(ExchangeTestbed exchange, SalesforceTestbed salesforce, GraphTestbed graph) {
    return "READY exchange=" + exchange.baseUrl() + " salesforce=" + salesforce.baseUrl() + " graph=" + graph.baseUrl();
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
