package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testkit.SigningKeyPair;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 token endpoint: both flows, every refusal an org gives, and tokens as partner API sessions. */
class SalesforceOAuthIT extends SalesforceTestbedSupport {

  private static final String CC_CLIENT = "3MVG9ClientCredentials.exsync";
  private static final String CC_SECRET = "C0nsumerS3cret";

  private String jwt(String subject) {
    return assertion(KEYS.privateKey(), CLIENT_ID, subject, bed.baseUrl(), Duration.ofMinutes(3));
  }

  private HttpResponse<String> jwtToken(String assertion) {
    return token(Map.of("grant_type", OAuthTokenEndpoint.JWT_BEARER, "assertion", assertion));
  }

  private static void assertRefused(HttpResponse<String> answer, String error, String description) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonObject body = new JsonObject(answer.body());
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("error_description")).isEqualTo(description);
    assertThat(body.containsKey("access_token")).isFalse();
  }

  private void withClientCredentialsApp(String runAs) {
    sim.oauthApps(new JsonArray()
        .add(new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
            .put("preApproved", new JsonArray().add(INTEGRATION)))
        .add(new JsonObject().put("clientId", CC_CLIENT).put("clientSecret", CC_SECRET).put("runAs", runAs)));
  }

  @Test
  void jwtBearer_givesAnOrgTokenThatIsAPartnerApiSession() throws Exception {
    HttpResponse<String> answer = jwtToken(jwt(INTEGRATION));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    JsonObject token = new JsonObject(answer.body());
    String integrationId = new JsonObject(sim.org().encode()).getString("integrationUserId");
    assertThat(token.getString("access_token")).startsWith(ORG_ID + "!");
    assertThat(token.getString("instance_url")).isEqualTo(bed.instanceUrl());
    assertThat(token.getString("id")).isEqualTo(bed.baseUrl() + "/id/" + SalesforceIds.canonical(ORG_ID) + "/" + integrationId);
    assertThat(token.getString("token_type")).isEqualTo("Bearer");
    assertThat(token.getString("scope")).isEqualTo("api");
    assertThat(Long.parseLong(token.getString("issued_at"))).isEqualTo(clock.millis());
    assertThat(token.containsKey("signature")).isFalse();

    PartnerConnection c = withToken(token);
    assertThat(c.getUserInfo().getUserName()).isEqualTo(INTEGRATION);
    assertThat(c.getUserInfo().getOrganizationName()).isEqualTo("Acme");
    assertThat(sim.stats().getLong("tokenRequests")).isEqualTo(1);
    assertThat(sim.stats().getJsonObject("calls").containsKey("login")).isFalse();
  }

  @Test
  void jwtBearer_takesTheUsernameInAnyCase_andAnAudienceWithATrailingSlash() {
    String assertion = assertion(KEYS.privateKey(), CLIENT_ID, INTEGRATION.toUpperCase(), bed.baseUrl() + "/", Duration.ofMinutes(3));
    assertThat(jwtToken(assertion).statusCode()).isEqualTo(200);
  }

  @Test
  void jwtBearer_refusals_carryTheOrgsCodesAndDescriptions() throws Exception {
    SigningKeyPair other = SigningKeyPair.generate("someone else");
    // unknown consumer key
    assertRefused(jwtToken(assertion(KEYS.privateKey(), "3MVG9Unknown", INTEGRATION, bed.baseUrl(), Duration.ofMinutes(3))),
        "invalid_client_id", "client identifier invalid");
    // signed with a key whose certificate is not the app's
    assertRefused(jwtToken(assertion(other.privateKey(), CLIENT_ID, INTEGRATION, bed.baseUrl(), Duration.ofMinutes(3))),
        "invalid_grant", "invalid assertion");
    // not RS256
    SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().issuer(CLIENT_ID)
        .subject(INTEGRATION).audience(bed.baseUrl()).expirationTime(Date.from(clock.instant().plusSeconds(60))).build());
    hs.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length!"));
    assertRefused(jwtToken(hs.serialize()), "invalid_grant", "invalid assertion");
    // not a JWT, or none at all
    assertRefused(jwtToken("not-a-jwt"), "invalid_grant", "invalid assertion");
    assertRefused(token(Map.of("grant_type", OAuthTokenEndpoint.JWT_BEARER)), "invalid_grant", "invalid assertion");
    // audience: login.salesforce.com is not this org's login URL
    assertRefused(jwtToken(assertion(KEYS.privateKey(), CLIENT_ID, INTEGRATION, "https://login.salesforce.com",
        Duration.ofMinutes(3))), "invalid_grant", "audience is invalid");
    // expired
    String soon = jwt(INTEGRATION);
    clock.advance(Duration.ofMinutes(4));
    assertRefused(jwtToken(soon), "invalid_grant", "expired authorization code");
    // a user who is not pre-authorized, an unknown user
    assertRefused(jwtToken(jwt("ann@acme.example.com")), "invalid_grant", "user hasn't approved this consumer");
    assertRefused(jwtToken(jwt("nobody@acme.example.com")), "invalid_grant", "user hasn't approved this consumer");
    assertThat(sim.stats().getLong("authChallenges")).isEqualTo(9);
  }

  @Test
  void jwtBearer_aPreAuthorizedUserWhoIsDeactivated_isRefused() {
    sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
        .put("preApproved", "*")));
    assertThat(jwtToken(jwt("ann@acme.example.com")).statusCode()).isEqualTo(200);
    sim.org(new JsonObject().put("orgId", ORG_ID).put("integrationUser", new JsonObject().put("username", INTEGRATION))
        .put("users", new JsonArray().add(new JsonObject().put("username", "ann@acme.example.com").put("isActive", false))));
    assertRefused(jwtToken(jwt("ann@acme.example.com")), "invalid_grant", "user hasn't approved this consumer");
    // the app outlived the new org: the integration user still signs in
    assertThat(jwtToken(jwt(INTEGRATION)).statusCode()).isEqualTo(200);
  }

  @Test
  void clientCredentials_signsInAsTheRunAsUser_withTheOrgsSignature() throws Exception {
    withClientCredentialsApp(INTEGRATION);

    HttpResponse<String> answer = token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT,
        "client_secret", CC_SECRET));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject token = new JsonObject(answer.body());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(CC_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal((token.getString("id") + token.getString("issued_at"))
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(token.getString("signature")).isEqualTo(expected);
    assertThat(withToken(token).getUserInfo().getUserName()).isEqualTo(INTEGRATION);

    // the consumer key and secret may also come as HTTP Basic
    String basic = Base64.getEncoder().encodeToString((CC_CLIENT + ":" + CC_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(token(Map.of("grant_type", "client_credentials"), Map.of("Authorization", "Basic " + basic)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void clientCredentials_refusals_carryTheOrgsCodesAndDescriptions() {
    withClientCredentialsApp(null);
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", "3MVG9Unknown", "client_secret", CC_SECRET)),
        "invalid_client_id", "client identifier invalid");
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_secret", CC_SECRET)),
        "invalid_client_id", "client identifier invalid");
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT, "client_secret", "wrong")),
        "invalid_client", "invalid client credentials");
    // the JWT app has no consumer secret for this flow
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CC_SECRET)),
        "invalid_client", "invalid client credentials");
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT, "client_secret", CC_SECRET)),
        "invalid_grant", "no client credentials user enabled");
    withClientCredentialsApp("ann@acme.example.com");
    sim.org(new JsonObject().put("orgId", ORG_ID).put("users", new JsonArray()
        .add(new JsonObject().put("username", "ann@acme.example.com").put("isActive", false))));
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT, "client_secret", CC_SECRET)),
        "invalid_grant", "no client credentials user enabled");
  }

  @Test
  void otherGrantTypes_areNotSupported() {
    assertRefused(token(Map.of("grant_type", "password", "client_id", CLIENT_ID, "username", INTEGRATION, "password", PASSWORD)),
        "unsupported_grant_type", "grant type not supported");
    assertRefused(token(Map.of("client_id", CLIENT_ID)), "unsupported_grant_type", "grant type not supported");
  }

  @Test
  void anAccessTokenExpires_whenTheFaultSaysSo_whenUnusedForTwoHours_andAtLogout() throws Exception {
    PartnerConnection c = connect();
    c.getUserInfo();
    sim.fault(new JsonObject().put("operation", "query").put("kind", "INVALID_SESSION_ID"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact")).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
      assertThat(f.getExceptionMessage()).isEqualTo("Invalid Session ID found in SessionHeader: Illegal Session");
    });
    // the token stays dead for every call, not only the one the fault hit; a fresh one works
    assertThatThrownBy(c::getUserInfo).isInstanceOf(UnexpectedErrorFault.class);
    PartnerConnection again = connect();
    assertThat(again.query("SELECT Id FROM Contact").getSize()).isZero();

    clock.advance(Duration.ofMinutes(119));
    again.getUserInfo();
    clock.advance(Duration.ofMinutes(121));
    assertThatThrownBy(again::getUserInfo).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));

    PartnerConnection third = connect();
    third.logout();
    assertThatThrownBy(third::getUserInfo).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
  }

  @Test
  void aForgedSessionIsRefused() throws Exception {
    PartnerConnection c = connect();
    c.setSessionHeader("00D5g00000TESTA!forged");
    assertThatThrownBy(c::getUserInfo).isInstanceOf(UnexpectedErrorFault.class);
  }

  @Test
  void theLoginUrlServesNoApiCall_evenWithAGoodToken() throws Exception {
    JsonObject token = new JsonObject(jwtToken(jwt(INTEGRATION)).body());
    ConnectorConfig config = new ConnectorConfig();
    config.setServiceEndpoint(bed.authEndpoint());
    config.setSessionId(token.getString("access_token"));
    PartnerConnection atLogin = com.sforce.soap.partner.Connector.newConnection(config);

    assertThatThrownBy(() -> atLogin.query("SELECT Id FROM Contact")).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.UNKNOWN_EXCEPTION);
      assertThat(f.getExceptionMessage())
          .isEqualTo("Destination URL not reset. The URL returned from login must be set in the SforceService");
    });
    // the same token at the instance works
    assertThat(withToken(token).query("SELECT Id FROM Contact").getSize()).isZero();
  }

  @Test
  void theTokenEndpointCanBeMadeUnavailable() {
    sim.fault(new JsonObject().put("operation", "token").put("kind", "http503"));
    HttpResponse<String> down = jwtToken(jwt(INTEGRATION));
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(jwtToken(jwt(INTEGRATION)).statusCode()).isEqualTo(200);
    assertThat(sim.stats().getLong("tokenRequests")).isEqualTo(2);
  }

  @Test
  void theAppsAdminApi_replacesTheList_hidesSecrets_andRefusesBadApps() {
    withClientCredentialsApp(INTEGRATION);
    JsonArray apps = new JsonObject(sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CC_CLIENT)
        .put("clientSecret", CC_SECRET).put("runAs", INTEGRATION))).encode()).getJsonArray("apps");
    assertThat(apps).hasSize(1);
    assertThat(apps.getJsonObject(0).encode()).doesNotContain(CC_SECRET)
        .contains("\"clientSecret\":true").contains("\"certificate\":false");
    assertRefused(jwtToken(jwt(INTEGRATION)), "invalid_client_id", "client identifier invalid");

    assertThatThrownBy(() -> sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", "x"))))
        .hasMessageContaining("400").hasMessageContaining("app x needs a certificate (JWT bearer flow) or a clientSecret");
    assertThatThrownBy(() -> sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", "x")
        .put("certificate", "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n"))))
        .hasMessageContaining("400").hasMessageContaining("the certificate of x is not an X.509 certificate in PEM form");
    assertThatThrownBy(() -> sim.oauthApps(new JsonArray().add(new JsonObject().put("clientSecret", "s"))))
        .hasMessageContaining("400").hasMessageContaining("every app needs a clientId");
    assertThatThrownBy(() -> sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", "x").put("clientSecret", "s"))
        .add(new JsonObject().put("clientId", "x").put("clientSecret", "t"))))
        .hasMessageContaining("400").hasMessageContaining("two apps have the clientId x");
    assertThatThrownBy(() -> sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", "x").put("clientSecret", "s")
        .put("preApproved", "everyone")))).hasMessageContaining("400").hasMessageContaining("must be a list of usernames or");
    // a refused list leaves the apps as they were
    assertThat(token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT, "client_secret", CC_SECRET)).statusCode())
        .isEqualTo(200);

    sim.reset();
    assertRefused(token(Map.of("grant_type", "client_credentials", "client_id", CC_CLIENT, "client_secret", CC_SECRET)),
        "invalid_client_id", "client identifier invalid");
  }
}
