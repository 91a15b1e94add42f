package com.exchangesync.testbed.exchange;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a {@code Contains} restriction matches text, per its
 * {@code ContainmentMode} ({@code FullString}, {@code Prefixed},
 * {@code Substring}, {@code PrefixOnWords}, {@code ExactPhrase}) and
 * {@code ContainmentComparison} ({@code Exact}, {@code IgnoreCase},
 * {@code IgnoreNonSpacingCharacters}, {@code Loose} and their combinations).
 * Absent attributes mean {@code FullString} and {@code Exact}, as in MAPI's
 * fuzzy levels that Exchange maps them to; {@code Loose} ignores case and
 * non-spacing characters (MAPI's FL_LOOSE).
 */
record Containment(String mode, String comparison) {

  boolean matches(String value, String constant) {
    String v = normalize(value);
    String c = normalize(constant);
    return switch (mode) {
      case "Prefixed" -> v.startsWith(c);
      case "Substring" -> v.contains(c);
      case "PrefixOnWords" -> v.startsWith(c) || v.matches("(?s).*[^\\p{L}\\p{N}]" + java.util.regex.Pattern.quote(c) + ".*");
      case "ExactPhrase" -> v.matches("(?s)(.*[^\\p{L}\\p{N}])?" + java.util.regex.Pattern.quote(c) + "([^\\p{L}\\p{N}].*)?");
      default -> v.equals(c);
    };
  }

  private String normalize(String s) {
    boolean ignoreCase = comparison.contains("IgnoreCase") || comparison.startsWith("Loose");
    boolean ignoreNonSpacing = comparison.contains("NonSpac") || comparison.contains("NonSpace") || comparison.startsWith("Loose");
    String out = s;
    if (ignoreNonSpacing) {
      out = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }
    return ignoreCase ? out.toLowerCase(Locale.ROOT) : out;
  }
}
