package com.exchangesync.testbed.salesforce;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: a 3-character key prefix naming the type, then 12
 * base-62 characters, then the 3-character case-safe suffix that makes the
 * 18-character form. New ids come from one counter that starts at a random
 * point, so ids from before a {@code /sim/reset} are never reused.
 */
final class SalesforceIds {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextLong(1L << 40, 1L << 50));

  private SalesforceIds() {}

  /** A new 18-character id with {@code keyPrefix}. */
  static String next(String keyPrefix) {
    long n = COUNTER.incrementAndGet();
    char[] body = new char[12];
    for (int i = 11; i >= 0; i--) {
      body[i] = BASE62.charAt((int) (n % 62));
      n /= 62;
    }
    return withSuffix(keyPrefix + new String(body));
  }

  /** The 18-character form of a 15- or 18-character id, or null when {@code id} is not an id. */
  static String canonical(String id) {
    if (id == null) {
      return null;
    }
    String s = id.trim();
    if ((s.length() != 15 && s.length() != 18) || !s.chars().allMatch(c -> BASE62.indexOf(c) >= 0)) {
      return null;
    }
    String full = withSuffix(s.substring(0, 15));
    if (s.length() == 18 && !full.substring(15).equalsIgnoreCase(s.substring(15))) {
      return null;
    }
    return full;
  }

  /** Whether {@code id} is a well-formed id. */
  static boolean valid(String id) {
    return canonical(id) != null;
  }

  /** The 15-character form. */
  static String shortForm(String id) {
    return id.substring(0, 15);
  }

  private static String withSuffix(String id15) {
    StringBuilder out = new StringBuilder(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int flags = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          flags |= 1 << i;
        }
      }
      out.append(SUFFIX.charAt(flags));
    }
    return out.toString();
  }
}
