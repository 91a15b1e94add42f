package com.exchangesync.worker.salesforce.oauth;

import com.exchangesync.worker.config.SalesforceCredentials;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The JWT bearer flow's assertion, as Salesforce documents it: RS256, signed
 * with the key whose certificate is uploaded to the External Client App, with
 * {@code iss} the consumer key, {@code sub} the user's username, {@code aud}
 * the login URL's audience and {@code exp} a few minutes ahead (Salesforce
 * wants it within three). Signed by nimbus-jose-jwt.
 */
final class JwtAssertion {

  /** How long an assertion is good for: Salesforce accepts up to three minutes. */
  static final Duration VALID_FOR = Duration.ofMinutes(3);

  private JwtAssertion() {}

  /** A signed, serialised assertion for {@code credentials} to {@code audience}, made at {@code now}. */
  static String sign(SalesforceCredentials.JwtBearer credentials, String audience, Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(credentials.clientId())
        .subject(credentials.username())
        .audience(audience)
        .expirationTime(Date.from(now.plus(VALID_FOR)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(credentials.key()));
    } catch (JOSEException e) {
      // Only a key that cannot sign RS256 gets here; the configuration reader already refused those.
      throw new IllegalStateException("the key in " + credentials.keyFile() + " cannot sign an RS256 assertion", e);
    }
    return jwt.serialize();
  }

  /**
   * The audience of a login URL: {@code https://login.salesforce.com},
   * {@code https://test.salesforce.com}, or the My Domain (or Experience Cloud
   * site) URL itself, without a final slash.
   */
  static String audience(java.net.URI loginUrl) {
    String url = loginUrl.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }
}
