package com.exchangesync.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.exchangesync.testkit.SigningKeyPair;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's Exchange Online variables: the certificate file or the secret, and Microsoft's URLs or the test bed's. */
class GraphConfigTest {

  private static final SigningKeyPair APP = SigningKeyPair.generate("Exchange Sync");
  private static final SigningKeyPair OTHER = SigningKeyPair.generate("Someone else");

  @TempDir
  Path dir;

  private static Map<String, String> base() {
    Map<String, String> env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", "postgresql://exsync@db.example.com:5432/exsync");
    env.put("EXSYNC_SF_LOGIN_URL", "https://acme.my.salesforce.com");
    env.put("EXSYNC_SF_CLIENT_ID", "3MVG9consumerKey");
    env.put("EXSYNC_SF_CLIENT_SECRET", "C0nsumerS3cret");
    env.put("EXSYNC_OUTBOUND_TOKEN", "0123456789abcdef0123");
    return env;
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void noGraphVariables_isAnOrgOnExchangeServer_withMicrosoftsPublicCloudAsDefaults() {
    WorkerConfig config = WorkerConfigReader.read(base());
    assertThat(config.graphCredentials()).isEmpty();
    assertThat(config.graphLoginUrl()).isEqualTo(URI.create("https://login.microsoftonline.com"));
    assertThat(config.graphUrl()).isEqualTo(URI.create("https://graph.microsoft.com"));
  }

  @Test
  void theCertificateFile_holdsTheCertificateAndItsKey() throws Exception {
    Map<String, String> env = base();
    env.put("EXSYNC_GRAPH_CERTIFICATE_FILE", file("app.pem", APP.certificatePem() + APP.privateKeyPem()).toString());
    GraphCredentials credentials = WorkerConfigReader.read(env).graphCredentials().orElseThrow();
    assertThat(credentials).isInstanceOfSatisfying(GraphCredentials.Certificate.class,
        c -> assertThat(c.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Exchange Sync"));
    assertThat(credentials.toString()).doesNotContain("PRIVATE").doesNotContain(APP.privateKeyPem().substring(40, 80));
  }

  @Test
  void theSecret_isKeptOutOfEveryString() {
    Map<String, String> env = base();
    env.put("EXSYNC_GRAPH_CLIENT_SECRET", "Q8~app.secret.value");
    GraphCredentials credentials = WorkerConfigReader.read(env).graphCredentials().orElseThrow();
    assertThat(credentials.toString()).doesNotContain("Q8~app");
    assertThat(credentials.describe()).doesNotContain("Q8~app");
  }

  @Test
  void aFileWithoutTheCertificate_aKeyThatIsNotTheCertificates_bothCredentials_andPlainHttp_areRefusedAtOnce() throws Exception {
    Map<String, String> env = base();
    env.put("EXSYNC_GRAPH_CERTIFICATE_FILE", file("key-only.pem", APP.privateKeyPem()).toString());
    env.put("EXSYNC_GRAPH_CLIENT_SECRET", "s");
    env.put("EXSYNC_GRAPH_URL", "http://graph.example.com");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> WorkerConfigReader.read(env));
    assertThat(e.getMessage()).contains("EXSYNC_GRAPH_CERTIFICATE_FILE and EXSYNC_GRAPH_CLIENT_SECRET are both set")
        .contains("EXSYNC_GRAPH_URL must use https");

    env.remove("EXSYNC_GRAPH_CLIENT_SECRET");
    env.remove("EXSYNC_GRAPH_URL");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).hasMessageContaining("EXSYNC_GRAPH_CERTIFICATE_FILE holds a private key"
        + " but no certificate");
    env.put("EXSYNC_GRAPH_CERTIFICATE_FILE", file("mixed.pem", OTHER.certificatePem() + APP.privateKeyPem()).toString());
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).hasMessageContaining("does not belong to its certificate (CN=Someone else)");
  }

  @Test
  void anExpiredCertificate_isRefused_saying_when() throws Exception {
    Path pem = file("app.pem", APP.certificatePem() + APP.privateKeyPem());
    assertThatThrownBy(() -> PemCertificate.read(pem, Instant.now().plus(Duration.ofDays(3))))
        .hasMessageContaining("expired on").hasMessageContaining("upload it to the app registration");
  }

  @Test
  void theTestBedsUrls_needTheLoopbackPermission() {
    Map<String, String> env = base();
    env.put("EXSYNC_GRAPH_LOGIN_URL", "http://127.0.0.1:8443");
    env.put("EXSYNC_GRAPH_URL", "http://127.0.0.1:8443/");
    assertThatThrownBy(() -> WorkerConfigReader.read(env)).hasMessageContaining("EXSYNC_ALLOW_INSECURE_LOOPBACK");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    assertThat(WorkerConfigReader.read(env).graphLoginUrl()).isEqualTo(URI.create("http://127.0.0.1:8443"));
  }
}
