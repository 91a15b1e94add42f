package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.exchange.graph.GraphTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Exchange Online for whole-cycle tests: the Graph test bed over the cycle's
 * Exchange test bed (the same mailboxes), the org's app registered with every
 * mailbox in its scope, the worker holding its certificate; and the org's setup
 * switched to {@code Exchange Online (Microsoft Graph)} (or back), the served
 * domain kept to {@code corp.example.com} as the service account's was.
 */
final class GraphCycles implements AutoCloseable {

  static final String GRAPH = "Exchange Online (Microsoft Graph)";
  static final String EWS = "Exchange Server (EWS)";

  final GraphTestbedFixture graph;

  GraphCycles(ExchangeTestbedFixture exchange) throws Exception {
    graph = new GraphTestbedFixture(exchange);
    graph.registerApp(GraphTestbedFixture.BOTH, null);
  }

  /** The worker's Graph connectors, as WorkerVerticle makes them from its environment. */
  MailboxConnectors connectors(Vertx vertx) {
    URI base = URI.create(graph.graph.baseUrl());
    return MailboxConnectors.graph(vertx, Optional.of(graph.certificateCredentials()), base, base, true, graph.stats,
        Clock.systemUTC());
  }

  /** Sets the org's Exchange type as the Setup page saves it. */
  void setType(SalesforceTestbedFixture sf, String type) {
    JsonObject setup = sf.sim.records("Exchange_Sync_Setup__c").getJsonObject(0);
    sf.sim.update("Exchange_Sync_Setup__c", setup.getString("Id"), new JsonObject().put("Exchange_Type__c", type)
        .put("Tenant_Id__c", GraphTestbedFixture.TENANT).put("Application_Id__c", GraphTestbedFixture.CLIENT_ID)
        .put("Additional_Domains__c", "corp.example.com"));
  }

  /** Fails unless the cycles read the mailboxes through Graph and never through EWS. */
  void assertOnlyGraphWasUsed() {
    JsonObject ews = graph.sim.stats().getJsonObject("calls", new JsonObject());
    org.assertj.core.api.Assertions.assertThat(ews.fieldNames()).as("EWS operations called").isEmpty();
    org.assertj.core.api.Assertions.assertThat(graph.graphStats().getLong("httpRequests")).as("Graph requests").isPositive();
  }

  @Override
  public void close() throws Exception {
    graph.close();
  }
}
