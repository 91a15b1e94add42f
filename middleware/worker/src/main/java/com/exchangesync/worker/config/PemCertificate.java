package com.exchangesync.worker.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code EXSYNC_GRAPH_CERTIFICATE_FILE}: the app registration's X.509
 * certificate and its unencrypted PKCS#8 private key as PEM blocks in one file,
 * what {@code openssl req -x509 -newkey rsa:2048 -nodes -keyout k -out c} makes
 * once the two are concatenated. Refuses a file without either, a key that is
 * not the certificate's, and a certificate outside its validity (Entra ID
 * refuses assertions of such a certificate). No message ever contains the key.
 */
public final class PemCertificate {

  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
  private static final String MAKE = "openssl req -x509 -newkey rsa:2048 -sha256 -days 730 -nodes -subj \"/CN=Exchange Sync\""
      + " -keyout exsync-graph.key -out exsync-graph.crt && cat exsync-graph.crt exsync-graph.key > exsync-graph.pem";

  private PemCertificate() {}

  /**
   * The certificate and key in {@code file}, checked at {@code now}.
   *
   * @throws IllegalArgumentException saying what is wrong and how to make a good file
   */
  public static GraphCredentials.Certificate read(Path file, Instant now) {
    RSAPrivateKey key = PemPrivateKey.read(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("names " + file + ", which cannot be read as text: " + e.getClass().getSimpleName());
    }
    Matcher m = CERTIFICATE.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("holds a private key but no certificate (-----BEGIN CERTIFICATE-----): put the"
          + " certificate uploaded to the app registration and its key in one file (" + MAKE + ")");
    }
    X509Certificate certificate;
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new IllegalArgumentException("holds a certificate block that is not an X.509 certificate (" + MAKE + ")");
    }
    if (!(certificate.getPublicKey() instanceof RSAPublicKey pub) || !pub.getModulus().equals(key.getModulus())) {
      throw new IllegalArgumentException("holds a private key that does not belong to its certificate ("
          + certificate.getSubjectX500Principal().getName() + "): put the certificate and the key made with it in the file");
    }
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      throw new IllegalArgumentException("holds a certificate that expired on " + certificate.getNotAfter().toInstant()
          + ": make a new one (" + MAKE + "), upload it to the app registration and point the variable at it");
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      throw new IllegalArgumentException("holds a certificate valid only from " + certificate.getNotBefore().toInstant()
          + " (check the worker's clock)");
    }
    return new GraphCredentials.Certificate(file, certificate, key);
  }
}
