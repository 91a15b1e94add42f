package com.exchangesync.worker.outbound;

import static com.exchangesync.worker.outbound.OutboundEndpointIT.TOKEN;
import static com.exchangesync.worker.outbound.OutboundEndpointIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At-least-once delivery end to end: a sender that behaves as Salesforce's
 * (messages of up to 100 notifications, each message sent again until it is
 * acknowledged with a 200 and an Ack) against the endpoint with failures
 * injected in front of it (requests refused before the endpoint sees them) and
 * behind it (the endpoint stored the message but its Ack is lost).
 */
@ExtendWith(PostgresExtension.class)
class OutboundDeliveryIT {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Vertx vertx;
  private Pool pool;
  private HttpServer server;
  private Metrics metrics;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    await(Migrations.worker().migrate(pool));
    metrics = new Metrics();
    OutboundEndpoint endpoint = new OutboundEndpoint(vertx, Secret.of(TOKEN),
        () -> Future.succeededFuture(Envelopes.ORG), new NotificationStore(pool), metrics, () -> { });
    HttpApi api = new HttpApi(vertx, metrics, List.of());
    server = await(vertx.createHttpServer().requestHandler(api.routes(router -> {
      router.post(OutboundEndpoint.PATH).handler(ctx -> {
        int n = requests.incrementAndGet();
        if (n % 3 == 0) {
          // Fails before the endpoint: nothing stored, Salesforce must retry.
          ctx.response().setStatusCode(503).end();
        } else if (n % 4 == 0) {
          // Fails after the endpoint stored the message: the Ack is lost, Salesforce retries a stored message.
          ctx.addHeadersEndHandler(v -> ctx.response().setStatusCode(502));
          ctx.next();
        } else {
          ctx.next();
        }
      });
      endpoint.mount(router);
    })).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  /** Sends one message until it is acknowledged, as Salesforce does; returns the attempts it took. */
  private int deliver(String message) throws Exception {
    for (int attempt = 1; attempt <= 20; attempt++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.actualPort() + "/salesforce/outbound/" + TOKEN))
          .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
          .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200 && r.body().contains("<Ack>true</Ack>")) {
        return attempt;
      }
    }
    throw new AssertionError("never acknowledged");
  }

  @Test
  void fiveHundredContacts_endAsExactlyFiveHundredDistinctStoredNotifications() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add("04l" + String.format("%012d", i));
    }
    int attempts = 0;
    // Five messages of 100 notifications; then a sixth that repeats notifications of two earlier messages,
    // as Salesforce may when it re-sends out of order.
    for (int m = 0; m < 5; m++) {
      attempts += deliver(Envelopes.contacts(Envelopes.ORG, ids.subList(m * 100, m * 100 + 100)));
    }
    attempts += deliver(Envelopes.contacts(Envelopes.ORG, ids.subList(150, 250)));

    long stored = await(pool.query("SELECT count(*) AS rows FROM outbound_notification")
        .execute()).iterator().next().getLong("rows");
    assertThat(stored).isEqualTo(500);
    assertThat(attempts).as("failures were injected").isGreaterThan(6);
    assertThat(metrics.counter("exsync_outbound_notifications_duplicate_total", "").value())
        .as("lost Acks and the overlapping message came back as duplicates").isGreaterThanOrEqualTo(100);
  }
}
