package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.WorkerVerticle;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.exchange.graph.GraphTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running worker on Exchange Online with both polls an hour long, its public URL on the loopback: Microsoft
 * Graph's test bed validates the worker's notification endpoint, a contact a rep makes in Outlook reaches
 * Salesforce through a change notification, a notification with another clientState is ignored, and a
 * subscription Graph removed or that expired is made again.
 */
class GraphPushIT extends CycleTestBase {

  private GraphCycles graph;
  private WorkerVerticle worker;
  private int port;

  @BeforeEach
  void startWorkerOnExchangeOnline() throws Exception {
    graph = new GraphCycles(ex);
    graph.setType(sf, GraphCycles.GRAPH);
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String base = graph.graph.graph.baseUrl();
    Map<String, String> env = hourlyPollWorker("worker-graph-push", "graph-push-outbound-token-0123");
    env.put("EXSYNC_HTTP_PORT", String.valueOf(port));
    env.put("EXSYNC_GRAPH_CLIENT_SECRET", GraphTestbedFixture.CLIENT_SECRET);
    env.put("EXSYNC_GRAPH_LOGIN_URL", base);
    env.put("EXSYNC_GRAPH_URL", base);
    env.put("EXSYNC_PUBLIC_URL", "http://127.0.0.1:" + port);
    List<List<RepOutcome>> cycles = new CopyOnWriteArrayList<>();
    worker = new WorkerVerticle(WorkerConfigReader.read(env), true, cycles::add);
    sf.vertx.deployVerticle(worker).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    waitFor(() -> cycles.size() >= 1, 60);
    waitFor(() -> subscription(ExchangeTestbedFixture.ANN, "contacts").isPresent()
        && subscription(ExchangeTestbedFixture.BOB, "contacts").isPresent(), 60);
  }

  @AfterEach
  void stopWorker() throws Exception {
    sf.vertx.undeploy(sf.vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    graph.close();
  }

  @Test
  void aContactMadeInOutlook_reachesSalesforceThroughAChangeNotification_andAForgedOneIsIgnored() throws Exception {
    assertThat(ex.sim.graphSubscriptions()).as("contacts and events of both reps").hasSize(4);
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Mia")
        .put("surname", "Notified").put("email", "mia.notified@customer.example.com"));
    waitFor(() -> salesforceHas("Notified"), 30);

    // Bob's calendar is quiet (events are not synced here): nothing else wakes his events meanwhile.
    long changes = changes(ExchangeTestbedFixture.BOB, "EVENT");
    String id = subscription(ExchangeTestbedFixture.BOB, "events").orElseThrow().getString("id");
    HttpResponse<String> forged = post("/exchange/graph/notifications", new JsonObject().put("value", new JsonArray()
        .add(new JsonObject().put("subscriptionId", id).put("clientState", "guessed").put("changeType", "updated")
            .put("resource", "Users/x/Contacts/y"))).encode());
    assertThat(forged.statusCode()).isEqualTo(202);
    assertThat(changes(ExchangeTestbedFixture.BOB, "EVENT")).as("a notification with another clientState wakes nothing")
        .isEqualTo(changes);
    assertThat(metrics()).contains("exsync_graph_notifications_rejected_total 1");
  }

  @Test
  void aSubscriptionGraphRemoved_orThatExpired_isMadeAgain_andChangesArriveThroughIt() throws Exception {
    String removed = subscription(ExchangeTestbedFixture.ANN, "contacts").orElseThrow().getString("id");
    ex.sim.graphLifecycle(removed, "subscriptionRemoved");
    waitFor(() -> subscription(ExchangeTestbedFixture.ANN, "contacts").filter(s -> !s.getString("id").equals(removed))
        .isPresent(), 60);
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Noa")
        .put("surname", "AfterRemoval").put("email", "noa.after@customer.example.com"));
    waitFor(() -> salesforceHas("AfterRemoval"), 30);

    // As if the worker had been away past the expiry: Graph dropped it, and the worker's record says so too.
    String expired = subscription(ExchangeTestbedFixture.BOB, "contacts").orElseThrow().getString("id");
    ex.sim.endGraphSubscription(expired);
    Blocking.await(pool.preparedQuery("UPDATE graph_subscription SET expires_at = now() - interval '1 minute' WHERE id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(expired)));
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("surname", "WakesACycle"));
    waitFor(() -> subscription(ExchangeTestbedFixture.BOB, "contacts").filter(s -> !s.getString("id").equals(expired))
        .isPresent(), 60);
    ex.sim.createContact(ExchangeTestbedFixture.BOB, "Salesforce_Sync", new JsonObject().put("givenName", "Ida")
        .put("surname", "AfterExpiry").put("email", "ida.after@customer.example.com"));
    waitFor(() -> salesforceHas("AfterExpiry"), 30);
  }

  /** The test bed's subscription to {@code what} ({@code contacts} or {@code events}) of a mailbox. */
  private Optional<JsonObject> subscription(String email, String what) {
    return ex.sim.graphSubscriptions().stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("mailbox").equalsIgnoreCase(email) && s.getString("resource").endsWith("/" + what)).findFirst();
  }

  private long changes(String email, String kind) {
    return Blocking.await(pool.preparedQuery("SELECT count(*) FROM mailbox_change WHERE email = $1 AND kind = $2")
        .execute(io.vertx.sqlclient.Tuple.of(email, kind))).iterator().next().getLong(0);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String metrics() throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }


}
