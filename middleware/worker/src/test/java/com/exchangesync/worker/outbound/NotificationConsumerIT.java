package com.exchangesync.worker.outbound;

import static com.exchangesync.worker.outbound.OutboundEndpointIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class NotificationConsumerIT {

  private Vertx vertx;
  private Pool pool;
  private Metrics metrics;
  private NotificationStore store;
  private final SalesforceNames names = new SalesforceNames("exsync");

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    metrics = new Metrics();
    store = new NotificationStore(pool);
    await(Migrations.worker().migrate(pool));
    await(pool.query("TRUNCATE outbound_notification, sync_request, config_change, error_outbox").execute());
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  /** No waiting between attempts, so a test can run round after round. */
  private NotificationConsumer consumer(int maxAttempts) {
    return new NotificationConsumer(vertx, pool, names, new ErrorOutbox(pool),
        new Backoff(Duration.ZERO, Duration.ZERO, () -> 0), maxAttempts, Clock.systemUTC(), metrics);
  }

  private void receive(String xml) throws Exception {
    OutboundMessage m = new OutboundEnvelopeParser().parse(xml.getBytes(StandardCharsets.UTF_8));
    await(store.store(Envelopes.ORG, m));
  }

  private List<Row> rows(String sql) throws Exception {
    List<Row> out = new java.util.ArrayList<>();
    await(pool.query(sql).execute()).forEach(out::add);
    return out;
  }

  @Test
  void turnsContactNotificationsIntoSyncRequests_andMarksThemProcessed() throws Exception {
    receive(Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA", "04l000000000002AAA")));

    assertThat(await(consumer(5).withProductHandlers().runOnce())).isEqualTo(2);

    assertThat(rows("SELECT status, processed_at FROM outbound_notification"))
        .allSatisfy(r -> {
          assertThat(r.getString("status")).isEqualTo("processed");
          assertThat(r.getOffsetDateTime("processed_at")).isNotNull();
        });
    List<Row> requests = rows("SELECT * FROM sync_request ORDER BY record_id");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getString("org_id")).isEqualTo(Envelopes.ORG);
    assertThat(requests.get(0).getString("object_type")).isEqualTo("Contact");
    assertThat(requests.get(0).getString("record_id")).isEqualTo("003000000000000AAA");
    assertThat(requests.get(0).getString("owner_id")).isEqualTo("005000000000001AAA");
    assertThat(metrics.render()).contains("exsync_outbound_notifications_processed_total{object=\"Contact\"} 2");
    assertThat(await(consumer(5).withProductHandlers().runOnce())).as("nothing left to do").isZero();
  }

  @Test
  void turnsNamespacedSetupNotificationsIntoConfigChanges() throws Exception {
    receive(Envelopes.envelope(Envelopes.ORG, "<Notification><Id>04l000000000003AAA</Id>"
        + "<sObject xsi:type=\"sf:exsync__Exchange_Sync_Connection_Test__c\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
        + "<sf:Id>a01000000000001AAA</sf:Id></sObject></Notification>"));

    await(consumer(5).withProductHandlers().runOnce());

    List<Row> changes = rows("SELECT kind, record_id FROM config_change");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).getString("kind")).isEqualTo("connection_test");
    assertThat(changes.get(0).getString("record_id")).isEqualTo("a01000000000001AAA");
  }

  @Test
  void retriesAFailingHandlerWithBackoff_thenProcesses() throws Exception {
    receive(Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA")));
    AtomicInteger calls = new AtomicInteger();
    NotificationHandler flaky = (tx, n) -> calls.incrementAndGet() < 3
        ? Future.failedFuture(new IllegalStateException("scheduler table busy"))
        : new SyncRequestHandler().handle(tx, n);
    NotificationConsumer consumer = new NotificationConsumer(vertx, pool, names, new ErrorOutbox(pool),
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), () -> 0.5), 5, Clock.systemUTC(), metrics)
        .handle("Contact", flaky);

    await(consumer.runOnce());

    Row row = rows("SELECT status, attempts, last_error, next_attempt_at > now() + interval '40 seconds' AS later"
        + " FROM outbound_notification").get(0);
    assertThat(row.getString("status")).isEqualTo("pending");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
    assertThat(row.getString("last_error")).contains("scheduler table busy");
    assertThat(row.getBoolean("later")).as("waits the backoff before the next attempt").isTrue();
    assertThat(await(consumer.runOnce())).as("not due yet").isZero();
    assertThat(calls.get()).isEqualTo(1);

    for (int i = 0; i < 2; i++) {
      await(pool.query("UPDATE outbound_notification SET next_attempt_at = now()").execute());
      await(consumer.runOnce());
    }

    assertThat(rows("SELECT status FROM outbound_notification").get(0).getString("status")).isEqualTo("processed");
    assertThat(rows("SELECT * FROM sync_request")).hasSize(1);
    assertThat(rows("SELECT * FROM error_outbox")).isEmpty();
    assertThat(metrics.render()).contains("exsync_outbound_notifications_retried_total{object=\"Contact\"} 2");
  }

  @Test
  void recordsAnErrorRowAfterRepeatedFailure_andStopsTrying() throws Exception {
    receive(Envelopes.contacts(Envelopes.ORG, List.of("04l000000000001AAA")));
    AtomicInteger calls = new AtomicInteger();
    NotificationConsumer consumer = consumer(3).handle("Contact", (tx, n) -> {
      calls.incrementAndGet();
      // A handler that writes, then fails: its write must not survive.
      return tx.preparedQuery("INSERT INTO sync_request (org_id, object_type, record_id, notification_id) VALUES ($1, 'Contact', $2, $3)")
          .execute(Tuple.of(n.orgId(), n.recordId(), n.notificationId()))
          .compose(r -> Future.failedFuture(new IllegalStateException("always fails")));
    });

    for (int i = 0; i < 6; i++) {
      await(consumer.runOnce());
    }

    assertThat(calls.get()).as("three attempts, then no more").isEqualTo(3);
    Row row = rows("SELECT status, attempts FROM outbound_notification").get(0);
    assertThat(row.getString("status")).isEqualTo("failed");
    assertThat(row.getInteger("attempts")).isEqualTo(3);
    assertThat(rows("SELECT * FROM sync_request")).as("the failed handler's writes were rolled back").isEmpty();
    List<Row> errors = rows("SELECT * FROM error_outbox");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getString("error_code")).isEqualTo("NOTIFICATION_FAILED");
    assertThat(errors.get(0).getString("org_id")).isEqualTo(Envelopes.ORG);
    assertThat(errors.get(0).getString("salesforce_record_id")).isEqualTo("003000000000000AAA");
    assertThat(errors.get(0).getString("error_message")).contains("always fails").contains("3 attempt");
    assertThat(metrics.render()).contains("exsync_outbound_notifications_failed_total{object=\"Contact\"} 1");
  }

  @Test
  void aTypeWithoutHandlerFailsAtOnce_withAnErrorRow() throws Exception {
    receive(Envelopes.envelope(Envelopes.ORG, "<Notification><Id>04l000000000004AAA</Id>"
        + "<sObject xsi:type=\"sf:Lead\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>00Q000000000001AAA</sf:Id>"
        + "</sObject></Notification>"));

    await(consumer(5).withProductHandlers().runOnce());

    assertThat(rows("SELECT status FROM outbound_notification").get(0).getString("status")).isEqualTo("failed");
    assertThat(rows("SELECT error_code FROM error_outbox").get(0).getString("error_code")).isEqualTo("NOTIFICATION_UNHANDLED");
  }

  @Test
  void twoConsumersTogetherHandleEachNotificationOnce() throws Exception {
    List<String> ids = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "04l" + String.format("%012d", i)).toList();
    receive(Envelopes.contacts(Envelopes.ORG, ids));
    AtomicInteger calls = new AtomicInteger();
    NotificationHandler counting = (tx, n) -> {
      calls.incrementAndGet();
      return new SyncRequestHandler().handle(tx, n);
    };

    Future<Integer> a = consumer(5).handle("Contact", counting).runOnce();
    Future<Integer> b = consumer(5).handle("Contact", counting).runOnce();
    int handled = await(a) + await(b);

    assertThat(handled).isEqualTo(60);
    assertThat(calls.get()).isEqualTo(60);
    assertThat(rows("SELECT * FROM sync_request")).hasSize(60);
  }
}
