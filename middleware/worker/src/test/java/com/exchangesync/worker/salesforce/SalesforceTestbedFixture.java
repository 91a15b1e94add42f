package com.exchangesync.worker.salesforce;

import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Salesforce test bed for one test, loaded with this repository's own
 * {@code force-app} (so adapter and package cannot drift apart), an org with an
 * integration user and three reps, and the worker's adapter logged in to it.
 */
public final class SalesforceTestbedFixture implements AutoCloseable {

  public static final String ORG_ID = "00D5g00000EXSYN";
  public static final String INTEGRATION = "integration@exsync.example.com";
  public static final String PASSWORD = "Int3gration!";
  public static final String ANN = "0055g00000ANNRP";
  public static final String BOB = "0055g00000BOBRP";
  public static final String CY = "0055g00000CYRPX";
  public static final String REP_PROFILE = "00e5g00000REPPR";

  public final Vertx vertx = Vertx.vertx();
  public final SalesforceTestbed bed;
  public final SalesforceSimClient sim;
  final Metrics metrics = new Metrics();
  final String namespace;

  public SalesforceTestbedFixture(String namespace, JsonObject orgExtras) throws Exception {
    this.namespace = namespace;
    SalesforceTestbedOptions options = SalesforceTestbedOptions.defaults().withProjectRoot(projectRoot())
        .withOutboundTimeScale(0.001).withNamespace(namespace);
    bed = SalesforceTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new SalesforceSimClient(bed.baseUrl());
    JsonObject org = new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD))
        .put("users", new JsonArray()
            .add(user(ANN, "ann@corp.example.com", "Ann Rep"))
            .add(user(BOB, "bob@corp.example.com", "Bob Rep"))
            .add(user(CY, "cy@corp.example.com", "Cy Rep")));
    orgExtras.forEach(e -> org.put(e.getKey(), e.getValue()));
    sim.org(org);
  }

  SalesforceTestbedFixture() throws Exception {
    this("", new JsonObject());
  }

  private static JsonObject user(String id, String email, String name) {
    return new JsonObject().put("id", id).put("username", email.replace("@", ".user@")).put("email", email)
        .put("name", name).put("profileId", REP_PROFILE);
  }

  /** The repository root, where {@code force-app} lives. */
  static Path projectRoot() {
    String root = System.getProperty("exsync.project.root");
    return root == null ? Path.of("../..").toAbsolutePath().normalize() : Path.of(root);
  }

  SalesforceSettings settings(String password) {
    return new SalesforceSettings(URI.create(bed.baseUrl()), INTEGRATION, Secret.of(password), namespace, true, 4,
        Duration.ofSeconds(5), Duration.ofSeconds(30), 4, Backoff.of(Duration.ofMillis(10), Duration.ofMillis(50)));
  }

  public SalesforceAdapter adapter() {
    return adapter(PASSWORD);
  }

  SalesforceAdapter adapter(String password) {
    return new SalesforceAdapter(new SalesforceClient(settings(password), metrics), new SalesforceNames(namespace));
  }

  /** A custom name as the org spells it (with the namespace prefix in a managed install). */
  String api(String logical) {
    return new SalesforceNames(namespace).api(logical);
  }

  public long calls(String operation) {
    JsonObject calls = sim.stats().getJsonObject("calls");
    return calls == null ? 0 : calls.getLong(operation, 0L);
  }

  @Override
  public void close() throws Exception {
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
