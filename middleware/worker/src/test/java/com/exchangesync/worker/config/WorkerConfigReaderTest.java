package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.exchangesync.testkit.SigningKeyPair;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigReaderTest {

  private static final SigningKeyPair KEYS = SigningKeyPair.generate("config test");

  @TempDir
  static Path dir;

  private static Path keyFile() {
    Path file = dir.resolve("exsync-sf.key");
    if (!Files.exists(file)) {
      KEYS.writePrivateKey(file);
    }
    return file;
  }

  /** A valid configuration signing in by the JWT bearer flow. */
  private static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", "postgresql://exsync:s3cret@db.example.com:5432/exsync");
    env.put("EXSYNC_SF_LOGIN_URL", "https://login.salesforce.com");
    env.put("EXSYNC_SF_CLIENT_ID", "3MVG9consumerKey");
    env.put("EXSYNC_SF_USERNAME", "integration@example.com");
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", keyFile().toString());
    env.put("EXSYNC_OUTBOUND_TOKEN", "0123456789abcdef0123");
    return env;
  }

  /** A valid configuration signing in by the client credentials flow at a My Domain. */
  private static Map<String, String> clientCredentials() {
    Map<String, String> env = valid();
    env.remove("EXSYNC_SF_USERNAME");
    env.remove("EXSYNC_SF_PRIVATE_KEY_FILE");
    env.put("EXSYNC_SF_LOGIN_URL", "https://acme.my.salesforce.com");
    env.put("EXSYNC_SF_CLIENT_SECRET", "C0nsumerS3cret");
    return env;
  }

  private static ConfigException refused(Map<String, String> env) {
    return catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
  }

  @Test
  void jwtBearer_whenTheUsernameAndKeyFileAreSet() {
    SalesforceCredentials credentials = WorkerConfigReader.read(valid()).salesforceCredentials();
    assertThat(credentials).isInstanceOfSatisfying(SalesforceCredentials.JwtBearer.class, j -> {
      assertThat(j.clientId()).isEqualTo("3MVG9consumerKey");
      assertThat(j.username()).isEqualTo("integration@example.com");
      assertThat(j.key().getModulus().bitLength()).isEqualTo(2048);
    });
    assertThat(credentials.toString()).doesNotContain("PRIVATE").doesNotContain(KEYS.privateKeyPem().substring(40, 80));
  }

  @Test
  void parallelMailboxes_defaultToEight_takeTheVariable_andRefuseWhatIsOutOfRange() {
    assertThat(WorkerConfigReader.read(valid()).parallelMailboxes()).isEqualTo(WorkerConfig.DEFAULT_PARALLEL_MAILBOXES)
        .isEqualTo(8);
    Map<String, String> six = valid();
    six.put("EXSYNC_PARALLEL_MAILBOXES", "6");
    assertThat(WorkerConfigReader.read(six).parallelMailboxes()).isEqualTo(6);
    Map<String, String> none = valid();
    none.put("EXSYNC_PARALLEL_MAILBOXES", "0");
    assertThat(refused(none).problems()).singleElement()
        .isEqualTo("EXSYNC_PARALLEL_MAILBOXES must be between 1 and 64, not 0");
  }

  @Test
  void clientCredentials_whenTheSecretIsSet_andOnlyAtAMyDomain() {
    SalesforceCredentials credentials = WorkerConfigReader.read(clientCredentials()).salesforceCredentials();
    assertThat(credentials).isInstanceOfSatisfying(SalesforceCredentials.ClientCredentials.class,
        c -> assertThat(c.clientSecret().reveal()).isEqualTo("C0nsumerS3cret"));
    assertThat(credentials.toString()).doesNotContain("C0nsumerS3cret");

    Map<String, String> env = clientCredentials();
    env.put("EXSYNC_SF_LOGIN_URL", "https://login.salesforce.com");
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p)
        .contains("EXSYNC_SF_LOGIN_URL must be the org's My Domain login URL").contains("request not supported on this domain"));
  }

  @Test
  void aWorkerConfiguredTheOldWay_stopsAtOnce_sayingWhatReplacedThePassword() {
    Map<String, String> old = new HashMap<>(valid());
    old.remove("EXSYNC_SF_CLIENT_ID");
    old.remove("EXSYNC_SF_PRIVATE_KEY_FILE");
    old.put("EXSYNC_SF_PASSWORD", "hunter2TOKEN");
    ConfigException e = refused(old);
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("EXSYNC_SF_PASSWORD is no longer read")
        .contains("SOAP login()").contains("OAuth 2.0").contains("EXSYNC_SF_CLIENT_ID").contains("EXSYNC_SF_PRIVATE_KEY_FILE")
        .contains("EXSYNC_SF_CLIENT_SECRET"));
    assertThat(e.getMessage()).doesNotContain("hunter2TOKEN");

    // even beside a complete OAuth configuration, the password stops the start: it must not linger in the environment
    Map<String, String> both = valid();
    both.put("EXSYNC_SF_PASSWORD", "hunter2TOKEN");
    assertThat(refused(both).problems()).singleElement().satisfies(p -> assertThat(p).startsWith("EXSYNC_SF_PASSWORD is no longer read"));
  }

  @Test
  void namesWhatIsMissingForTheOAuthFlows() {
    Map<String, String> none = valid();
    none.remove("EXSYNC_SF_PRIVATE_KEY_FILE");
    none.remove("EXSYNC_SF_USERNAME");
    assertThat(refused(none).problems()).anySatisfy(p -> assertThat(p).startsWith("EXSYNC_SF_PRIVATE_KEY_FILE is not set")
        .contains("EXSYNC_SF_CLIENT_SECRET")).anySatisfy(p -> assertThat(p).startsWith("EXSYNC_SF_USERNAME is not set"));

    Map<String, String> both = valid();
    both.put("EXSYNC_SF_CLIENT_SECRET", "C0nsumerS3cret");
    assertThat(refused(both).problems()).singleElement().satisfies(p -> assertThat(p).contains("not both"));

    Map<String, String> noUser = valid();
    noUser.remove("EXSYNC_SF_USERNAME");
    assertThat(refused(noUser).problems()).singleElement().satisfies(p -> assertThat(p).startsWith("EXSYNC_SF_USERNAME is not set"));
  }

  @Test
  void refusesAKeyFileTheWorkerCannotUse_withTheCommandThatFixesIt() throws Exception {
    Map<String, String> env = valid();
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", dir.resolve("missing.key").toString());
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p).contains("which does not exist"));

    Path pkcs1 = Files.writeString(dir.resolve("pkcs1.key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", pkcs1.toString());
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p).contains("PKCS#1")
        .contains("openssl pkcs8 -topk8 -nocrypt"));

    Path encrypted = Files.writeString(dir.resolve("enc.key"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED"
        + " PRIVATE KEY-----\n");
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", encrypted.toString());
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p).contains("without a passphrase"));

    Path certificate = Files.writeString(dir.resolve("cert.pem"), KEYS.certificatePem());
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", certificate.toString());
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p).contains("holds no PKCS#8 PEM private key"));

    Path garbled = Files.writeString(dir.resolve("garbled.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    env.put("EXSYNC_SF_PRIVATE_KEY_FILE", garbled.toString());
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p).contains("not an RSA key in PKCS#8 form"));
  }

  @Test
  void readsEverySetting_withDefaultsForTheOptionalOnes() {
    WorkerConfig config = WorkerConfigReader.read(valid());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.salesforceNamespace()).isEmpty();
    assertThat(config.ewsUrl()).isEmpty();
    assertThat(config.autodiscoverUrl()).isEmpty();
    assertThat(config.allowInsecureLoopback()).isFalse();
    assertThat(config.outboundToken().matches("0123456789abcdef0123")).isTrue();
  }

  @Test
  void readsTheOptionalSettings_whenGiven() {
    Map<String, String> env = valid();
    env.put("EXSYNC_HTTP_PORT", "0");
    env.put("EXSYNC_SF_NAMESPACE", "exsync");
    env.put("EXSYNC_EWS_URL", "https://mail.example.com/EWS/Exchange.asmx");
    env.put("EXSYNC_AUTODISCOVER_URL", "https://autodiscover.example.com/autodiscover/autodiscover.svc");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "15");
    WorkerConfig config = WorkerConfigReader.read(env);
    assertThat(config.httpPort()).isZero();
    assertThat(config.salesforceNamespace()).isEqualTo("exsync");
    assertThat(config.ewsUrl()).contains(URI.create("https://mail.example.com/EWS/Exchange.asmx"));
    assertThat(config.autodiscoverUrl()).isPresent();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void namesEveryMissingSetting_atOnce() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(Map.of()));
    assertThat(e.problems()).hasSize(6);
    assertThat(e.getMessage()).contains("EXSYNC_DATABASE_URL", "EXSYNC_SF_LOGIN_URL", "EXSYNC_SF_CLIENT_ID", "EXSYNC_SF_USERNAME",
        "EXSYNC_SF_PRIVATE_KEY_FILE", "EXSYNC_OUTBOUND_TOKEN");
  }

  @Test
  void rejectsMalformedValues_withTheFix() {
    Map<String, String> env = valid();
    env.put("EXSYNC_HTTP_PORT", "eighty");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "0");
    env.put("EXSYNC_SF_NAMESPACE", "ex__sync");
    env.put("EXSYNC_OUTBOUND_TOKEN", "short");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "maybe");
    env.put("EXSYNC_DATABASE_URL", "mysql://x");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("EXSYNC_HTTP_PORT must be a whole number"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_POLL_INTERVAL_SECONDS must be between 1"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_SF_NAMESPACE"))
        .anySatisfy(p -> assertThat(p).contains("at least 16 characters"))
        .anySatisfy(p -> assertThat(p).contains("EXSYNC_ALLOW_INSECURE_LOOPBACK must be true or false"))
        .anySatisfy(p -> assertThat(p).contains("must start with postgresql://"));
  }

  @Test
  void neverEchoesASecret_inItsMessages() {
    Map<String, String> env = valid();
    env.put("EXSYNC_OUTBOUND_TOKEN", "tiny");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
    assertThat(e.getMessage()).doesNotContain("tiny");
    WorkerConfig config = WorkerConfigReader.read(valid());
    assertThat(config.toString()).doesNotContain("0123456789abcdef0123").doesNotContain("PRIVATE KEY");
    assertThat(WorkerConfigReader.read(clientCredentials()).toString()).doesNotContain("C0nsumerS3cret");
    assertThat(config.databaseUrlForLogs()).doesNotContain("s3cret").contains("exsync:***@db.example.com");
  }

  @Test
  void refusesPlainHttp_unlessToLoopbackAndAllowed() {
    Map<String, String> env = valid();
    env.put("EXSYNC_EWS_URL", "http://127.0.0.1:9000/EWS/Exchange.asmx");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("EXSYNC_ALLOW_INSECURE_LOOPBACK=true");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    assertThat(WorkerConfigReader.read(env).ewsUrl()).contains(URI.create("http://127.0.0.1:9000/EWS/Exchange.asmx"));
    env.put("EXSYNC_SF_LOGIN_URL", "http://login.example.com");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("EXSYNC_SF_LOGIN_URL must use https");
  }

  /** Writes {@code value} with a trailing newline, as {@code kubectl create secret --from-file} keeps it. */
  private static String secretFile(String name, String value) throws Exception {
    Path file = dir.resolve("secrets").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, value + "\n");
    return file.toString();
  }

  @Test
  void readsEverySecretFromAFile_whenItsFileVariableNamesOne() throws Exception {
    Map<String, String> env = clientCredentials();
    env.remove("EXSYNC_DATABASE_URL");
    env.remove("EXSYNC_OUTBOUND_TOKEN");
    env.remove("EXSYNC_SF_CLIENT_SECRET");
    env.put("EXSYNC_DATABASE_URL_FILE", secretFile("database-url", "postgresql://exsync:fileP4ss@db.example.com:5432/exsync"));
    env.put("EXSYNC_OUTBOUND_TOKEN_FILE", secretFile("outbound-token", "token-from-a-mounted-secret"));
    env.put("EXSYNC_SF_CLIENT_SECRET_FILE", secretFile("sf-client-secret", "SfSecretFromAFile"));
    env.put("EXSYNC_GRAPH_CLIENT_SECRET_FILE", secretFile("graph-client-secret", "GraphSecretFromAFile"));
    WorkerConfig config = WorkerConfigReader.read(env);
    assertThat(config.databaseUrl()).isEqualTo("postgresql://exsync:fileP4ss@db.example.com:5432/exsync");
    assertThat(config.outboundToken().matches("token-from-a-mounted-secret")).isTrue();
    assertThat(config.salesforceCredentials()).isInstanceOfSatisfying(SalesforceCredentials.ClientCredentials.class,
        c -> assertThat(c.clientSecret().reveal()).isEqualTo("SfSecretFromAFile"));
    assertThat(config.graphCredentials()).get().isInstanceOfSatisfying(GraphCredentials.ClientSecret.class,
        g -> assertThat(g.secret().reveal()).isEqualTo("GraphSecretFromAFile"));
    assertThat(config.toString()).doesNotContain("token-from-a-mounted-secret", "SfSecretFromAFile", "GraphSecretFromAFile");
  }

  @Test
  void aSecretSetBothWays_orInAFileThatCannotBeRead_isRefused_withEveryOtherProblem() throws Exception {
    Map<String, String> env = clientCredentials();
    env.put("EXSYNC_OUTBOUND_TOKEN_FILE", secretFile("token", "another-token-in-a-file"));
    env.put("EXSYNC_SF_CLIENT_SECRET", "C0nsumerS3cret");
    env.put("EXSYNC_SF_CLIENT_SECRET_FILE", secretFile("sf", "C0nsumerS3cretInAFile"));
    env.remove("EXSYNC_DATABASE_URL");
    env.put("EXSYNC_DATABASE_URL_FILE", dir.resolve("secrets/no-such-file").toString());
    env.put("EXSYNC_GRAPH_CLIENT_SECRET_FILE", secretFile("graph", ""));
    ConfigException e = refused(env);
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "EXSYNC_OUTBOUND_TOKEN and EXSYNC_OUTBOUND_TOKEN_FILE are both set: set EXSYNC_OUTBOUND_TOKEN_FILE (the path of a"
            + " file holding the value, such as a mounted Kubernetes Secret) or EXSYNC_OUTBOUND_TOKEN, not both",
        "EXSYNC_SF_CLIENT_SECRET and EXSYNC_SF_CLIENT_SECRET_FILE are both set: set EXSYNC_SF_CLIENT_SECRET_FILE (the path"
            + " of a file holding the value, such as a mounted Kubernetes Secret) or EXSYNC_SF_CLIENT_SECRET, not both",
        "EXSYNC_DATABASE_URL_FILE names " + dir.resolve("secrets/no-such-file") + ", which cannot be read (no such file):"
            + " mount the file there readable by the worker's user, or set EXSYNC_DATABASE_URL instead",
        "EXSYNC_GRAPH_CLIENT_SECRET_FILE names " + dir.resolve("secrets/graph") + ", which is empty: it must hold the value"
            + " of EXSYNC_GRAPH_CLIENT_SECRET");
    assertThat(e.getMessage()).doesNotContain("another-token-in-a-file", "C0nsumerS3cret", "0123456789abcdef0123");
  }

  @Test
  void aMissingSecret_namesBothWaysToGiveIt() {
    Map<String, String> env = valid();
    env.remove("EXSYNC_OUTBOUND_TOKEN");
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p)
        .startsWith("EXSYNC_OUTBOUND_TOKEN is not set").endsWith("(or set EXSYNC_OUTBOUND_TOKEN_FILE to a file holding it)"));
  }

  @Test
  void theRetiredPassword_inAFile_stopsTheStartToo() throws Exception {
    Map<String, String> env = valid();
    env.put("EXSYNC_SF_PASSWORD_FILE", secretFile("sf-password", "old-password"));
    assertThat(refused(env).problems()).singleElement().satisfies(p -> assertThat(p)
        .startsWith("EXSYNC_SF_PASSWORD_FILE is no longer read").doesNotContain("old-password"));
  }

  @Test
  void push_isOnByDefault_andPollsHalfAnHourWhileHealthy_andTheShortIntervalOtherwise() {
    WorkerConfig config = WorkerConfigReader.read(valid());
    assertThat(config.push().enabled()).isTrue();
    assertThat(config.pollInterval(true)).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(config.pollInterval(false)).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(config.push().publicUrl()).isEmpty();
  }

  @Test
  void push_canBeTurnedOff_andItsIntervalAndPublicUrlSet() {
    Map<String, String> env = valid();
    env.put("EXSYNC_PUSH_POLL_INTERVAL_SECONDS", "1800");
    env.put("EXSYNC_PUBLIC_URL", "https://exsync.example.com");
    WorkerConfig on = WorkerConfigReader.read(env);
    assertThat(on.pollInterval(true)).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(on.push().publicUrl()).hasValue(java.net.URI.create("https://exsync.example.com"));
    env.put("EXSYNC_PUSH", "false");
    assertThat(WorkerConfigReader.read(env).pollInterval(true)).as("no push: the short poll always")
        .isEqualTo(java.time.Duration.ofSeconds(60));
  }

  @Test
  void push_refusesAPlainHttpPublicUrl_andAnUnreadableSwitch() {
    Map<String, String> env = valid();
    env.put("EXSYNC_PUBLIC_URL", "http://exsync.example.com");
    env.put("EXSYNC_PUSH", "sometimes");
    assertThat(refused(env).getMessage()).contains("EXSYNC_PUBLIC_URL").contains("EXSYNC_PUSH must be true or false");
  }
}
