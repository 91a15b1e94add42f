package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change notifications: the subscription calls, the validation handshake with a notification endpoint the
 * test runs, notifications of contact and event changes, renewal and expiry, lifecycle notifications, and
 * deliveries the endpoint refuses.
 */
class GraphSubscriptionsIT extends GraphTestbedSupport {

  /** What the test's notification endpoint saw: a validation token, or a POSTed collection. */
  private record Received(String validationToken, String contentType, JsonObject body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  /** How the endpoint answers validations: echo, wrong (200 with another body) or refuse (403). */
  private volatile String validation = "echo";
  private volatile int deliveryStatus = 202;
  private HttpServer endpoint;
  private String url;

  @Override
  GraphTestbedOptions options(GraphTestbedOptions defaults) {
    return defaults.withNotificationRetryPause(Duration.ofMillis(5));
  }

  @BeforeEach
  void startEndpoint() throws Exception {
    endpoint = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      String token = req.getParam("validationToken");
      if (token != null) {
        received.add(new Received(token, req.getHeader("Content-Type"), null));
        switch (validation) {
          case "echo" -> req.response().putHeader("Content-Type", "text/plain").end(token);
          case "wrong" -> req.response().putHeader("Content-Type", "text/plain").end("not the token");
          default -> req.response().setStatusCode(403).end();
        }
        return;
      }
      received.add(new Received(null, req.getHeader("Content-Type"), body.toJsonObject()));
      req.response().setStatusCode(deliveryStatus).end();
    })).listen(0, "127.0.0.1"));
    url = "http://127.0.0.1:" + endpoint.actualPort() + "/hooks/graph?tenant=t1";
  }

  @AfterEach
  void stopEndpoint() throws Exception {
    await(endpoint.close());
  }

  @Test
  void aSubscriptionIsMadeAfterTheHandshake_andEveryContactChangeIsNotified() throws Exception {
    JsonObject sub = post("/subscriptions", subscription("users/" + ANN + "/contacts", 60));
    Received handshake = next();
    assertThat(handshake.validationToken()).startsWith("Validation: Testing client application reachability");
    assertThat(handshake.contentType()).startsWith("text/plain");
    assertThat(sub.getString("id")).isNotBlank();
    assertThat(sub.getString("changeType")).isEqualTo("created,updated,deleted");
    assertThat(sub.getString("clientState")).isEqualTo("s3cret-state");
    assertThat(sub.getString("resource")).isEqualTo("users/" + ANN + "/contacts");

    String contact = sim.createContact(ANN, null, new JsonObject().put("surname", "Notified")).getString("id");
    JsonObject created = notification();
    assertThat(created.getString("subscriptionId")).isEqualTo(sub.getString("id"));
    assertThat(created.getString("clientState")).isEqualTo("s3cret-state");
    assertThat(created.getString("changeType")).isEqualTo("created");
    assertThat(created.getString("tenantId")).isEqualTo(TENANT);
    assertThat(created.getString("resource")).isEqualTo("Users/" + ANN + "/Contacts/" + contact);
    assertThat(created.getJsonObject("resourceData").getString("id")).isEqualTo(contact);
    assertThat(created.getJsonObject("resourceData").getString("@odata.type")).isEqualTo("#Microsoft.Graph.Contact");

    sim.updateContact(ANN, contact, new JsonObject().put("jobTitle", "Buyer"));
    assertThat(notification().getString("changeType")).isEqualTo("updated");
    sim.deleteContact(ANN, contact);
    JsonObject deleted = notification();
    assertThat(deleted.getString("changeType")).as("moved to Deleted Items: gone from the watched folder").isEqualTo("deleted");
    assertThat(deleted.getJsonObject("resourceData").getString("id")).isEqualTo(contact);
  }

  @Test
  void eventsAreNotifiedToo() throws Exception {
    post("/subscriptions", subscription("/users/" + ANN + "/events", 60));
    next();
    String event = sim.createEvent(ANN, new JsonObject().put("subject", "Review").put("start", "2030-03-04T09:00:00Z")
        .put("end", "2030-03-04T10:00:00Z")).getString("id");
    JsonObject n = notification();
    assertThat(n.getString("resource")).isEqualTo("Users/" + ANN + "/Events/" + event);
    assertThat(n.getJsonObject("resourceData").getString("@odata.type")).isEqualTo("#Microsoft.Graph.Event");
  }

  @Test
  void anEndpointThatDoesNotEchoTheToken_getsNoSubscription() throws Exception {
    validation = "wrong";
    HttpResponse<Buffer> refused = call(HttpMethod.POST, "/subscriptions", subscription("users/" + ANN + "/contacts", 60), Map.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("ValidationError");
    validation = "refuse";
    assertThat(call(HttpMethod.POST, "/subscriptions", subscription("users/" + ANN + "/contacts", 60), Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(okGet("/subscriptions").getJsonArray("value")).isEmpty();
  }

  @Test
  void theRefusals_ofTheSubscriptionCalls() throws Exception {
    HttpResponse<Buffer> tooLong = call(HttpMethod.POST, "/subscriptions", subscription("users/" + ANN + "/contacts", 10_081),
        Map.of());
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("Subscription expiration can only be 10080 minutes in the future.");
    HttpResponse<Buffer> noUrl = call(HttpMethod.POST, "/subscriptions",
        subscription("users/" + ANN + "/contacts", 60).putNull("notificationUrl"), Map.of());
    assertThat(noUrl.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("notificationUrl is a required property for subscription creation.");
    assertThat(call(HttpMethod.POST, "/subscriptions", subscription("users/" + EVE + "/contacts", 60), Map.of()).statusCode())
        .as("a mailbox outside the app's scope").isEqualTo(403);
    assertThat(call(HttpMethod.POST, "/subscriptions", subscription("users/" + ANN + "/contacts", 60)
        .put("notificationUrl", "http://hooks.example.com/graph"), Map.of()).statusCode()).as("plain HTTP off the machine").isEqualTo(400);
    assertThat(get("/subscriptions/6e1a0b4c-0000-4000-8000-000000000000").statusCode()).isEqualTo(404);
  }

  @Test
  void aRenewedSubscriptionLivesOn_andAnExpiredOneIsGone() throws Exception {
    JsonObject sub = post("/subscriptions", subscription("users/" + ANN + "/contacts", 60));
    next();
    String id = sub.getString("id");
    String later = java.time.OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(600)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), java.time.ZoneOffset.UTC).toString();
    JsonObject renewed = patch("/subscriptions/" + id, new JsonObject().put("expirationDateTime", later));
    assertThat(next().validationToken()).as("a renewal validates the endpoint again").isNotNull();
    assertThat(java.time.Instant.parse(renewed.getString("expirationDateTime")))
        .isEqualTo(java.time.OffsetDateTime.parse(later).toInstant());
    clock.advance(Duration.ofMinutes(601));
    token = secretToken(); // the old one expired with the hours gone by
    assertThat(get("/subscriptions/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void lifecycleNotifications_goToTheLifecycleUrl_andRemovedMeansGone() throws Exception {
    String lifecycle = url.replace("/hooks/graph", "/hooks/lifecycle");
    JsonObject sub = post("/subscriptions", subscription("users/" + ANN + "/contacts", 60).put("lifecycleNotificationUrl", lifecycle));
    assertThat(next().validationToken()).isNotNull();
    assertThat(next().validationToken()).as("the lifecycle URL is validated too").isNotNull();
    HttpResponse<Buffer> removed = await(web.postAbs(exchange.baseUrl() + "/sim/graph/subscriptions/" + sub.getString("id")
        + "/lifecycle").sendJsonObject(new JsonObject().put("lifecycleEvent", "subscriptionRemoved")));
    assertThat(removed.statusCode()).isEqualTo(204);
    JsonObject n = notification();
    assertThat(n.getString("lifecycleEvent")).isEqualTo("subscriptionRemoved");
    assertThat(n.getString("subscriptionId")).isEqualTo(sub.getString("id"));
    assertThat(n.getString("clientState")).isEqualTo("s3cret-state");
    assertThat(get("/subscriptions/" + sub.getString("id")).statusCode()).isEqualTo(404);
  }

  @Test
  void aDeliveryTheEndpointKeepsRefusing_isRetried_thenDropped_andMissedIsSent() throws Exception {
    String lifecycle = url.replace("/hooks/graph", "/hooks/lifecycle");
    post("/subscriptions", subscription("users/" + ANN + "/contacts", 60).put("lifecycleNotificationUrl", lifecycle));
    next();
    next();
    deliveryStatus = 503;
    sim.createContact(ANN, null, new JsonObject().put("surname", "Refused"));
    int tries = 0;
    JsonObject last;
    do {
      last = next().body().getJsonArray("value").getJsonObject(0);
      tries++;
    } while (last.getString("lifecycleEvent") == null);
    assertThat(tries - 1).as("the refused collection was tried nine times").isEqualTo(9);
    assertThat(last.getString("lifecycleEvent")).isEqualTo("missed");
  }

  private JsonObject subscription(String resource, int minutes) {
    String expiration = java.time.OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(minutes)),
        java.time.ZoneOffset.UTC).toString();
    return new JsonObject().put("changeType", "created,updated,deleted").put("notificationUrl", url).put("resource", resource)
        .put("expirationDateTime", expiration).put("clientState", "s3cret-state");
  }

  private Received next() throws InterruptedException {
    Received r = received.poll(20, TimeUnit.SECONDS);
    assertThat(r).as("the endpoint was called").isNotNull();
    return r;
  }

  /** The next collection's one notification. */
  private JsonObject notification() throws InterruptedException {
    Received r = next();
    assertThat(r.body()).as("a notification, not a validation").isNotNull();
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body().getJsonArray("value")).hasSize(1);
    return r.body().getJsonArray("value").getJsonObject(0);
  }
}
