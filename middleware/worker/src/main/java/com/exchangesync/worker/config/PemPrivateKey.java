package com.exchangesync.worker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the RSA private key of {@code EXSYNC_SF_PRIVATE_KEY_FILE}: unencrypted
 * PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), what
 * {@code openssl req -x509 -newkey rsa:2048 -nodes -keyout ...} writes. Other
 * forms are refused with the command that converts them. No message ever
 * contains the key.
 */
public final class PemPrivateKey {

  private static final Pattern PKCS8 = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final String CONVERT = "openssl pkcs8 -topk8 -nocrypt -in <your key> -out exsync-sf.key";

  private PemPrivateKey() {}

  /** The key in {@code file}; a problem throws {@link IllegalArgumentException} with what is wrong and the fix. */
  public static RSAPrivateKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("names " + file + ", which does not exist");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IllegalArgumentException("names " + file + ", which the worker may not read (check its owner and mode)");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("names " + file + ", which cannot be read as text: " + e.getClass().getSimpleName());
    }
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new IllegalArgumentException("holds an encrypted key: the worker needs it without a passphrase (" + CONVERT
          + ", then keep the file readable by the worker alone)");
    }
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      throw new IllegalArgumentException("holds a PKCS#1 key (BEGIN RSA PRIVATE KEY): convert it to PKCS#8 with " + CONVERT);
    }
    Matcher m = PKCS8.matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("holds no PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----); make one with"
          + " the openssl command in docs/salesforce-adapter.md");
    }
    PrivateKey key;
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("holds a private key that is not an RSA key in PKCS#8 form (the JWT bearer flow signs"
          + " with RS256; make an RSA key with the openssl command in docs/salesforce-adapter.md)");
    }
    RSAPrivateKey rsa = (RSAPrivateKey) key;
    if (rsa.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException("holds a " + rsa.getModulus().bitLength() + "-bit RSA key: use 2048 bits or more");
    }
    return rsa;
  }
}
