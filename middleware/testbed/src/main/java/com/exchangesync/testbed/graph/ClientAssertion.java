package com.exchangesync.testbed.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks a certificate credential ({@code client_assertion}) as Entra ID does:
 * a signed JWT (RS256 or PS256) whose header names the registered
 * certificate by thumbprint ({@code x5t} or {@code x5t#S256}), signed by its
 * key, with {@code iss} = {@code sub} = the client id, {@code aud} = the
 * tenant's token endpoint (v2 or v1) or its v2.0 issuer, a {@code jti}, and
 * {@code nbf}/{@code exp} around now (five minutes' clock skew allowed).
 */
final class ClientAssertion {

  static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

  private ClientAssertion() {}

  /**
   * Verifies {@code assertion} for {@code app}, presented with {@code clientId} (null when the form gave none).
   *
   * @param baseUrl the test bed's base URL, as the login URL the assertion's audience names
   * @throws EntraError the refusal Entra ID gives
   */
  static void verify(String assertion, String clientId, GraphApp app, String baseUrl, Instant now) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw EntraError.malformedAssertion("The client assertion is not a signed JWT in compact form.");
    }
    if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
      throw EntraError.malformedAssertion("The client assertion must be signed with RS256 or PS256.");
    }
    // Read from the header itself: nimbus keeps the SHA-1 thumbprint only behind a deprecated accessor.
    Object rawX5t = jwt.getHeader().toJSONObject().get("x5t");
    Object rawX5tS256 = jwt.getHeader().toJSONObject().get("x5t#S256");
    String x5t = rawX5t instanceof String s ? s : null;
    String x5tS256 = rawX5tS256 instanceof String s ? s : null;
    if (x5t == null && x5tS256 == null) {
      throw EntraError.noThumbprint();
    }
    String issuer = claims.getIssuer();
    if (issuer == null || !issuer.equals(claims.getSubject()) || (clientId != null && !issuer.equalsIgnoreCase(clientId))) {
      throw EntraError.clientMismatch();
    }
    List<String> audience = claims.getAudience();
    Set<String> accepted = Set.of(baseUrl + "/" + app.tenantId() + "/oauth2/v2.0/token", baseUrl + "/" + app.tenantId() + "/oauth2/token",
        baseUrl + "/" + app.tenantId() + "/v2.0");
    if (audience.size() != 1 || accepted.stream().noneMatch(a -> a.equalsIgnoreCase(audience.get(0)))) {
      throw EntraError.wrongAudience();
    }
    AppCertificate key = app.certificate();
    String shown = x5t != null ? thumbprintHex(x5t) : x5tS256;
    if (key == null || !(key.x5t().equals(x5t) || key.x5tS256().equals(x5tS256))) {
      throw EntraError.keyNotFound(shown, app.clientId());
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(key.publicKey()))) {
        throw EntraError.badSignature(shown, key, app.clientId());
      }
    } catch (JOSEException e) {
      throw EntraError.badSignature(shown, key, app.clientId());
    }
    if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
      throw EntraError.malformedAssertion("The client assertion has no 'jti' claim.");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw EntraError.malformedAssertion("The client assertion has no 'exp' claim.");
    }
    Instant notBefore = claims.getNotBeforeTime() == null ? Instant.EPOCH : claims.getNotBeforeTime().toInstant();
    if (now.isAfter(exp.toInstant().plus(SKEW)) || now.isBefore(notBefore.minus(SKEW))) {
      throw EntraError.outsideValidity(now, notBefore, exp.toInstant());
    }
  }

  /** The SHA-1 thumbprint in the upper-case hex Entra ID shows, from an {@code x5t} (base64url). */
  private static String thumbprintHex(String x5t) {
    try {
      return java.util.HexFormat.of().withUpperCase().formatHex(java.util.Base64.getUrlDecoder().decode(x5t));
    } catch (IllegalArgumentException e) {
      return x5t;
    }
  }
}
