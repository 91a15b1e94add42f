package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.ManualClock;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.http.HttpApi;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness and metrics of the served mailboxes, through the worker's HTTP routes, over PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class MailboxFreshnessIT {

  private static final String ORG = "00D5g0000012345EAA";
  private static final String ANN = "0055g00000ANNRPAAX";
  private static final String BOB = "0055g00000BOBRPAAX";
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final ManualClock clock = new ManualClock(T0);
  private Vertx vertx;
  private Pool pool;
  private MailboxSyncs syncs;
  private MailboxFreshnessCheck check;
  private HttpServer server;

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 2);
    Blocking.await(Migrations.worker().migrate(pool));
    Blocking.await(pool.query("TRUNCATE mailbox_sync").execute());
    syncs = new MailboxSyncs(pool);
    Metrics metrics = new Metrics();
    check = new MailboxFreshnessCheck(vertx, syncs, Duration.ofSeconds(60), clock, metrics);
    server = Blocking.await(vertx.createHttpServer().requestHandler(new HttpApi(vertx, metrics, List.of(check))
        .routes(router -> { })).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    Blocking.await(vertx.close());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void serveAnnAndBob() {
    syncs.served(ORG, List.of(new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.EVENT),
        new MailboxSyncs.Served(BOB, "bob@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served(BOB, "bob@corp.example.com", ItemKind.EVENT)), clock.instant());
  }

  @Test
  void aMailboxWithNoSuccessfulPassForFifteenMinutes_turnsReadinessRed_namingItAndItsLastError_andShowsInMetrics()
      throws Exception {
    serveAnnAndBob();
    clock.advance(Duration.ofMinutes(1));
    for (String user : List.of(ANN, BOB)) {
      for (ItemKind kind : ItemKind.values()) {
        syncs.succeeded(new MailboxKey(ORG, user), user.equals(ANN) ? "ann@corp.example.com" : "bob@corp.example.com", kind,
            clock.instant());
      }
    }
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("exsync_mailboxes_served 4\n").contains("exsync_mailboxes_stale 0\n")
        .contains("exsync_mailbox_last_success_age_seconds{kind=\"contacts\"} 0\n");

    // From here on Ann's contacts fail at every pass, and nobody syncs Bob's events any more.
    for (int minute = 2; minute <= 16; minute++) {
      clock.set(T0.plus(Duration.ofMinutes(minute)));
      syncs.failed(new MailboxKey(ORG, ANN), "ann@corp.example.com", ItemKind.CONTACT, clock.instant(),
          "ErrorImpersonateUserDenied: the service account may not impersonate ann@corp.example.com");
      syncs.succeeded(new MailboxKey(ORG, ANN), "ann@corp.example.com", ItemKind.EVENT, clock.instant());
      syncs.succeeded(new MailboxKey(ORG, BOB), "bob@corp.example.com", ItemKind.CONTACT, clock.instant());
    }
    clock.set(T0.plus(Duration.ofMinutes(16)).plusSeconds(1));
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(ready.body()).getJsonObject("checks").getString("mailboxes")).isEqualTo(
        "2 of 4 mailboxes have not synced for 15 minutes:"
            + " ann@corp.example.com (user 0055g00000ANNRPAAX, contacts) last synced 2026-03-02T09:01:00Z,"
            + " failing (last tried 2026-03-02T09:16:00Z): ErrorImpersonateUserDenied: the service account may not"
            + " impersonate ann@corp.example.com;"
            + " bob@corp.example.com (user 0055g00000BOBRPAAX, events) last synced 2026-03-02T09:01:00Z,"
            + " no pass ended since");
    assertThat(get("/metrics").body()).contains("exsync_mailboxes_stale 2\n")
        .contains("exsync_mailbox_last_success_age_seconds{kind=\"contacts\"} 901\n")
        .contains("exsync_mailbox_last_success_age_seconds{kind=\"events\"} 901\n");

    // Bob leaves every configuration: his mailbox is no longer served, so no longer stale.
    syncs.served(ORG, List.of(new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.EVENT)), clock.instant());
    assertThat(new JsonObject(get("/health/ready").body()).getJsonObject("checks").getString("mailboxes"))
        .startsWith("1 of 2 mailboxes have not synced for 15 minutes: ann@corp.example.com");

    // Ann's contacts sync again.
    syncs.succeeded(new MailboxKey(ORG, ANN), "ann@corp.example.com", ItemKind.CONTACT, clock.instant());
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("exsync_mailboxes_served 2\n").contains("exsync_mailboxes_stale 0\n");
  }

  @Test
  void aMailboxNeverSynced_countsFromWhenItWasFirstServed_andTheAnswerNamesTheFiveStalest() throws Exception {
    serveAnnAndBob();
    clock.advance(Duration.ofMinutes(10));
    List<MailboxSyncs.Served> withCy = List.of(
        new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served(ANN, "ann@corp.example.com", ItemKind.EVENT),
        new MailboxSyncs.Served(BOB, "bob@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served(BOB, "bob@corp.example.com", ItemKind.EVENT),
        new MailboxSyncs.Served("0055g00000CYREPAAX", "cy@corp.example.com", ItemKind.CONTACT),
        new MailboxSyncs.Served("0055g00000CYREPAAX", "cy@corp.example.com", ItemKind.EVENT));
    // A later cycle naming the same mailboxes does not restart their clock; Cy is served from now on.
    syncs.served(ORG, withCy, clock.instant());
    clock.advance(Duration.ofMinutes(5));
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(1));
    assertThat(new JsonObject(get("/health/ready").body()).getJsonObject("checks").getString("mailboxes"))
        .isEqualTo("4 of 6 mailboxes have not synced for 15 minutes:"
            + " ann@corp.example.com (user 0055g00000ANNRPAAX, contacts) never synced, served since 2026-03-02T09:00:00Z,"
            + " no pass ended since;"
            + " ann@corp.example.com (user 0055g00000ANNRPAAX, events) never synced, served since 2026-03-02T09:00:00Z,"
            + " no pass ended since;"
            + " bob@corp.example.com (user 0055g00000BOBRPAAX, contacts) never synced, served since 2026-03-02T09:00:00Z,"
            + " no pass ended since;"
            + " bob@corp.example.com (user 0055g00000BOBRPAAX, events) never synced, served since 2026-03-02T09:00:00Z,"
            + " no pass ended since");

    clock.advance(Duration.ofMinutes(10));
    assertThat(new JsonObject(get("/health/ready").body()).getJsonObject("checks").getString("mailboxes"))
        .startsWith("6 of 6 mailboxes have not synced for 15 minutes:").endsWith("; and 1 more");
  }

  @Test
  void anOrgThatServesNoMailbox_isReady() throws Exception {
    serveAnnAndBob();
    clock.advance(Duration.ofHours(1));
    assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    // Exchange Sync disabled: the cycle serves nobody.
    syncs.served(ORG, List.of(), clock.instant());
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("exsync_mailboxes_served 0\n")
        .doesNotContain("exsync_mailbox_last_success_age_seconds{");
  }

  @Test
  void theStaleThreshold_isFivePollIntervals_butNeverLessThanFifteenMinutes() {
    Metrics metrics = new Metrics();
    assertThat(new MailboxFreshnessCheck(vertx, syncs, Duration.ofSeconds(60), clock, metrics).staleAfter())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(new MailboxFreshnessCheck(vertx, syncs, Duration.ofMinutes(10), clock, metrics).staleAfter())
        .isEqualTo(Duration.ofMinutes(50));
  }
}
