package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceHealthCheckTest {

  private Vertx vertx;
  private CannedSalesforce sf;
  private MutableClock clock;

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    sf = new CannedSalesforce();
    clock = new MutableClock();
  }

  @AfterEach
  void stop() throws Exception {
    sf.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private SalesforceHealthCheck check() {
    SalesforceSettings settings = new SalesforceSettings(URI.create(sf.loginUrl()), CannedSalesforce.CREDENTIALS,
        "", true, 2, Duration.ofSeconds(2), Duration.ofSeconds(5), 0,
        new Backoff(Duration.ZERO, Duration.ZERO, () -> 0));
    SalesforceAdapter adapter = new SalesforceAdapter(new SalesforceClient(settings, new Metrics(), d -> { }), new SalesforceNames(""));
    return new SalesforceHealthCheck(vertx, adapter, Duration.ofSeconds(10), clock);
  }

  private static String outcome(Future<Void> f) throws Exception {
    return f.transform(ar -> Future.succeededFuture(ar.succeeded() ? "UP" : ar.cause().getMessage()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void isUpWhileASessionWorks_andCachesTheAnswer() throws Exception {
    SalesforceHealthCheck check = check();

    assertThat(outcome(check.check())).isEqualTo("UP");
    assertThat(outcome(check.check())).isEqualTo("UP");
    assertThat(sf.count("getServerTimestamp")).isEqualTo(1);

    clock.now = clock.now.plusSeconds(11);
    assertThat(outcome(check.check())).isEqualTo("UP");
    assertThat(sf.count("getServerTimestamp")).isEqualTo(2);
  }

  @Test
  void isDownWhenTheSignInIsRefused_withSalesforcesDescriptionAndTheFix_butNoSecret() throws Exception {
    sf.then("token", CannedSalesforce.oauthError("invalid_client", "invalid client credentials"));

    String outcome = outcome(check().check());

    assertThat(outcome).startsWith("no session (invalid_client): Salesforce refused the sign-in by the client credentials flow")
        .contains("invalid_client (invalid client credentials)")
        .contains("Fix: set EXSYNC_SF_CLIENT_SECRET to the app's consumer secret")
        .doesNotContain(CannedSalesforce.CONSUMER_SECRET);
  }

  @Test
  void isDownWhenSalesforceIsUnreachable() throws Exception {
    sf.close();

    assertThat(outcome(check().check())).isEqualTo("no session (IO)");
  }
}
