package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.exchange.EwsSchemaValidator;
import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.RetryPolicy;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An Exchange test bed for one test, schema checks on (where the schema is
 * present), seeded with a service account that may impersonate two reps, and
 * the adapter pointed at it. {@link #close()} fails the test if any EWS response
 * broke the schema.
 */
public final class ExchangeTestbedFixture implements AutoCloseable {

  public static final String SERVICE = "svc@corp.example.com";
  public static final String PASSWORD = "S3rvice!pass";
  public static final String ANN = "ann@corp.example.com";
  public static final String BOB = "bob@corp.example.com";
  public static final String OUTSIDER = "eve@corp.example.com";

  private static final Optional<EwsSchemaValidator> SCHEMA = EwsSchemaValidator.configuredDirectory().map(EwsSchemaValidator::load);

  final Vertx vertx = Vertx.vertx();
  public final ExchangeTestbed bed;
  public final ExchangeSimClient sim;
  final List<Duration> waits = new ArrayList<>();
  final Metrics metrics = new Metrics();
  public final ExchangeStats stats = new ExchangeStats(metrics);

  public ExchangeTestbedFixture() throws Exception {
    if (SCHEMA.isEmpty()) {
      System.out.println("NOTICE: no EWS schema directory (../shared/ews-schema or EXSYNC_EWS_SCHEMA_DIR); schema checks skipped.");
    }
    ExchangeTestbedOptions options = ExchangeTestbedOptions.defaults();
    if (SCHEMA.isPresent()) {
      options = options.withSchema(SCHEMA.get());
    }
    bed = ExchangeTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new ExchangeSimClient(bed.baseUrl());
    sim.serviceAccount(SERVICE, PASSWORD, List.of(ANN, BOB));
    sim.mailbox(ANN, "Ann Rep");
    sim.mailbox(BOB, "Bob Rep");
    sim.mailbox(OUTSIDER, "Eve Outsider");
  }

  /** Waits are recorded, not slept, so throttling tests run at once. */
  RetryPolicy recordingRetry(int attempts) {
    return new RetryPolicy(attempts, Duration.ofMillis(500), Duration.ofSeconds(30), waits::add);
  }

  /** Settings with the fixed EWS URL of the bed. */
  EwsSettings fixedUrl(String username, String password) {
    return new EwsSettings(new ServiceAccount(username, Secret.of(password)), Optional.of(URI.create(bed.ewsUrl())),
        Optional.empty(), true, recordingRetry(4), Duration.ofSeconds(30));
  }

  /** Settings that find the EWS URL through the bed's Autodiscover. */
  EwsSettings autodiscover() {
    return new EwsSettings(new ServiceAccount(SERVICE, Secret.of(PASSWORD)), Optional.empty(),
        Optional.of(URI.create(bed.autodiscoverUrl())), true, recordingRetry(4), Duration.ofSeconds(30));
  }

  EwsMailboxConnector connector(EwsSettings settings) {
    return new EwsMailboxConnector(settings, stats, Clock.systemUTC());
  }

  public EwsMailboxConnector connector() {
    return connector(fixedUrl(SERVICE, PASSWORD));
  }

  public long authChallenges() {
    return sim.stats().getLong("authChallenges");
  }

  @Override
  public void close() throws Exception {
    List<String> violations = bed.schemaViolations();
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(violations).as("EWS responses that broke the schema").isEmpty();
  }
}
