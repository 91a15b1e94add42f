package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.exchange.EwsSchemaValidator;
import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts an Exchange test bed (schema checks on when the schema is present)
 * and a Graph test bed over its mailboxes for each test, on a clock the test
 * can move; seeds three mailboxes and an app registration (a client secret and
 * a certificate, both permissions, Ann and Bob in scope, Eve not), and talks to
 * them over plain HTTP with Vert.x's WebClient.
 */
abstract class GraphTestbedSupport {

  static final String TENANT = "8f0e4c1a-3b7d-4c55-9a43-2f1d6e0b7c11";
  static final String CLIENT = "3c6b9b5e-7a1f-4d2e-8c0d-5e4f3a2b1c0d";
  static final String SECRET = "Zq8~graph.test-bed_secret";
  static final String ANN = "ann@corp.example.com";
  static final String BOB = "bob@corp.example.com";
  static final String EVE = "eve@corp.example.com";
  static final String PROPERTY_SET = "c11ff724-aa03-4555-9952-8fa248a11c3e";
  static final String SF_ID = "String {" + PROPERTY_SET + "} Name SalesforceId";
  static final TestCertificate CERTIFICATE = TestCertificate.generate("exsync-graph-test");

  final MutableClock clock = new MutableClock(Instant.now());
  Vertx vertx;
  ExchangeTestbed exchange;
  GraphTestbed graph;
  ExchangeSimClient sim;
  WebClient web;
  String token;

  @BeforeEach
  void startTestbeds() throws Exception {
    vertx = Vertx.vertx();
    ExchangeTestbedOptions options = ExchangeTestbedOptions.defaults();
    var schema = EwsSchemaValidator.configuredDirectory();
    if (schema.isPresent()) {
      options = options.withSchema(EwsSchemaValidator.load(schema.get()));
    }
    exchange = await(ExchangeTestbed.start(vertx, options));
    graph = await(GraphTestbed.start(vertx, exchange, options(GraphTestbedOptions.defaults().withClock(clock))));
    web = WebClient.create(vertx);
    sim = new ExchangeSimClient(exchange.baseUrl());
    sim.mailbox(ANN, "Ann Rep");
    sim.mailbox(BOB, "Bob Rep");
    sim.mailbox(EVE, "Eve Outsider");
    registerApp(List.of("Contacts.ReadWrite", "Calendars.ReadWrite"), new JsonArray().add(ANN).add(BOB));
    token = secretToken();
  }

  /** The options a test class starts its Graph test beds with (the defaults on the test's clock unless it says otherwise). */
  GraphTestbedOptions options(GraphTestbedOptions defaults) {
    return defaults;
  }

  @AfterEach
  void stopTestbeds() throws Exception {
    List<String> violations = exchange.schemaViolations();
    web.close();
    await(graph.close());
    await(exchange.close());
    await(vertx.close());
    assertThat(violations).as("EWS responses that broke the schema").isEmpty();
  }

  static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  void registerApp(List<String> permissions, Object mailboxes) throws Exception {
    registerApp(permissions, mailboxes, new JsonArray());
  }

  /** The app with Entra-consented {@code permissions} (limited to {@code mailboxes}) and RBAC for Applications {@code roleAssignments}. */
  void registerApp(List<String> permissions, Object mailboxes, JsonArray roleAssignments) throws Exception {
    HttpResponse<Buffer> r = putApp(new JsonObject().put("tenantId", TENANT).put("clientId", CLIENT).put("clientSecret", SECRET)
        .put("certificate", CERTIFICATE.pem()).put("permissions", new JsonArray(permissions)).put("mailboxes", mailboxes)
        .put("roleAssignments", roleAssignments));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
  }

  HttpResponse<Buffer> putApp(JsonObject app) throws Exception {
    return await(web.putAbs(exchange.baseUrl() + "/sim/graph-app").sendJsonObject(app));
  }

  // --- the token endpoint ------------------------------------------------------------------------

  HttpResponse<Buffer> tokenRequest(String tenant, Map<String, String> form) throws Exception {
    MultiMap body = MultiMap.caseInsensitiveMultiMap();
    form.forEach(body::add);
    return await(web.postAbs(graph.tokenUrl(tenant)).sendForm(body));
  }

  String secretToken() throws Exception {
    HttpResponse<Buffer> r = tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT,
        "client_secret", SECRET, "scope", "https://graph.microsoft.com/.default"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getString("access_token");
  }

  /** A client assertion as MSAL makes one: RS256, x5t of the certificate, iss = sub = client, aud = the token URL. */
  String assertion(TestCertificate cert, Map<String, Object> headerOverrides, JWTClaimsSet.Builder claims) throws Exception {
    JsonObject header = new JsonObject().put("alg", "RS256").put("typ", "JWT").put("x5t", cert.x5t());
    headerOverrides.forEach((k, v) -> {
      if (v == null) {
        header.remove(k);
      } else {
        header.put(k, v);
      }
    });
    SignedJWT jwt = new SignedJWT(JWSHeader.parse(header.getMap()), claims.build());
    jwt.sign(new RSASSASigner(cert.key()));
    return jwt.serialize();
  }

  JWTClaimsSet.Builder claims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder().issuer(CLIENT).subject(CLIENT).audience(graph.tokenUrl(TENANT))
        .jwtID(UUID.randomUUID().toString()).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
  }

  HttpResponse<Buffer> assertionToken(String assertion) throws Exception {
    return tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT, "scope",
        "https://graph.microsoft.com/.default", "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion", assertion));
  }

  // --- the API -------------------------------------------------------------------------------------

  HttpResponse<Buffer> call(HttpMethod method, String path, Object body, Map<String, String> headers) throws Exception {
    HttpRequest<Buffer> r = web.requestAbs(method, path.startsWith("http") ? path : graph.baseUrl() + "/v1.0" + path);
    if (token != null) {
      r.putHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(r::putHeader);
    if (body == null) {
      return await(r.send());
    }
    return await(r.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.toString())));
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return call(HttpMethod.GET, path, null, Map.of());
  }

  /** A 2xx answer's body; fails with the answer otherwise. */
  JsonObject ok(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isBetween(200, 299);
    return r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject();
  }

  JsonObject okGet(String path) throws Exception {
    return ok(get(path));
  }

  JsonObject post(String path, JsonObject body) throws Exception {
    HttpResponse<Buffer> r = call(HttpMethod.POST, path, body, Map.of());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  JsonObject patch(String path, JsonObject body) throws Exception {
    return ok(call(HttpMethod.PATCH, path, body, Map.of()));
  }

  /** Graph's error shape, asserted whole; returns the error object. */
  static JsonObject graphError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    JsonObject inner = error.getJsonObject("innerError");
    assertThat(inner.getString("date")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    assertThat(inner.getString("request-id")).isNotBlank();
    assertThat(inner.getString("client-request-id")).isNotBlank();
    return error;
  }

  JsonObject fault(JsonObject fault) throws Exception {
    HttpResponse<Buffer> r = await(web.postAbs(exchange.baseUrl() + "/sim/faults").sendJsonObject(fault));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(204);
    return fault;
  }

  JsonObject graphStats() throws Exception {
    return sim.stats().getJsonObject("graph");
  }

  /** A clock the tests move by hand (tokens and assertions expire by it). */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

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
}
