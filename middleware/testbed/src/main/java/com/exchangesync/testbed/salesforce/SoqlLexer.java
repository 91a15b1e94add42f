package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SOQL into tokens: identifiers and keywords, quoted strings (with the
 * backslash escapes SOQL defines), numbers, date and dateTime literals, and the
 * operators and punctuation. Anything else is {@code MALFORMED_QUERY} at its
 * position.
 */
final class SoqlLexer {

  private static final Pattern DATETIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\dT])");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private SoqlLexer() {}

  static List<SoqlToken> tokenize(String soql) {
    List<SoqlToken> out = new ArrayList<>();
    int i = 0;
    int n = soql.length();
    while (i < n) {
      char c = soql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_')) {
          i++;
        }
        out.add(new SoqlToken(SoqlToken.Kind.IDENT, soql.substring(start, i), start));
      } else if (c == '\'') {
        i = string(soql, i, out);
      } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < n && Character.isDigit(soql.charAt(i + 1))
          && !previousIsValue(out))) {
        i = numberOrDate(soql, i, out);
      } else {
        String two = i + 1 < n ? soql.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
          out.add(new SoqlToken(SoqlToken.Kind.SYMBOL, two.equals("<>") ? "!=" : two, i));
          i += 2;
        } else if ("=<>(),.:".indexOf(c) >= 0) {
          out.add(new SoqlToken(SoqlToken.Kind.SYMBOL, String.valueOf(c), i));
          i++;
        } else {
          throw SoqlException.malformed(i, "unexpected token: '" + c + "'");
        }
      }
    }
    out.add(new SoqlToken(SoqlToken.Kind.EOF, "", n));
    return out;
  }

  private static boolean previousIsValue(List<SoqlToken> out) {
    if (out.isEmpty()) {
      return false;
    }
    SoqlToken last = out.get(out.size() - 1);
    return last.kind() == SoqlToken.Kind.NUMBER || last.isSymbol(")");
  }

  private static int string(String soql, int start, List<SoqlToken> out) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < soql.length()) {
      char c = soql.charAt(i);
      if (c == '\'') {
        out.add(new SoqlToken(SoqlToken.Kind.STRING, value.toString(), start));
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= soql.length()) {
          break;
        }
        char e = soql.charAt(i + 1);
        switch (e) {
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case '\'', '"', '\\' -> value.append(e);
          // LIKE wildcards stay escaped so the pattern can tell them from wildcards.
          case '%', '_' -> value.append('\\').append(e);
          default -> throw SoqlException.malformed(i, "Invalid string literal '" + soql.substring(start, Math.min(soql.length(), i + 2))
              + "'. Illegal character sequence '\\" + e + "' in string literal.");
        }
        i += 2;
      } else {
        value.append(c);
        i++;
      }
    }
    throw SoqlException.malformed(start, "line 1:" + start + " mismatched character '<EOF>' expecting '''");
  }

  private static int numberOrDate(String soql, int start, List<SoqlToken> out) {
    Matcher dt = DATETIME.matcher(soql).region(start, soql.length());
    if (dt.lookingAt()) {
      out.add(new SoqlToken(SoqlToken.Kind.DATETIME, dt.group(), start));
      return dt.end();
    }
    Matcher d = DATE.matcher(soql).region(start, soql.length());
    if (d.lookingAt()) {
      out.add(new SoqlToken(SoqlToken.Kind.DATE, d.group(), start));
      return d.end();
    }
    Matcher num = NUMBER.matcher(soql).region(start, soql.length());
    if (num.lookingAt()) {
      int end = num.end();
      if (end < soql.length() && (Character.isLetter(soql.charAt(end)) || soql.charAt(end) == '_' || soql.charAt(end) == '-')) {
        throw SoqlException.malformed(start, "unexpected token: '" + soql.substring(start, Math.min(soql.length(), end + 1)) + "'");
      }
      out.add(new SoqlToken(SoqlToken.Kind.NUMBER, num.group(), start));
      return end;
    }
    throw SoqlException.malformed(start, "unexpected token: '" + soql.charAt(start) + "'");
  }
}
