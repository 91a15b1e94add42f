package com.exchangesync.testbed.graph;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway RSA key and self-signed certificate for an app registration,
 * made by the JDK's own {@code keytool} (so no test needs openssl or a
 * certificate library), with what a client assertion names it by.
 */
record TestCertificate(PrivateKey key, X509Certificate certificate, String pem, String x5t, String x5tS256) {

  /** A new key and certificate (CN given), valid from now for two days. */
  static TestCertificate generate(String commonName) {
    try {
      Path dir = Files.createTempDirectory("graph-cert");
      Path store = dir.resolve("app.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048",
          "-dname", "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
          "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make a test certificate: " + output);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, "changeit".toCharArray());
      }
      PrivateKey key = (PrivateKey) ks.getKey("app", "changeit".toCharArray());
      X509Certificate cert = (X509Certificate) ks.getCertificate("app");
      Files.delete(store);
      Files.delete(dir);
      byte[] der = cert.getEncoded();
      String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
          + "\n-----END CERTIFICATE-----\n";
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return new TestCertificate(key, cert, pem, b64.encodeToString(MessageDigest.getInstance("SHA-1").digest(der)),
          b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(der)));
    } catch (Exception e) {
      throw new IllegalStateException("could not make a test certificate", e);
    }
  }
}
