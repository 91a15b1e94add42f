package com.exchangesync.worker.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A short hash of mapped values: it moves when any mapped field changes, and only then. */
public final class Fingerprint {

  private Fingerprint() {}

  public static String of(Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(values).forEach((k, v) -> {
      if (v != null) {
        text.append(k).append('\u0000').append(v).append('\u0001');
      }
    });
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
