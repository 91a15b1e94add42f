package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testkit.SigningKeyPair;
import com.exchangesync.worker.config.PemPrivateKey;
import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.Secret;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker signs in to the Salesforce test bed as it signs in to an org:
 * OAuth 2.0 by either flow, never SOAP {@code login()}; every refusal reaches
 * the admin with Salesforce's description and the fix; an expired token is
 * replaced once.
 */
class SalesforceSignInIT {

  private SalesforceTestbedFixture sf;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    sf.close();
  }

  private static SalesforceCredentials clientCredentials(String secret) {
    return new SalesforceCredentials.ClientCredentials(SalesforceTestbedFixture.CLIENT_ID, Secret.of(secret));
  }

  private String integrationUserId() {
    return sf.sim.org().getString("integrationUserId");
  }

  /** What {@code /health/ready} would show for {@code adapter}. */
  private String readiness(SalesforceAdapter adapter) throws Exception {
    return new SalesforceHealthCheck(sf.vertx, adapter, Duration.ZERO, Clock.systemUTC()).check()
        .transform(ar -> io.vertx.core.Future.succeededFuture(ar.succeeded() ? "UP" : ar.cause().getMessage()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void jwtBearer_signsIn_andTheTokenIsTheSessionAtTheInstance() throws Exception {
    SalesforceAdapter adapter = sf.adapter(SalesforceTestbedFixture.jwtBearer(SalesforceTestbedFixture.INTEGRATION));

    assertThat(adapter.organizationId()).isEqualTo(SalesforceId.require(SalesforceTestbedFixture.ORG_ID));
    SalesforceSession session = adapter.client().currentSession();
    assertThat(session.userId()).isEqualTo(integrationUserId());
    assertThat(session.serviceEndpoint()).isEqualTo(sf.bed.soapEndpoint()).doesNotStartWith(sf.bed.baseUrl());
    assertThat(session.toString()).doesNotContain(session.sessionId());
    assertThat(readiness(adapter)).isEqualTo("UP");
    assertThat(sf.sim.stats().getLong("tokenRequests")).isEqualTo(1);
    assertThat(sf.calls("login")).as("never SOAP login()").isZero();
  }

  @Test
  void clientCredentials_signsInAsTheAppsRunAsUser() throws Exception {
    SalesforceAdapter adapter = sf.adapter(clientCredentials(SalesforceTestbedFixture.CLIENT_SECRET));

    assertThat(adapter.serverTime()).isNotNull();
    assertThat(adapter.client().currentSession().userId()).isEqualTo(integrationUserId());
    assertThat(sf.calls("login")).isZero();
  }

  @Test
  void eachRefusal_reachesTheAdmin_withSalesforcesDescriptionAndTheFix() throws Exception {
    SigningKeyPair stranger = SigningKeyPair.generate("not the uploaded certificate");
    Path strangerKey = stranger.writePrivateKey(dir.resolve("stranger.key"));
    String repUsername = "ann.user@corp.example.com";
    record Case(SalesforceCredentials credentials, String error, String description, String fix) {}
    Case[] cases = {
        new Case(new SalesforceCredentials.JwtBearer("3MVG9NotThisOrgsApp", SalesforceTestbedFixture.INTEGRATION,
            SalesforceTestbedFixture.keyFile(), PemPrivateKey.read(SalesforceTestbedFixture.keyFile())),
            "invalid_client_id", "client identifier invalid", "set EXSYNC_SF_CLIENT_ID to the consumer key"),
        new Case(new SalesforceCredentials.JwtBearer(SalesforceTestbedFixture.CLIENT_ID, SalesforceTestbedFixture.INTEGRATION,
            strangerKey, PemPrivateKey.read(strangerKey)),
            "invalid_grant", "invalid assertion", "upload the certificate that belongs to the key in EXSYNC_SF_PRIVATE_KEY_FILE"),
        new Case(SalesforceTestbedFixture.jwtBearer(repUsername),
            "invalid_grant", "user hasn't approved this consumer", "pre-authorize the integration user in the app's policies"),
        new Case(SalesforceTestbedFixture.jwtBearer("nobody@corp.example.com"),
            "invalid_grant", "user hasn't approved this consumer", "is that user's exact username"),
        new Case(clientCredentials("not the secret"),
            "invalid_client", "invalid client credentials", "set EXSYNC_SF_CLIENT_SECRET to the app's consumer secret"),
    };
    for (Case c : cases) {
      SalesforceAdapter adapter = sf.adapter(c.credentials());
      assertThatThrownBy(adapter::organizationId).as(c.description()).isInstanceOfSatisfying(SalesforceException.class, e -> {
        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.LOGIN);
        assertThat(e.code()).isEqualTo(c.error());
        assertThat(e.getMessage()).contains(c.error() + " (" + c.description() + ")").contains("Fix: ").contains(c.fix())
            .doesNotContain(SalesforceTestbedFixture.CLIENT_SECRET).doesNotContain("PRIVATE KEY");
      });
      assertThat(readiness(adapter)).as("/health/ready").startsWith("no session (" + c.error() + "): ")
          .contains(c.description()).contains(c.fix());
    }

    // an app without a Run As user
    JsonObject noRunAs = SalesforceTestbedFixture.app();
    noRunAs.remove("runAs");
    sf.sim.oauthApps(new JsonArray().add(noRunAs));
    assertThatThrownBy(sf.adapter(clientCredentials(SalesforceTestbedFixture.CLIENT_SECRET))::organizationId)
        .isInstanceOfSatisfying(SalesforceException.class, e -> assertThat(e.getMessage())
            .contains("invalid_grant (no client credentials user enabled)").contains("set Run As to the integration user"));
    assertThat(sf.calls("login")).isZero();
  }

  @Test
  void anExpiredToken_isReplacedOnce_andAFreshOneRefusedAtOnceFailsWithTheCause() throws Exception {
    SalesforceAdapter adapter = sf.adapter();
    adapter.organizationId();
    sf.sim.fault(new JsonObject().put("operation", "getServerTimestamp").put("kind", "INVALID_SESSION_ID"));

    assertThat(adapter.serverTime()).isNotNull();
    assertThat(sf.sim.stats().getLong("tokenRequests")).isEqualTo(2);

    sf.sim.fault(new JsonObject().put("operation", "getServerTimestamp").put("kind", "INVALID_SESSION_ID").put("count", 2));
    assertThatThrownBy(adapter::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
      assertThat(e.code()).isEqualTo("INVALID_SESSION_ID");
      assertThat(e.getMessage()).contains("refused the session of a fresh sign-in too").contains("Fix: ");
    });
    assertThat(sf.sim.stats().getLong("tokenRequests")).as("one fresh token, not a loop").isEqualTo(3);
  }

  @Test
  void forceWscSoapLoginAt65_getsTheRealFault() {
    ConnectorConfig config = new ConnectorConfig();
    config.setUsername(SalesforceTestbedFixture.INTEGRATION);
    config.setPassword("any password");
    config.setAuthEndpoint(sf.bed.authEndpoint());
    assertThatThrownBy(() -> Connector.newConnection(config)).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_OPERATION);
      assertThat(f.getExceptionMessage()).isEqualTo("The SOAP Login operation is not available in the API version specified (65.0)");
    });
  }
}
