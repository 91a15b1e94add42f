package com.exchangesync.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway RSA key pair with a self-signed X.509 certificate, made the way
 * an admin makes one with {@code openssl req -x509 -newkey rsa:2048 -nodes}:
 * the certificate goes to the Salesforce test bed's OAuth app
 * ({@code PUT /sim/oauth/apps}), the PKCS#8 PEM key to the worker's
 * {@code EXSYNC_SF_PRIVATE_KEY_FILE}. Tests make a new one each run, so no key
 * is ever committed.
 */
public final class SigningKeyPair {

  private final KeyPair keys;
  private final X509Certificate certificate;

  private SigningKeyPair(KeyPair keys, X509Certificate certificate) {
    this.keys = keys;
    this.certificate = certificate;
  }

  /** A new 2048-bit RSA key and a certificate for it, valid for a day. */
  public static SigningKeyPair generate(String commonName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
          Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
      X509Certificate certificate = new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new SigningKeyPair(keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not make a test key pair", e);
    }
  }

  /** The private key, for tests that sign an assertion themselves. */
  public java.security.PrivateKey privateKey() {
    return keys.getPrivate();
  }

  /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----}), as uploaded to the app. */
  public String certificatePem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  /** Writes the PKCS#8 PEM key to {@code file} (readable by its owner only where the file system allows) and returns it. */
  public Path writePrivateKey(Path file) {
    try {
      Files.writeString(file, privateKeyPem(), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the file keeps the folder's permissions.
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
