package com.exchangesync.worker.salesforce;

import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import com.exchangesync.testkit.SigningKeyPair;
import com.exchangesync.worker.config.PemPrivateKey;
import com.exchangesync.worker.config.SalesforceCredentials;
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
 * integration user and three reps, the External Client App the worker signs in
 * through (a throwaway certificate for the JWT bearer flow, the integration
 * user pre-authorized; a consumer secret and the integration user as "Run As"
 * for the client credentials flow), and the worker's adapter signed in to it.
 */
public final class SalesforceTestbedFixture implements AutoCloseable {

  public static final String ORG_ID = "00D5g00000EXSYN";
  public static final String INTEGRATION = "integration@exsync.example.com";
  public static final String CLIENT_ID = "3MVG9ExchangeSyncTestApp.consumerKey";
  public static final String CLIENT_SECRET = "TestConsumerSecret0123456789";
  /** One key pair for the whole run (RSA keys are slow to make); each test bed trusts its certificate afresh. */
  public static final SigningKeyPair KEYS = SigningKeyPair.generate("Exchange Sync worker tests");
  private static final Path KEY_FILE = writeKeyFile();
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
    this(namespace, orgExtras, projectRoot());
  }

  /** As above, with the package read from {@code root}/force-app instead (an older version of it, say). */
  public SalesforceTestbedFixture(String namespace, JsonObject orgExtras, Path root) throws Exception {
    this.namespace = namespace;
    SalesforceTestbedOptions options = SalesforceTestbedOptions.defaults().withProjectRoot(root)
        .withOutboundTimeScale(0.001).withNamespace(namespace);
    bed = SalesforceTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new SalesforceSimClient(bed.baseUrl());
    JsonObject org = new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION))
        .put("users", new JsonArray()
            .add(user(ANN, "ann@corp.example.com", "Ann Rep"))
            .add(user(BOB, "bob@corp.example.com", "Bob Rep"))
            .add(user(CY, "cy@corp.example.com", "Cy Rep")));
    orgExtras.forEach(e -> org.put(e.getKey(), e.getValue()));
    sim.org(org);
    sim.oauthApps(new JsonArray().add(app()));
  }

  /** The External Client App as {@code PUT /sim/oauth/apps} takes it: both flows, the integration user pre-authorized. */
  public static JsonObject app() {
    return new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
        .put("clientSecret", CLIENT_SECRET).put("runAs", INTEGRATION).put("preApproved", new JsonArray().add(INTEGRATION));
  }

  /** The PKCS#8 PEM key file {@code EXSYNC_SF_PRIVATE_KEY_FILE} names. */
  public static Path keyFile() {
    return KEY_FILE;
  }

  /** The JWT bearer flow's credentials for {@code username}, as the configuration reader makes them. */
  public static SalesforceCredentials jwtBearer(String username) {
    return new SalesforceCredentials.JwtBearer(CLIENT_ID, username, KEY_FILE, PemPrivateKey.read(KEY_FILE));
  }

  /** The environment a worker signing in to {@code bed} by the JWT bearer flow needs (besides the database and token). */
  public static java.util.Map<String, String> jwtEnvironment(String loginUrl) {
    return java.util.Map.of("EXSYNC_SF_LOGIN_URL", loginUrl, "EXSYNC_SF_CLIENT_ID", CLIENT_ID,
        "EXSYNC_SF_USERNAME", INTEGRATION, "EXSYNC_SF_PRIVATE_KEY_FILE", KEY_FILE.toString());
  }

  private static Path writeKeyFile() {
    try {
      Path file = java.nio.file.Files.createTempFile("exsync-test-sf-", ".key");
      file.toFile().deleteOnExit();
      return KEYS.writePrivateKey(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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

  SalesforceSettings settings(SalesforceCredentials credentials) {
    return new SalesforceSettings(URI.create(bed.baseUrl()), credentials, namespace, true, 4,
        Duration.ofSeconds(5), Duration.ofSeconds(30), 4, Backoff.of(Duration.ofMillis(10), Duration.ofMillis(50)));
  }

  /** The worker's adapter, signing in by the JWT bearer flow as the integration user. */
  public SalesforceAdapter adapter() {
    return adapter(jwtBearer(INTEGRATION));
  }

  SalesforceAdapter adapter(SalesforceCredentials credentials) {
    return new SalesforceAdapter(new SalesforceClient(settings(credentials), metrics), new SalesforceNames(namespace));
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
