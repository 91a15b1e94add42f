package com.exchangesync.testbed;

/**
 * A key under which strings that Java's case-insensitive comparisons
 * ({@code compareToIgnoreCase}, {@code equalsIgnoreCase}) call equal fall
 * together: each code point folded as those comparisons fold it (to upper
 * case, then to lower case). Two strings those comparisons call equal always
 * have the same key, so the test beds can file values under it and look them
 * up by hash; what a lookup finds is then compared as before, so a rare
 * string whose key matches without being equal changes nothing.
 */
public final class CaseFold {

  private CaseFold() {}

  /** The key of {@code text}. */
  public static String key(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int folded = Character.toLowerCase(Character.toUpperCase(cp));
      if (folded != cp && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(folded);
      }
      i += Character.charCount(cp);
    }
    return out == null ? text : out.toString();
  }
}
