package com.exchangesync.worker.outbound;

import static com.exchangesync.worker.outbound.OutboundEndpointIT.TOKEN;
import static com.exchangesync.worker.outbound.OutboundEndpointIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Salesforce test bed's Outbound Message sender (Salesforce's batching and
 * retries) pointed at the worker's endpoint, with failures injected in front of
 * the endpoint and after it stored a message (lost Acks): 500 contacts created
 * through the admin API end as exactly 500 distinct stored notifications.
 */
@ExtendWith(PostgresExtension.class)
class OutboundFromTestbedIT {

  private static final String ORG_ID = "00D5g00000OUTBD";

  private Vertx vertx;
  private Pool pool;
  private HttpServer server;
  private SalesforceTestbed bed;
  private SalesforceSimClient sim;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    await(Migrations.worker().migrate(pool));
    Metrics metrics = new Metrics();
    OutboundEndpoint endpoint = new OutboundEndpoint(vertx, Secret.of(TOKEN), () -> Future.succeededFuture(ORG_ID),
        new NotificationStore(pool), metrics, () -> { });
    server = await(vertx.createHttpServer().requestHandler(new HttpApi(vertx, metrics, List.of()).routes(router -> {
      router.post(OutboundEndpoint.PATH).handler(ctx -> {
        int n = requests.incrementAndGet();
        if (n % 3 == 0) {
          ctx.response().setStatusCode(503).end(); // refused before the endpoint: nothing stored
        } else if (n % 4 == 0) {
          ctx.addHeadersEndHandler(v -> ctx.response().setStatusCode(502)); // stored, but the Ack is lost
          ctx.next();
        } else {
          ctx.next();
        }
      });
      endpoint.mount(router);
    })).listen(0, "127.0.0.1"));
    String root = System.getProperty("exsync.project.root", "../..");
    bed = SalesforceTestbed.start(vertx, SalesforceTestbedOptions.defaults().withProjectRoot(Path.of(root))
        .withOutboundTimeScale(0.0005)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new SalesforceSimClient(bed.baseUrl());
    sim.org(new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", "integration@exsync.example.com"))
        .put("users", new JsonArray()));
    sim.outbound("http://127.0.0.1:" + server.actualPort() + "/salesforce/outbound/" + TOKEN,
        new JsonObject().put("Contact", new JsonArray().add("Id").add("LastName").add("OwnerId")));
  }

  @AfterEach
  void stop() throws Exception {
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    await(vertx.close());
  }

  @Test
  void fiveHundredContactsFromTheAdminApi_endAsExactlyFiveHundredDistinctStoredNotifications() throws Exception {
    for (int i = 0; i < 500; i++) {
      sim.create("Contact", new JsonObject().put("LastName", "Outbound " + i));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    JsonObject status = sim.outboundStatus();
    while (status.getLong("pending", 1L) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = sim.outboundStatus();
    }
    assertThat(status.getLong("pending")).as("everything acknowledged: " + status).isZero();
    assertThat(status.getLong("dropped", 0L)).isZero();
    long stored = await(pool.query("SELECT count(DISTINCT notification_id) AS n, count(*) AS rows, "
        + "count(DISTINCT record_id) AS records FROM outbound_notification").execute()).iterator().next().getLong("rows");
    long records = await(pool.query("SELECT count(DISTINCT record_id) AS n FROM outbound_notification").execute())
        .iterator().next().getLong("n");
    assertThat(stored).isEqualTo(500);
    assertThat(records).isEqualTo(500);
    assertThat(requests.get()).as("failures were injected and retried").isGreaterThan(5);
    JsonObject outbound = sim.stats().getJsonObject("outbound");
    assertThat(outbound.getLong("delivered")).isEqualTo(500);
    assertThat(outbound.getLong("retried")).isPositive();
    assertThat(outbound.getLong("dropped")).isZero();
  }
}
