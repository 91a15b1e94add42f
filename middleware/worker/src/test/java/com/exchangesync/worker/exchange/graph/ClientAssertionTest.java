package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.SigningKeyPair;
import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.config.PemCertificate;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client assertion as Microsoft Entra ID documents it for certificate credentials. */
class ClientAssertionTest {

  @TempDir
  Path dir;

  @Test
  void itIsSignedPs256ByTheAppsKey_namesTheCertificateByItsSha256Thumbprint_andCarriesTheDocumentedClaims() throws Exception {
    SigningKeyPair keys = SigningKeyPair.generate("Exchange Sync");
    Path file = Files.writeString(dir.resolve("app.pem"), keys.certificatePem() + keys.privateKeyPem());
    GraphCredentials.Certificate credentials = PemCertificate.read(file, Instant.now());
    Instant now = Instant.parse("2026-12-01T08:00:00Z");
    String audience = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token";

    SignedJWT jwt = SignedJWT.parse(ClientAssertion.sign(credentials, "app-id", audience, now));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(credentials.certificate().getEncoded());
    assertThat(jwt.getHeader().getX509CertSHA256Thumbprint().toString())
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256));
    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) credentials.certificate().getPublicKey()))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("app-id");
    assertThat(claims.getSubject()).isEqualTo("app-id");
    assertThat(claims.getAudience()).containsExactly(audience);
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(ClientAssertion.VALID_FOR));
    assertThat(SignedJWT.parse(ClientAssertion.sign(credentials, "app-id", audience, now)).getJWTClaimsSet().getJWTID())
        .as("each assertion its own jti").isNotEqualTo(claims.getJWTID());
  }
}
