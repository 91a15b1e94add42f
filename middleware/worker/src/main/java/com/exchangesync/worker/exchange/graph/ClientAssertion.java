package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.config.GraphCredentials;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The client assertion of a certificate credential, as Microsoft Entra ID
 * documents it: a JWS signed PS256 with the app's private key, naming the
 * certificate by its SHA-256 thumbprint ({@code x5t#S256}), with {@code iss} and
 * {@code sub} the application id, {@code aud} the tenant's token endpoint, a
 * unique {@code jti}, and {@code nbf}/{@code exp} around now. Signed by
 * nimbus-jose-jwt.
 */
final class ClientAssertion {

  /** How long an assertion is good for: it is used at once. */
  static final Duration VALID_FOR = Duration.ofMinutes(10);

  static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private ClientAssertion() {}

  /** A signed, serialised assertion of {@code clientId} for {@code audience}, made at {@code now}. */
  static String sign(GraphCredentials.Certificate credentials, String clientId, String audience, Instant now) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(clientId)
        .subject(clientId)
        .audience(audience)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(VALID_FOR)))
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.PS256).type(JOSEObjectType.JWT)
        .x509CertSHA256Thumbprint(thumbprint(credentials))
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(credentials.key()));
    } catch (JOSEException e) {
      // The configuration reader refused keys that cannot sign; this is a JVM without RSASSA-PSS.
      throw new IllegalStateException("the key of " + credentials.file() + " cannot sign a PS256 client assertion", e);
    }
    return jwt.serialize();
  }

  /** The certificate's SHA-256 thumbprint, base64url: what Entra ID finds the registered certificate by. */
  static Base64URL thumbprint(GraphCredentials.Certificate credentials) {
    try {
      return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(credentials.certificate().getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("the certificate of " + credentials.file() + " cannot be encoded", e);
    }
  }
}
