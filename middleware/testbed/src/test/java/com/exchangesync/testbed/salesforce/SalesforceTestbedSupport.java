package com.exchangesync.testbed.salesforce;

import com.exchangesync.testkit.SigningKeyPair;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a Salesforce test bed for each test on a hand-moved clock, with the
 * fixture package and Outbound Message waits scaled down a thousandfold, and
 * sets up an org: an integration user and two reps, and an External Client App
 * ({@link #CLIENT_ID}) with a throwaway certificate that pre-authorizes the
 * integration user. {@link #connect()} signs in as the middleware does: a JWT
 * bearer token from {@code /services/oauth2/token}, used as the session of a
 * force-wsc connection to the token's {@code instance_url}.
 */
abstract class SalesforceTestbedSupport {

  static final String ORG_ID = "00D5g00000TESTA";
  static final String INTEGRATION = "integration@exsync.example.com";
  static final String PASSWORD = "Int3gration!";
  static final String ANN_ID = "0055g00000ANNRP";
  static final String BOB_ID = "0055g00000BOBRP";
  static final String CLIENT_ID = "3MVG9TestBedConsumerKey.exsync";
  /** One key pair for the whole run: making RSA keys is slow, and each test bed trusts it afresh. */
  static final SigningKeyPair KEYS = SigningKeyPair.generate("Exchange Sync test-bed tests");

  @TempDir
  Path projectRoot;

  Vertx vertx;
  SalesforceTestbed bed;
  SalesforceSimClient sim;
  final SalesforceTestClock clock = new SalesforceTestClock();
  private final HttpClient http = HttpClient.newHttpClient();

  /** The namespace prefix the test bed runs with; empty by default. */
  String namespace() {
    return "";
  }

  /** Adds to the package the test bed loads (written under {@code root/force-app}); nothing by default. */
  void addToPackage(Path root) throws IOException {}

  @BeforeEach
  void startTestbed() throws Exception {
    vertx = Vertx.vertx();
    SalesforcePackageFixture.write(projectRoot);
    addToPackage(projectRoot);
    SalesforceTestbedOptions options = SalesforceTestbedOptions.defaults()
        .withProjectRoot(projectRoot).withClock(clock).withOutboundTimeScale(0.001)
        .withNamespace(namespace());
    bed = SalesforceTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new SalesforceSimClient(bed.baseUrl());
    sim.org(new JsonObject().put("orgId", ORG_ID).put("name", "Acme")
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD).put("name", "Integration User"))
        .put("users", new JsonArray()
            .add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com").put("email", "ann@corp.example.com")
                .put("name", "Ann Rep"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com").put("email", "bob@corp.example.com")
                .put("name", "Bob Rep"))));
    sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
        .put("preApproved", new JsonArray().add(INTEGRATION))));
  }

  @AfterEach
  void stopTestbed() throws Exception {
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A connection signed in as the integration user, as the middleware makes it. */
  PartnerConnection connect() throws ConnectionException {
    return connect(INTEGRATION);
  }

  /** A connection signed in as {@code username} through the JWT bearer flow. */
  PartnerConnection connect(String username) throws ConnectionException {
    HttpResponse<String> answer = token(Map.of("grant_type", OAuthTokenEndpoint.JWT_BEARER,
        "assertion", assertion(KEYS.privateKey(), CLIENT_ID, username, bed.baseUrl(), Duration.ofMinutes(3))));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("no token for " + username + ": " + answer.body());
    }
    return withToken(new JsonObject(answer.body()));
  }

  /** A force-wsc connection using a token answer's access token at its {@code instance_url}. */
  static PartnerConnection withToken(JsonObject token) throws ConnectionException {
    ConnectorConfig config = new ConnectorConfig();
    config.setServiceEndpoint(token.getString("instance_url") + "/services/Soap/u/" + SalesforceTestbed.DEFAULT_VERSION);
    config.setSessionId(token.getString("access_token"));
    return Connector.newConnection(config);
  }

  /** An RS256 assertion with the given claims, expiring {@code validFor} after the test bed's clock. */
  String assertion(PrivateKey key, String issuer, String subject, String audience, Duration validFor) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
        .expirationTime(Date.from(clock.instant().plus(validFor))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** POSTs {@code form} to the token endpoint of the login URL. */
  HttpResponse<String> token(Map<String, String> form) {
    return token(form, Map.of());
  }

  HttpResponse<String> token(Map<String, String> form, Map<String, String> headers) {
    String body = new LinkedHashMap<>(form).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bed.baseUrl() + "/services/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
