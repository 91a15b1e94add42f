package com.exchangesync.testbed.graph;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate uploaded to the app registration: its RSA public key and the
 * thumbprints a client assertion names it by ({@code x5t}: SHA-1 of the DER,
 * {@code x5t#S256}: SHA-256, both base64url; Entra ID shows the SHA-1 one in
 * upper-case hex).
 */
record AppCertificate(X509Certificate certificate, String x5t, String x5tS256, String thumbprintHex) {

  private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

  /**
   * The first certificate in {@code pem} (other blocks, such as a private key beside it, are ignored).
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static AppCertificate fromPem(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("certificate takes an X.509 certificate in PEM (-----BEGIN CERTIFICATE----- …)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the certificate's PEM body is not base64");
    }
    X509Certificate cert;
    try {
      cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("the certificate cannot be read: " + e.getMessage());
    }
    if (!(cert.getPublicKey() instanceof RSAPublicKey)) {
      throw new IllegalArgumentException("the certificate's key must be RSA (Entra ID signs client assertions with RS256 or PS256)");
    }
    try {
      byte[] encoded = cert.getEncoded();
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(encoded);
      byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(encoded);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return new AppCertificate(cert, b64.encodeToString(sha1), b64.encodeToString(sha256), HexFormat.of().withUpperCase().formatHex(sha1));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) certificate.getPublicKey();
  }
}
