package com.exchangesync.worker.errors;

import static com.exchangesync.worker.errors.ErrorOutboxIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.CannedSalesforce;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox through the real adapter and force-wsc, with Salesforce down (HTTP 503) and then back. */
@ExtendWith(PostgresExtension.class)
class SalesforceErrorOutboxIT {

  private Vertx vertx;
  private Pool pool;
  private CannedSalesforce sf;
  private final Metrics metrics = new Metrics();

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    await(Migrations.worker().migrate(pool));
    await(pool.query("TRUNCATE error_outbox").execute());
    sf = new CannedSalesforce();
  }

  @AfterEach
  void stop() throws Exception {
    sf.close();
    await(vertx.close());
  }

  @Test
  void errorsWaitOutAnOutage_thenAreWrittenOnceEach_andLeaveTheOutbox() throws Exception {
    SalesforceSettings settings = new SalesforceSettings(URI.create(sf.loginUrl()), CannedSalesforce.CREDENTIALS,
        "", true, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), 1,
        new Backoff(Duration.ZERO, Duration.ZERO, () -> 0));
    SalesforceAdapter adapter = new SalesforceAdapter(new SalesforceClient(settings, metrics, d -> { }), new SalesforceNames(""));
    ErrorOutbox outbox = new ErrorOutbox(pool);
    ErrorOutboxDrainer drainer = new ErrorOutboxDrainer(vertx, outbox, adapter,
        new Backoff(Duration.ZERO, Duration.ZERO, () -> 0), metrics);
    for (int i = 0; i < 3; i++) {
      await(outbox.add(new SyncError(CannedSalesforce.ORG, null, "Event", "Exchange to Salesforce", null, "AAMk" + i,
          "EWS_ERROR", "failure " + i, "retry", Instant.parse("2026-03-01T10:00:00Z"), null)));
    }
    adapter.organizationId();
    sf.down = true;

    assertThat(await(drainer.drainOnce())).isZero();
    assertThat(await(outbox.depth())).isEqualTo(3);
    assertThat(metrics.render()).contains("exsync_error_outbox_depth 3");

    long refused = sf.count("upsert");
    assertThat(refused).as("one upsert and one retry, both answered 503").isEqualTo(2);

    sf.down = false;
    sf.then("upsert", CannedSalesforce.saveResults("upsert", "a04000000000001AAA", "a04000000000002AAA", "a04000000000003AAA"));
    assertThat(await(drainer.drainOnce())).isEqualTo(3);

    assertThat(await(outbox.depth())).isZero();
    assertThat(sf.count("upsert")).isEqualTo(refused + 1);
    String accepted = sf.all("upsert").get((int) refused).body();
    assertThat(accepted).contains("AAMk0").contains("AAMk1").contains("AAMk2");
    assertThat(await(drainer.drainOnce())).isZero();
    assertThat(sf.count("upsert")).as("nothing written twice").isEqualTo(refused + 1);
  }
}
