package com.exchangesync.worker.exchange.graph;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.graph.GraphTestbed;
import com.exchangesync.testbed.graph.GraphTestbedOptions;
import com.exchangesync.testkit.SigningKeyPair;
import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.config.PemCertificate;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.RetryPolicy;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Exchange test bed with the Microsoft Graph test bed over the same
 * mailboxes (Ann, Bob and Eve from {@link ExchangeTestbedFixture}), an app
 * registered for one tenant with a certificate made for the test and both
 * permissions, its scope Ann and Bob; and the Graph connector pointed at it,
 * signing in with that certificate (read as the worker reads
 * {@code EXSYNC_GRAPH_CERTIFICATE_FILE}). Throttling waits are recorded, not slept.
 */
public final class GraphTestbedFixture implements AutoCloseable {

  public static final String TENANT = "7c1f3a52-5e1d-4b0c-9a3e-2d8b6f4a1c90";
  public static final String CLIENT_ID = "0b9c2e71-4d3a-4f6e-8a15-93c7d2e6f801";
  public static final String CLIENT_SECRET = "Sx~8Q~graph.fixture-secret";
  public static final List<String> BOTH = List.of("Contacts.ReadWrite", "Calendars.ReadWrite");

  public final ExchangeTestbedFixture exchange;
  public final ExchangeSimClient sim;
  public final GraphTestbed graph;
  public final AppCertificate certificate;
  public final List<Duration> waits = new ArrayList<>();
  public final GraphStats stats = new GraphStats(new Metrics());
  private final Vertx vertx = Vertx.vertx();
  private final Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<GraphMailboxConnector> connectors = new ArrayList<>();

  private final boolean ownsExchange;

  public GraphTestbedFixture() throws Exception {
    this(new ExchangeTestbedFixture(), true);
  }

  /** Graph over the mailboxes of {@code exchange}, which the caller keeps (and closes). */
  public GraphTestbedFixture(ExchangeTestbedFixture exchange) throws Exception {
    this(exchange, false);
  }

  private GraphTestbedFixture(ExchangeTestbedFixture exchange, boolean ownsExchange) throws Exception {
    this.exchange = exchange;
    this.ownsExchange = ownsExchange;
    sim = exchange.sim;
    graph = GraphTestbed.start(vertx, exchange.bed, GraphTestbedOptions.defaults()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    dir = Files.createTempDirectory("graph-fixture");
    certificate = newCertificate(dir, "Exchange Sync test app");
    registerApp(BOTH, new JsonArray().add(ExchangeTestbedFixture.ANN).add(ExchangeTestbedFixture.BOB));
  }

  /** The app's certificate and key as the worker reads them: one PEM file, certificate then PKCS#8 key. */
  public record AppCertificate(Path file, String pem) {}

  /** A new key and certificate (a day valid), written as {@code EXSYNC_GRAPH_CERTIFICATE_FILE} holds them. */
  public static AppCertificate newCertificate(Path dir, String commonName) throws java.io.IOException {
    SigningKeyPair keys = SigningKeyPair.generate(commonName);
    Path file = dir.resolve(commonName.replaceAll("\\W", "-") + "-" + System.nanoTime() + ".pem");
    Files.writeString(file, keys.certificatePem() + keys.privateKeyPem());
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return new AppCertificate(file, keys.certificatePem());
  }

  /**
   * Replaces the tenant's app registration: permissions with admin consent in Entra ID, limited to {@code mailboxes} by an
   * application access policy ({@code null}: none, every mailbox).
   */
  public void registerApp(List<String> permissions, JsonArray mailboxes) {
    registerApp(permissions, mailboxes, new JsonArray());
  }

  /** Replaces the tenant's app registration, with RBAC for Applications {@code roleAssignments} beside its consent. */
  public void registerApp(List<String> permissions, JsonArray mailboxes, JsonArray roleAssignments) {
    JsonObject app = new JsonObject().put("tenantId", TENANT).put("clientId", CLIENT_ID).put("clientSecret", CLIENT_SECRET)
        .put("certificate", certificate.pem()).put("permissions", new JsonArray(permissions))
        .put("mailboxes", mailboxes == null ? "*" : mailboxes).put("roleAssignments", roleAssignments);
    send("PUT", "/sim/graph-app", app);
  }

  /**
   * Registers the app as Microsoft recommends: no permission consented in Entra ID, and the RBAC for Applications roles
   * Application Contacts.ReadWrite and Application Calendars.ReadWrite with a management scope of {@code mailboxes}.
   */
  public void registerRbacOnly(String... mailboxes) {
    JsonArray scope = new JsonArray(List.of(mailboxes));
    registerApp(List.of(), null, new JsonArray()
        .add(new JsonObject().put("role", "Application Contacts.ReadWrite").put("mailboxes", scope))
        .add(new JsonObject().put("role", "Application Calendars.ReadWrite").put("mailboxes", scope)));
  }

  /** Injects a Graph fault ({@code {"operation", "kind", "count", …}}). */
  public void fault(JsonObject fault) {
    sim.fault(fault.copy().put("protocol", "graph"));
  }

  /** What the Graph test bed counted: {@code calls} by operation, {@code httpRequests}, {@code throttled}, … */
  public JsonObject graphStats() {
    return sim.stats().getJsonObject("graph");
  }

  public long calls(String operation) {
    return graphStats().getJsonObject("calls").getLong(operation, 0L);
  }

  /** The certificate credential, read from its file as the worker reads it. */
  public GraphCredentials.Certificate certificateCredentials() {
    return PemCertificate.read(certificate.file(), Instant.now());
  }

  /** Settings for the bed; tokens are dated by the real clock (the bed checks assertions by it), the delta window by {@code windowClock}. */
  public GraphSettings settings(GraphCredentials credentials, Clock windowClock) {
    return new GraphSettings(TENANT, CLIENT_ID, credentials, URI.create(graph.baseUrl()), URI.create(graph.baseUrl()), true,
        new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), waits::add), Duration.ofSeconds(30), Clock.systemUTC(),
        windowClock);
  }

  public GraphMailboxConnector connector(GraphSettings settings) {
    GraphMailboxConnector c = new GraphMailboxConnector(vertx, settings, stats);
    connectors.add(c);
    return c;
  }

  /** A connector signing in with the certificate, its delta window set by {@code windowClock}. */
  public GraphMailboxConnector connector(Clock windowClock) {
    return connector(settings(certificateCredentials(), windowClock));
  }

  public GraphMailboxConnector connector() {
    return connector(Clock.systemUTC());
  }

  /** A credential of the app's client secret. */
  public static GraphCredentials secret(String value) {
    return new GraphCredentials.ClientSecret(Secret.of(value));
  }

  /** A random id, for apps and tenants that do not exist. */
  public static String randomId() {
    return UUID.randomUUID().toString();
  }

  private void send(String method, String path, JsonObject body) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(exchange.bed.baseUrl() + path))
          .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode())).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    connectors.forEach(GraphMailboxConnector::close);
    graph.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (ownsExchange) {
      exchange.close();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
