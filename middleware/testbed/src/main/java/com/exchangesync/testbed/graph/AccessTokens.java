package com.exchangesync.testbed.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The access tokens the token endpoint issues and the API checks: JWTs signed
 * RS256 with the test bed's own key, shaped as Entra ID's app-only tokens for
 * Graph ({@code aud} {@code https://graph.microsoft.com}, {@code iss}
 * {@code https://sts.windows.net/<tid>/}, {@code appid}, {@code appidacr}
 * {@code 1} for a secret and {@code 2} for a certificate, {@code idtyp}
 * {@code app}, {@code roles} when the app has consented permissions, {@code tid},
 * {@code ver} {@code 1.0}), valid for an hour.
 */
final class AccessTokens {

  static final String AUDIENCE = "https://graph.microsoft.com";
  static final Duration LIFETIME = Duration.ofSeconds(3599);

  private final KeyPair key;
  private final String keyId;

  AccessTokens() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.key = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    this.keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 27);
  }

  /** The claims an issued token carries. */
  record Claims(String tenantId, String appId, List<String> roles, Instant expires) {}

  String issue(GraphApp app, boolean byCertificate, Instant now) {
    String objectId = UUID.nameUUIDFromBytes(("sp:" + app.tenantId() + ":" + app.clientId()).getBytes()).toString();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(AUDIENCE).issuer("https://sts.windows.net/" + app.tenantId() + "/")
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
        .claim("appid", app.clientId()).claim("appidacr", byCertificate ? "2" : "1")
        .claim("idp", "https://sts.windows.net/" + app.tenantId() + "/").claim("idtyp", "app").claim("oid", objectId)
        .subject(objectId).claim("tid", app.tenantId())
        .claim("uti", Base64URL.encode(UUID.randomUUID().toString()).toString().substring(0, 22)).claim("ver", "1.0");
    if (!app.permissions().isEmpty()) {
      // Entra ID writes roles only for consented application permissions; RBAC for Applications roles never show here
      claims.claim("roles", app.permissions().stream().sorted().toList());
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(),
        claims.build());
    try {
      jwt.sign(new RSASSASigner(key.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of a bearer token the API was given.
   *
   * @throws GraphError 401 {@code InvalidAuthenticationToken} as Graph answers a missing, malformed, foreign or expired token
   */
  Claims verify(String authorization, Instant now) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        || authorization.substring(7).isBlank()) {
      throw invalid("Access token is empty.");
    }
    String token = authorization.substring(7).trim();
    if (!token.contains(".")) {
      throw invalid("IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact"
          + " Serialization Format. (JWS): 'EncodedHeader.EndcodedPayload.EncodedSignature'. (JWE):"
          + " 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.");
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("Invalid JWT token. The token is malformed.");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) key.getPublic()))) {
        throw invalid("Invalid signature.");
      }
    } catch (JOSEException e) {
      throw invalid("Invalid signature.");
    }
    if (!claims.getAudience().contains(AUDIENCE)) {
      throw invalid("Invalid audience.");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || !now.isBefore(exp.toInstant())) {
      throw invalid("Lifetime validation failed, the token is expired.");
    }
    try {
      return new Claims(claims.getStringClaim("tid"), claims.getStringClaim("appid"), claims.getStringListClaim("roles"),
          exp.toInstant());
    } catch (ParseException e) {
      throw invalid("Invalid JWT token. The token is malformed.");
    }
  }

  /** Graph's 401, with the challenge it sends. */
  static GraphError invalid(String message) {
    return new GraphError(401, "InvalidAuthenticationToken", message).header("WWW-Authenticate",
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\","
            + " client_id=\"00000003-0000-0000-c000-000000000000\"");
  }
}
