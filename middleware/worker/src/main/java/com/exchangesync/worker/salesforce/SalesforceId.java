package com.exchangesync.worker.salesforce;

import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce record ids. A 15-character id is case-sensitive; the 18-character
 * form appends three characters that encode which of the first 15 are upper
 * case, so it survives case-insensitive handling. Two ids name the same record
 * when their canonical 18-character forms are equal: that is how ids (and
 * organization ids) are compared everywhere in the worker.
 */
public final class SalesforceId {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceId() {}

  /** Whether {@code id} has the shape of a 15- or 18-character id. */
  public static boolean isWellFormed(String id) {
    return canonical(id).isPresent();
  }

  /**
   * The canonical 18-character form: for a 15-character id, the id plus its
   * suffix; for an 18-character id, the first 15 characters with the case its
   * suffix records (so an id that was lower-cased somewhere is repaired) and the
   * suffix in upper case. Empty when {@code id} is not an id.
   */
  public static Optional<String> canonical(String id) {
    if (id == null || !(id.length() == 15 || id.length() == 18) || !id.chars().allMatch(SalesforceId::isAlnum)) {
      return Optional.empty();
    }
    if (id.length() == 15) {
      return Optional.of(id + suffix(id));
    }
    String suffix = id.substring(15).toUpperCase(Locale.ROOT);
    char[] body = id.substring(0, 15).toCharArray();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
      for (int i = 0; i < 5; i++) {
        char c = body[chunk * 5 + i];
        boolean upper = (bits & (1 << i)) != 0;
        if (Character.isDigit(c)) {
          if (upper) {
            return Optional.empty();
          }
          continue;
        }
        body[chunk * 5 + i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
      }
    }
    return Optional.of(new String(body) + suffix);
  }

  /** The canonical form of {@code id}, or {@code IllegalArgumentException} when it is not an id. */
  public static String require(String id) {
    return canonical(id).orElseThrow(() -> new IllegalArgumentException("not a Salesforce id: '" + id + "'"));
  }

  /** Whether {@code a} and {@code b} are ids of the same record (15 or 18 characters each). */
  public static boolean same(String a, String b) {
    Optional<String> ca = canonical(a);
    Optional<String> cb = canonical(b);
    return ca.isPresent() && ca.equals(cb);
  }

  private static String suffix(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }

  private static boolean isAlnum(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
