package com.exchangesync.worker.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.RecordError;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.WriteResult;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox against a scripted Salesforce; {@code SalesforceErrorOutboxIT} runs it against the test bed. */
@ExtendWith(PostgresExtension.class)
class ErrorOutboxIT {

  static final String ORG = "00D000000000001EAA";

  private Vertx vertx;
  private Pool pool;
  private ErrorOutbox outbox;
  private Metrics metrics;
  private final ScriptedSalesforce salesforce = new ScriptedSalesforce();

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Accepts everything unless told to be unreachable or to refuse certain codes; remembers what it accepted. */
  static final class ScriptedSalesforce implements ErrorSender {
    volatile boolean reachable = true;
    volatile String refuseCode;
    final List<SyncError> accepted = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String organizationId() throws SalesforceException {
      if (!reachable) {
        throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "IO", "connection refused", null);
      }
      return ORG;
    }

    @Override
    public List<WriteResult> insertErrors(List<SyncError> errors) throws SalesforceException {
      organizationId();
      batchSizes.add(errors.size());
      List<WriteResult> results = new ArrayList<>();
      for (SyncError e : errors) {
        if (e.code().equals(refuseCode)) {
          results.add(WriteResult.failed(List.of(RecordError.of("STRING_TOO_LONG", "too long"))));
        } else {
          accepted.add(e);
          results.add(WriteResult.ok("a05" + String.format("%015d", accepted.size()), true));
        }
      }
      return results;
    }
  }

  static SyncError error(int i, String code) {
    return new SyncError(ORG, "005000000000001AAA", "Contact", "Exchange to Salesforce", null, "AAMk" + i, code,
        "failure number " + i, "fix it", Instant.parse("2026-01-02T03:04:05Z"), null);
  }

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    pool = db.pool(vertx, 4);
    await(Migrations.worker().migrate(pool));
    await(pool.query("TRUNCATE error_outbox").execute());
    outbox = new ErrorOutbox(pool);
    metrics = new Metrics();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private ErrorOutboxDrainer drainer() {
    return new ErrorOutboxDrainer(vertx, outbox, salesforce, new Backoff(Duration.ZERO, Duration.ZERO, () -> 0), metrics);
  }

  private long depth() throws Exception {
    return await(outbox.depth());
  }

  @Test
  void errorsStayWhileSalesforceIsUnreachable_andLeaveOnceEachWhenItIsBack() throws Exception {
    for (int i = 0; i < 450; i++) {
      await(outbox.add(error(i, "EWS_ERROR")));
    }
    salesforce.reachable = false;
    ErrorOutboxDrainer drainer = drainer();

    assertThat(await(drainer.drainOnce())).isZero();
    assertThat(await(drainer.drainOnce())).isZero();
    assertThat(depth()).isEqualTo(450);
    assertThat(salesforce.accepted).isEmpty();

    salesforce.reachable = true;
    assertThat(await(drainer.drainOnce())).isEqualTo(450);

    assertThat(depth()).isZero();
    assertThat(salesforce.accepted).hasSize(450);
    assertThat(salesforce.accepted.stream().map(SyncError::exchangeItemId).distinct().count()).as("each once").isEqualTo(450);
    assertThat(salesforce.batchSizes).containsExactly(200, 200, 50);
    assertThat(await(drainer.drainOnce())).isZero();
    assertThat(salesforce.accepted).hasSize(450);
    assertThat(metrics.render()).contains("exsync_error_outbox_sent_total 450").contains("exsync_error_outbox_depth 0");
  }

  @Test
  void aRecordSalesforceRefusesStaysWithBackoff_whileTheOthersLeave() throws Exception {
    await(outbox.add(error(1, "EWS_ERROR")));
    await(outbox.add(error(2, "BAD")));
    await(outbox.add(error(3, "EWS_ERROR")));
    salesforce.refuseCode = "BAD";
    ErrorOutboxDrainer drainer = new ErrorOutboxDrainer(vertx, outbox, salesforce,
        new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), () -> 0.5), metrics);

    assertThat(await(drainer.drainOnce())).isEqualTo(2);

    assertThat(depth()).isEqualTo(1);
    var row = await(pool.query("SELECT error_code, attempts, last_error, leased_until,"
        + " next_attempt_at > now() + interval '40 seconds' AS later FROM error_outbox").execute()).iterator().next();
    assertThat(row.getString("error_code")).isEqualTo("BAD");
    assertThat(row.getInteger("attempts")).isEqualTo(1);
    assertThat(row.getString("last_error")).contains("STRING_TOO_LONG");
    assertThat(row.getValue("leased_until")).isNull();
    assertThat(row.getBoolean("later")).isTrue();
    assertThat(await(drainer.drainOnce())).as("not due again yet").isZero();
    assertThat(metrics.render()).contains("exsync_error_outbox_retries_total{code=\"STRING_TOO_LONG\"} 1");
  }

  @Test
  void anErrorAddedInARolledBackTransactionIsNotSent() throws Exception {
    await(pool.withTransaction(tx -> outbox.add(tx, error(1, "EWS_ERROR"))
        .compose(v -> Future.failedFuture("the caller's work failed"))).recover(e -> Future.succeededFuture()));

    assertThat(depth()).isZero();
  }

  @Test
  void twoDrainersAtOnceSendEachErrorOnce() throws Exception {
    for (int i : IntStream.range(0, 300).toArray()) {
      await(outbox.add(error(i, "EWS_ERROR")));
    }

    Future<Integer> a = drainer().drainOnce();
    Future<Integer> b = drainer().drainOnce();

    assertThat(await(a) + await(b)).isEqualTo(300);
    assertThat(salesforce.accepted).hasSize(300);
    assertThat(depth()).isZero();
  }
}
