package com.exchangesync.worker.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.Database;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class OutboundEndpointIT {

  static final String TOKEN = "s3cret-token-0123456789";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Vertx vertx;
  private Pool pool;
  private Metrics metrics;
  private HttpServer server;
  private final AtomicInteger wakes = new AtomicInteger();

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    await(Migrations.worker().migrate(pool));
    await(pool.query("TRUNCATE outbound_notification").execute());
    server = serve(pool);
  }

  private HttpServer serve(Pool storePool) throws Exception {
    metrics = new Metrics();
    OutboundEndpoint endpoint = new OutboundEndpoint(vertx, Secret.of(TOKEN),
        () -> Future.succeededFuture(Envelopes.ORG), new NotificationStore(storePool), metrics, wakes::incrementAndGet);
    HttpApi api = new HttpApi(vertx, metrics, List.of());
    return await(vertx.createHttpServer().requestHandler(api.routes(endpoint::mount)).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return send(token, HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(String token, HttpRequest.BodyPublisher body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/salesforce/outbound/" + token))
            .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
            .POST(body).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long stored() throws Exception {
    return await(pool.query("SELECT count(*) AS n FROM outbound_notification").execute()).iterator().next().getLong("n");
  }

  private static List<String> ids(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> "04l" + String.format("%012d", i)).toList();
  }

  private void assertAcked(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(OutboundEndpoint.ACK);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
  }

  private void assertFault(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains("<soapenv:Fault>").doesNotContain("<Ack>").doesNotContain(TOKEN)
        .doesNotContain("SECRETSESSION");
  }

  @Test
  void storesEveryNotification_andAcks() throws Exception {
    assertAcked(post(TOKEN, Envelopes.contacts(Envelopes.ORG, ids(0, 3))));

    assertThat(stored()).isEqualTo(3);
    var row = await(pool.query("SELECT * FROM outbound_notification ORDER BY notification_id LIMIT 1").execute()).iterator().next();
    assertThat(row.getString("org_id")).isEqualTo(Envelopes.ORG);
    assertThat(row.getString("object_type")).isEqualTo("Contact");
    assertThat(row.getString("record_id")).isEqualTo("003000000000000AAA");
    assertThat(row.getString("status")).isEqualTo("pending");
    assertThat(row.getJson("fields").toString()).contains("OwnerId").doesNotContain("SECRETSESSION");
    assertThat(wakes.get()).isEqualTo(1);
  }

  @Test
  void aMessageDeliveredTwice_isStoredOnce_andAcknowledgedTwice() throws Exception {
    String message = Envelopes.contacts(Envelopes.ORG, ids(0, 5));

    assertAcked(post(TOKEN, message));
    assertAcked(post(TOKEN, message));

    assertThat(stored()).isEqualTo(5);
    assertThat(metrics.counter("exsync_outbound_notifications_received_total", "").value()).isEqualTo(10);
    assertThat(metrics.counter("exsync_outbound_notifications_duplicate_total", "").value()).isEqualTo(5);
    assertThat(metrics.counter("exsync_outbound_messages_acked_total", "").value()).isEqualTo(2);
  }

  @Test
  void acceptsThe15CharacterFormOfTheOrgId() throws Exception {
    assertAcked(post(TOKEN, Envelopes.contacts(Envelopes.ORG.substring(0, 15), ids(0, 1))));

    assertThat(await(pool.query("SELECT org_id FROM outbound_notification").execute()).iterator().next().getString("org_id"))
        .isEqualTo(Envelopes.ORG);
  }

  @Test
  void rejectsHostileAndWrongMessages_storingNothing_andKeepsServing() throws Exception {
    String good = Envelopes.contacts(Envelopes.ORG, ids(0, 1));
    record Case(String name, String token, HttpRequest.BodyPublisher body, int status, String reason) {}
    byte[] huge = new byte[OutboundEndpoint.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    List<Case> cases = List.of(
        new Case("wrong token", "wrong-token-0123456789", HttpRequest.BodyPublishers.ofString(good), 403, "token"),
        new Case("token prefix", TOKEN.substring(0, 10), HttpRequest.BodyPublishers.ofString(good), 403, "token"),
        new Case("wrong org", TOKEN, HttpRequest.BodyPublishers.ofString(Envelopes.contacts("00D000000000002EAA", ids(0, 1))), 403, "organization"),
        new Case("external entity", TOKEN, HttpRequest.BodyPublishers.ofString(Envelopes.externalEntity()), 400, "doctype"),
        new Case("entity bomb", TOKEN, HttpRequest.BodyPublishers.ofString(Envelopes.entityBomb()), 400, "doctype"),
        new Case("malformed", TOKEN, HttpRequest.BodyPublishers.ofString("<soapenv:Envelope"), 400, "malformed"),
        new Case("101 notifications", TOKEN, HttpRequest.BodyPublishers.ofString(Envelopes.contacts(Envelopes.ORG, ids(0, 101))), 400, "too_many"),
        new Case("oversized, declared", TOKEN, HttpRequest.BodyPublishers.ofByteArray(huge), 413, "too_large"),
        new Case("oversized, streamed", TOKEN, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), 413, "too_large"));

    for (Case c : cases) {
      long start = System.nanoTime();
      HttpResponse<String> response = send(c.token(), c.body());
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertFault(response, c.status());
      assertThat(millis).as(c.name() + " answered quickly").isLessThan(3_000);
      assertThat(metrics.counter("exsync_outbound_messages_rejected_total", "", "reason").value(c.reason())).as(c.name()).isPositive();
      assertThat(stored()).as(c.name() + " stored nothing").isZero();
    }

    assertAcked(post(TOKEN, good));
    assertThat(stored()).isEqualTo(1);
    assertThat(metrics.render()).contains("exsync_outbound_messages_rejected_total{reason=\"token\"} 2");
  }

  @Test
  void withTheDatabaseGone_answers500WithoutAck_andStoresNothing(TestDatabase db) throws Exception {
    await(server.close());
    Pool closed = Database.pool(vertx, "postgresql://postgres@127.0.0.1:1/none", 1);
    server = serve(closed);

    HttpResponse<String> response = post(TOKEN, Envelopes.contacts(Envelopes.ORG, ids(0, 2)));

    assertFault(response, 500);
    assertThat(response.body()).contains("soapenv:Server");
    assertThat(stored()).isZero();
    assertThat(metrics.counter("exsync_outbound_messages_rejected_total", "", "reason").value("store_failed")).isEqualTo(1);
  }

  @Test
  void withTheOrgNotKnownYet_answers500WithoutAck() throws Exception {
    await(server.close());
    metrics = new Metrics();
    OutboundEndpoint endpoint = new OutboundEndpoint(vertx, Secret.of(TOKEN),
        () -> Future.failedFuture("Salesforce is unreachable"), new NotificationStore(pool), metrics, () -> { });
    server = await(vertx.createHttpServer().requestHandler(new HttpApi(vertx, metrics, List.of()).routes(endpoint::mount))
        .listen(0, "127.0.0.1"));

    assertFault(post(TOKEN, Envelopes.contacts(Envelopes.ORG, ids(0, 1))), 500);
    assertThat(stored()).isZero();
  }

  @Test
  void theBodyLimitIsOneMebibyte_soALargeLegitimateMessageFits() throws Exception {
    StringBuilder padding = new StringBuilder();
    while (padding.length() < 900_000) {
      padding.append("<!-- padding padding padding padding padding padding padding padding -->");
    }
    String message = Envelopes.contacts(Envelopes.ORG, ids(0, 1)).replace("<soapenv:Body>", "<soapenv:Body>" + padding);
    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(OutboundEndpoint.MAX_BODY_BYTES);

    assertAcked(post(TOKEN, message));
  }
}
