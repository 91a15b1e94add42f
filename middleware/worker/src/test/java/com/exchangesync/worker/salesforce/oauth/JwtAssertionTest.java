package com.exchangesync.worker.salesforce.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.config.SalesforceCredentials;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JWT bearer assertion Salesforce checks: RS256, iss, sub, aud of the login URL, a short exp. */
class JwtAssertionTest {

  @Test
  void theAssertion_isRs256_withTheAppTheUserTheAudienceAndThreeMinutes() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    SalesforceCredentials.JwtBearer credentials = new SalesforceCredentials.JwtBearer("3MVG9.consumerKey",
        "integration@acme.example.com", Path.of("/run/secrets/exsync-sf.key"), (RSAPrivateKey) pair.getPrivate());
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    SignedJWT jwt = SignedJWT.parse(JwtAssertion.sign(credentials, "https://login.salesforce.com", now));

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).as("signed with the key").isTrue();
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("3MVG9.consumerKey");
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("integration@acme.example.com");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://login.salesforce.com");
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(180));
  }

  @Test
  void theAudience_isTheLoginUrl_productionSandboxOrMyDomain_withoutAFinalSlash() {
    assertThat(JwtAssertion.audience(URI.create("https://login.salesforce.com/"))).isEqualTo("https://login.salesforce.com");
    assertThat(JwtAssertion.audience(URI.create("https://test.salesforce.com"))).isEqualTo("https://test.salesforce.com");
    assertThat(JwtAssertion.audience(URI.create("https://acme.my.salesforce.com//")))
        .isEqualTo("https://acme.my.salesforce.com");
  }
}
