package com.exchangesync.testbed.salesforce;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} as an org answers it, for the two flows
 * a server-to-server integration uses:
 *
 * <ul>
 *   <li>JWT bearer ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer},
 *       {@code assertion}): an RS256 JWT whose {@code iss} is a registered app's
 *       consumer key, whose signature verifies against the certificate uploaded
 *       to it, whose {@code aud} is this org's login URL, whose {@code exp} has
 *       not passed, and whose {@code sub} is an active user pre-authorized for
 *       the app;</li>
 *   <li>client credentials ({@code grant_type=client_credentials},
 *       {@code client_id}, {@code client_secret}, in the form or as HTTP Basic):
 *       signs in as the app's "Run As" user.</li>
 * </ul>
 *
 * The answer is the org's JSON ({@code access_token}, {@code instance_url},
 * {@code id} = {@code <login URL>/id/<orgId>/<userId>}, {@code token_type},
 * {@code issued_at}, {@code scope}, and for client credentials the
 * {@code signature}); the access token is a session id of the partner API.
 * Refusals are HTTP 400 with the org's codes and descriptions ({@link OAuthError}).
 * Parameters are read from the form body or, as the org also allows, the query.
 */
final class OAuthTokenEndpoint {

  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String CLIENT_CREDENTIALS = "client_credentials";
  /** The request parameters the endpoint reads. */
  static final java.util.List<String> PARAMETERS = java.util.List.of("grant_type", "assertion", "client_id", "client_secret");

  /** What one token request is answered with. */
  record Answer(int status, JsonObject body) {}

  /** The request's parameters (form or query) and its {@code Authorization} header. */
  interface Params {
    String get(String name);

    String authorization();
  }

  private final RecordStore store;
  private final Sessions sessions;
  private final OAuthApps apps;
  private final Clock clock;
  private final Supplier<String> loginUrl;
  private final Supplier<String> instanceUrl;

  OAuthTokenEndpoint(RecordStore store, Sessions sessions, OAuthApps apps, Clock clock, Supplier<String> loginUrl,
      Supplier<String> instanceUrl) {
    this.store = store;
    this.sessions = sessions;
    this.apps = apps;
    this.clock = clock;
    this.loginUrl = loginUrl;
    this.instanceUrl = instanceUrl;
  }

  /** Answers one token request (call with the store locked: it reads the org's users). */
  Answer token(Params params) {
    try {
      String grant = params.get("grant_type");
      if (JWT_BEARER.equals(grant)) {
        return jwtBearer(params.get("assertion"));
      }
      if (CLIENT_CREDENTIALS.equals(grant)) {
        return clientCredentials(params);
      }
      throw OAuthError.unsupportedGrant();
    } catch (OAuthError e) {
      return new Answer(400, e.json());
    }
  }

  private Answer jwtBearer(String assertion) {
    if (assertion == null || assertion.isBlank()) {
      throw OAuthError.invalidAssertion();
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion.trim());
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw OAuthError.invalidAssertion();
    }
    OAuthApp app = apps.get(claims.getIssuer());
    if (app == null) {
      throw OAuthError.unknownClient();
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || app.publicKey() == null || !verifies(jwt, app)) {
      throw OAuthError.invalidAssertion();
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.stream().noneMatch(this::isOwnUrl)) {
      throw OAuthError.wrongAudience();
    }
    if (claims.getExpirationTime() == null || claims.getSubject() == null) {
      throw OAuthError.invalidAssertion();
    }
    if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
      throw OAuthError.expired();
    }
    Row user = store.userByUsername(claims.getSubject());
    if (user == null || !Boolean.TRUE.equals(user.get("IsActive")) || !app.approves(String.valueOf(user.get("Username")))) {
      throw OAuthError.notApproved();
    }
    return granted(user, null);
  }

  private static boolean verifies(SignedJWT jwt, OAuthApp app) {
    try {
      return jwt.verify(new RSASSAVerifier(app.publicKey()));
    } catch (JOSEException e) {
      return false;
    }
  }

  /** Whether {@code aud} names this org: its login URL (a My Domain's) or its instance URL, with or without a final slash. */
  private boolean isOwnUrl(String aud) {
    String a = aud.endsWith("/") ? aud.substring(0, aud.length() - 1) : aud;
    return a.equals(loginUrl.get()) || a.equals(instanceUrl.get());
  }

  private Answer clientCredentials(Params params) {
    String clientId = params.get("client_id");
    String secret = params.get("client_secret");
    String basic = params.authorization();
    if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw OAuthError.unknownClient();
      }
      int colon = decoded.indexOf(':');
      clientId = colon < 0 ? decoded : decoded.substring(0, colon);
      secret = colon < 0 ? null : decoded.substring(colon + 1);
    }
    OAuthApp app = apps.get(clientId);
    if (app == null) {
      throw OAuthError.unknownClient();
    }
    if (!app.secretMatches(secret)) {
      throw OAuthError.badSecret();
    }
    Row user = app.runAs() == null ? null : store.userByUsername(app.runAs());
    if (user == null || !Boolean.TRUE.equals(user.get("IsActive"))) {
      throw OAuthError.noRunAsUser();
    }
    return granted(user, app.clientSecret());
  }

  private Answer granted(Row user, String signingSecret) {
    Org org = store.org();
    String token = sessions.open(org.id(), user.id);
    String id = loginUrl.get() + "/id/" + org.id() + "/" + user.id;
    String issuedAt = Long.toString(clock.millis());
    JsonObject body = new JsonObject().put("access_token", token);
    if (signingSecret != null) {
      body.put("signature", signature(signingSecret, id + issuedAt));
    }
    return new Answer(200, body.put("scope", "api").put("instance_url", instanceUrl.get()).put("id", id)
        .put("token_type", "Bearer").put("issued_at", issuedAt));
  }

  /** Base64 of HMAC-SHA256 over {@code id + issued_at} with the consumer secret, as the org signs the answer. */
  private static String signature(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
