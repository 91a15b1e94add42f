package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint for both credentials, Entra ID's refusals, and the API's 401s. */
class GraphTokenEndpointIT extends GraphTestbedSupport {

  private static final String SCOPE = "https://graph.microsoft.com/.default";

  @Test
  void clientSecret_getsAnAppOnlyTokenWithTheConsentedRoles() throws Exception {
    HttpResponse<Buffer> r = tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT,
        "client_secret", SECRET, "scope", SCOPE));
    JsonObject body = r.bodyAsJsonObject();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(body.getString("token_type")).isEqualTo("Bearer");
    assertThat(body.getLong("expires_in")).isEqualTo(3599L);
    assertThat(body.getLong("ext_expires_in")).isEqualTo(3599L);
    var claims = SignedJWT.parse(body.getString("access_token")).getJWTClaimsSet();
    assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("Contacts.ReadWrite", "Calendars.ReadWrite");
    assertThat(claims.getStringClaim("tid")).isEqualTo(TENANT);
    assertThat(claims.getStringClaim("appid")).isEqualTo(CLIENT);
    assertThat(claims.getStringClaim("appidacr")).isEqualTo("1");
    assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
    assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
  }

  @Test
  void certificateAssertion_byX5tOrX5tS256_getsAToken() throws Exception {
    HttpResponse<Buffer> r = assertionToken(assertion(CERTIFICATE, Map.of(), claims()));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    String access = r.bodyAsJsonObject().getString("access_token");
    assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("appidacr")).isEqualTo("2");
    token = access;
    ok(get("/users/" + ANN + "/contactFolders"));

    Map<String, Object> s256 = new HashMap<>();
    s256.put("x5t", null);
    s256.put("x5t#S256", CERTIFICATE.x5tS256());
    assertThat(assertionToken(assertion(CERTIFICATE, s256, claims())).statusCode()).isEqualTo(200);
  }

  @Test
  void refusals_carryEntraIdsCodesAndShape() throws Exception {
    assertEntra(tokenRequest("00000000-1111-2222-3333-444444444444", Map.of("grant_type", "client_credentials", "client_id",
        CLIENT, "client_secret", SECRET, "scope", SCOPE)), 400, "invalid_request", 90002, "Tenant '00000000-1111-2222-3333-444444444444' not found");
    assertEntra(tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", "99999999-0000-0000-0000-000000000000",
        "client_secret", SECRET, "scope", SCOPE)), 400, "unauthorized_client", 700016,
        "Application with identifier '99999999-0000-0000-0000-000000000000' was not found in the directory");
    assertEntra(tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", "wrong",
        "scope", SCOPE)), 401, "invalid_client", 7000215, "Invalid client secret provided.");
    assertEntra(tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", SECRET,
        "scope", "https://graph.microsoft.com")), 400, "invalid_scope", 1002012, "with /.default suffixed");
    assertEntra(tokenRequest(TENANT, Map.of("client_id", CLIENT, "client_secret", SECRET, "scope", SCOPE)), 400, "invalid_request",
        900144, "'grant_type'");
    assertEntra(tokenRequest(TENANT, Map.of("grant_type", "client_credentials", "client_id", CLIENT, "scope", SCOPE)), 401,
        "invalid_client", 7000218, "'client_assertion' or 'client_secret'");
    assertThat(graphStats().getLong("tokenRefusals")).isEqualTo(6L);
  }

  @Test
  void assertionRefusals_signatureKeyTimeAudienceAndIssuer() throws Exception {
    TestCertificate stranger = TestCertificate.generate("not-registered");
    assertEntra(assertionToken(assertion(stranger, Map.of(), claims())), 401, "invalid_client", 700027,
        "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '");
    // Signed by another key while naming the registered certificate.
    assertEntra(assertionToken(assertion(stranger, Map.of("x5t", CERTIFICATE.x5t()), claims())), 401, "invalid_client", 700027,
        "[Reason - The provided signature value did not match the expected signature value.");
    assertEntra(assertionToken(assertion(CERTIFICATE, Map.of(), claims().expirationTime(
        java.util.Date.from(clock.instant().minus(Duration.ofHours(1)))))), 401, "invalid_client", 700024,
        "Client assertion is not within its valid time range.");
    assertEntra(assertionToken(assertion(CERTIFICATE, Map.of(), claims().audience("https://login.example.com/other/token"))), 401,
        "invalid_client", 50012, "audience claim does not match");
    assertEntra(assertionToken(assertion(CERTIFICATE, Map.of(), claims().issuer("someone-else"))), 401, "invalid_client", 700021,
        "doesn't match 'client_id'");
    Map<String, Object> noThumbprint = new HashMap<>();
    noThumbprint.put("x5t", null);
    assertEntra(assertionToken(assertion(CERTIFICATE, noThumbprint, claims())), 401, "invalid_client", 50027,
        "No certificate thumbprint");
  }

  @Test
  void api_refusesMissingMalformedForeignAndExpiredTokens() throws Exception {
    String good = token;
    token = null;
    JsonObject error = graphError(get("/users/" + ANN + "/contacts"), 401, "InvalidAuthenticationToken");
    assertThat(error.getString("message")).isEqualTo("Access token is empty.");
    token = "not-a-jwt";
    assertThat(graphError(get("/users/" + ANN + "/contacts"), 401, "InvalidAuthenticationToken").getString("message"))
        .startsWith("IDX14100: JWT is not well formed");
    token = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA";
    graphError(get("/users/" + ANN + "/contacts"), 401, "InvalidAuthenticationToken");
    token = good;
    clock.advance(Duration.ofMinutes(61));
    HttpResponse<Buffer> expired = get("/users/" + ANN + "/contacts");
    assertThat(graphError(expired, 401, "InvalidAuthenticationToken").getString("message"))
        .isEqualTo("Lifetime validation failed, the token is expired.");
    assertThat(expired.getHeader("WWW-Authenticate")).startsWith("Bearer realm=\"\"");
    assertThat(graphStats().getLong("authChallenges")).isEqualTo(4L);
  }

  private static void assertEntra(HttpResponse<Buffer> r, int status, String error, int code, String description) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("error_description")).startsWith("AADSTS" + code + ": ").contains(description)
        .contains("\r\nTrace ID: ").contains("\r\nCorrelation ID: ").contains("\r\nTimestamp: ");
    assertThat(body.getJsonArray("error_codes").stream().toList()).isEqualTo(List.of(code));
    assertThat(body.getString("timestamp")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
    assertThat(body.getString("trace_id")).isNotBlank();
    assertThat(body.getString("correlation_id")).isNotBlank();
  }
}
