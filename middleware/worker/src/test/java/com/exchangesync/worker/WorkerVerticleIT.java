package com.exchangesync.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.config.WorkerConfig;
import com.exchangesync.worker.config.WorkerConfigReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class WorkerVerticleIT {

  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static WorkerConfig config(String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", databaseUrl);
    env.put("EXSYNC_HTTP_PORT", "0");
    env.put("EXSYNC_SF_LOGIN_URL", "http://127.0.0.1:1");
    env.put("EXSYNC_SF_CLIENT_ID", "3MVG9consumerKey");
    env.put("EXSYNC_SF_CLIENT_SECRET", "consumer-secret");
    env.put("EXSYNC_OUTBOUND_TOKEN", "0123456789abcdef0123");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    return WorkerConfigReader.read(env);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void startsMigratedAndAnswersHealthAndMetrics(TestDatabase db) throws Exception {
    WorkerVerticle worker = new WorkerVerticle(config(db.url()));
    await(vertx.deployVerticle(worker));

    HttpResponse<String> live = get(worker.port(), "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(live.body()).getString("status")).isEqualTo("UP");

    // No Salesforce listens at the configured login URL: ready needs both.
    HttpResponse<String> ready = get(worker.port(), "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonObject checks = new JsonObject(ready.body()).getJsonObject("checks");
    assertThat(checks.getString("database")).isEqualTo("UP");
    assertThat(checks.getString("salesforce")).startsWith("no session");

    HttpResponse<String> metrics = get(worker.port(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));

    HttpResponse<String> missing = get(worker.port(), "/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void aWorkerWhoseCyclesFail_countsThem_keepsLooping_andShowsItsLoopAndMailboxesInHealthAndMetrics(TestDatabase db)
      throws Exception {
    WorkerVerticle worker = new WorkerVerticle(config(db.url()));
    await(vertx.deployVerticle(worker));

    // No Salesforce listens at the login URL: the first cycle fails at once, and the loop waits for the next.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!get(worker.port(), "/metrics").body().contains("exsync_cycle_failures_total 1\n")) {
      assertThat(System.nanoTime()).as("a failed cycle is counted").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(get(worker.port(), "/metrics").body()).contains("exsync_cycle_loop_running 1\n")
        .contains("exsync_cycles_completed_total 0\n").contains("exsync_mailboxes_stale 0\n")
        .contains("# TYPE exsync_pruned_rows_total counter\n");
    JsonObject ready = new JsonObject(get(worker.port(), "/health/ready").body()).getJsonObject("checks");
    assertThat(ready.getString("cycles")).isEqualTo("UP");
    assertThat(ready.getString("mailboxes")).isEqualTo("UP");
    HttpResponse<String> live = get(worker.port(), "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(live.body()).getJsonObject("checks").getString("cycles")).isEqualTo("UP");
  }

  @Test
  void isNotReady_whileTheDatabaseIsGone(TestDatabase db) throws Exception {
    TestDatabase own = TestDatabase.create("gone");
    WorkerVerticle worker = new WorkerVerticle(config(own.url()));
    await(vertx.deployVerticle(worker));
    own.close();

    HttpResponse<String> ready = get(worker.port(), "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    JsonObject body = new JsonObject(ready.body());
    assertThat(body.getString("status")).isEqualTo("DOWN");
    assertThat(body.getJsonObject("checks").getString("database")).startsWith("not reachable");
    assertThat(get(worker.port(), "/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void failsToStart_withTheCause_whenTheDatabaseCannotBeReached() {
    WorkerVerticle worker = new WorkerVerticle(config("postgresql://postgres@127.0.0.1:1/none"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(vertx.deployVerticle(worker)));
    assertThat(e.getCause().getMessage()).containsIgnoringCase("connect");
  }
}
