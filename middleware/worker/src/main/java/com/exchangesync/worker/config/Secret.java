package com.exchangesync.worker.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (a password or token) that never appears in {@code toString},
 * logs or exception messages. Compare with {@link #matches}, which takes the
 * same time whatever the input, so a caller cannot guess it byte by byte.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a secret cannot be null");
    }
    return new Secret(value);
  }

  /** The value itself, for the one call that must send it. */
  public String reveal() {
    return value;
  }

  /** Whether {@code candidate} equals the secret, in constant time. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "***";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
