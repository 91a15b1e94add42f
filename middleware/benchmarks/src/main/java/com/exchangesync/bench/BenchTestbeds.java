package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.exchangesync.testbed.exchange.StreamingOptions;
import com.exchangesync.testbed.graph.GraphTestbed;
import com.exchangesync.testbed.graph.GraphTestbedOptions;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * The test beds of a benchmark, in a process of their own ({@link TestbedProcess}
 * starts it) so the worker's CPU and heap are measured apart from theirs. Exchange
 * without the schema checks (they are the tests' job and would slow every call),
 * Microsoft Graph over its mailboxes, and Salesforce with the project's
 * {@code force-app}; the Exchange test bed's streaming clock scaled by the system property
 * {@value #STREAMING_TIME_SCALE} (default 1, real time); prints {@code READY exchange=<url> ews=<url> graph=<url> salesforce=<url>}
 * and serves until killed.
 */
public final class BenchTestbeds {

  /** The system property with the streaming notifications' time scale ({@code StreamingOptions.timeScale}). */
  static final String STREAMING_TIME_SCALE = "exsync.bench.streamingTimeScale";

  private BenchTestbeds() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Path root = Path.of(System.getProperty("exsync.project.root", "."));
    Future<ExchangeTestbed> exchange = ExchangeTestbed.start(vertx, ExchangeTestbedOptions.defaults()
        .withStreaming(StreamingOptions.defaults().withTimeScale(Double.parseDouble(System.getProperty(STREAMING_TIME_SCALE, "1")))));
    Future<SalesforceTestbed> salesforce = SalesforceTestbed.start(vertx, SalesforceTestbedOptions.defaults().withProjectRoot(root));
    Future<GraphTestbed> graph = exchange.compose(ex -> GraphTestbed.start(vertx, ex, GraphTestbedOptions.defaults()));
    Future.all(graph, salesforce).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("The benchmark's test beds did not start: " + ar.cause());
        System.exit(1);
      }
      System.out.println("READY exchange=" + exchange.result().baseUrl() + " ews=" + exchange.result().ewsUrl()
          + " graph=" + graph.result().baseUrl() + " salesforce=" + salesforce.result().baseUrl());
      System.out.flush();
    });
  }
}
