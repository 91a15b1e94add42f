package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code $filter} expressions a sync needs, evaluated on an item's full
 * Graph JSON: comparisons ({@code eq ne gt ge lt le}) of a property path
 * ({@code surname}, {@code start/dateTime}) with a string, number, boolean or
 * {@code null}; {@code and}, {@code or}, {@code not}, parentheses; and
 * {@code any} over a collection ({@code emailAddresses/any(a: a/address eq '…')},
 * {@code singleValueExtendedProperties/Any(ep: ep/id eq 'String {guid} Name X' and ep/value eq '…')}).
 * Text compares without regard to case, as Exchange compares it; an extended
 * property id compares by its property set, name and type. Anything else is
 * Exchange Online's {@code ErrorInvalidUrlQueryFilter}.
 */
final class ODataFilter {

  private final List<String> tokens;
  /** Whether a bare {@code id} names an extended property (the {@code $expand=singleValueExtendedProperties($filter=…)} form). */
  private final boolean extendedIds;
  private int pos;

  private ODataFilter(List<String> tokens, boolean extendedIds) {
    this.tokens = tokens;
    this.extendedIds = extendedIds;
  }

  /**
   * Parses {@code text}.
   *
   * @throws GraphError {@code ErrorInvalidUrlQueryFilter} for what this grammar does not read
   */
  static Predicate<JsonObject> parse(String text) {
    return parse(text, false);
  }

  /** As {@link #parse(String)}; with {@code extendedIds}, {@code id eq '…'} compares extended property ids. */
  static Predicate<JsonObject> parse(String text, boolean extendedIds) {
    ODataFilter parser = new ODataFilter(tokenize(text), extendedIds);
    Predicate<JsonObject> p = parser.or(null);
    if (parser.pos != parser.tokens.size()) {
      throw invalid();
    }
    return p;
  }

  static GraphError invalid() {
    return new GraphError(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
  }

  private Predicate<JsonObject> or(String variable) {
    Predicate<JsonObject> left = and(variable);
    while (peekWord("or")) {
      pos++;
      Predicate<JsonObject> l = left;
      Predicate<JsonObject> r = and(variable);
      left = j -> l.test(j) || r.test(j);
    }
    return left;
  }

  private Predicate<JsonObject> and(String variable) {
    Predicate<JsonObject> left = unary(variable);
    while (peekWord("and")) {
      pos++;
      Predicate<JsonObject> l = left;
      Predicate<JsonObject> r = unary(variable);
      left = j -> l.test(j) && r.test(j);
    }
    return left;
  }

  private Predicate<JsonObject> unary(String variable) {
    if (peekWord("not")) {
      pos++;
      Predicate<JsonObject> inner = unary(variable);
      return inner.negate();
    }
    if (peek("(")) {
      pos++;
      Predicate<JsonObject> inner = or(variable);
      expect(")");
      return inner;
    }
    return comparisonOrAny(variable);
  }

  private Predicate<JsonObject> comparisonOrAny(String variable) {
    String path = next();
    if (path == null || !path.matches("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_@.][A-Za-z0-9_@.]*)*")) {
      throw invalid();
    }
    List<String> parts = new ArrayList<>(List.of(path.split("/")));
    if (variable != null) {
      if (!parts.get(0).equals(variable)) {
        throw invalid();
      }
      parts.remove(0);
    }
    String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    if (last.equalsIgnoreCase("any")) {
      parts.remove(parts.size() - 1);
      expect("(");
      String inner = next();
      expect(":");
      Predicate<JsonObject> condition = or(inner);
      expect(")");
      Predicate<JsonObject> c = condition;
      return j -> {
        Object collection = value(j, parts);
        if (collection instanceof JsonArray list) {
          for (Object o : list) {
            if (o instanceof JsonObject element && c.test(element)) {
              return true;
            }
          }
        }
        return false;
      };
    }
    String op = next();
    if (op == null || !List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op.toLowerCase(Locale.ROOT))) {
      throw invalid();
    }
    Object literal = literal(next());
    String operator = op.toLowerCase(Locale.ROOT);
    // An extended property's id compares as written back (lower-case property set), however the filter cases it.
    boolean idOfExtended = parts.equals(List.of("id")) && (variable != null || extendedIds);
    Object wanted = idOfExtended && literal instanceof String s ? ExtendedProperties.id(ExtendedProperties.key(s)) : literal;
    return j -> compare(value(j, parts), operator, wanted);
  }

  private static boolean compare(Object actual, String op, Object wanted) {
    int c;
    if (actual == null || wanted == null) {
      boolean same = actual == null && wanted == null;
      return switch (op) {
        case "eq" -> same;
        case "ne" -> !same;
        default -> false;
      };
    }
    if (actual instanceof Number a && wanted instanceof Number w) {
      c = Double.compare(a.doubleValue(), w.doubleValue());
    } else if (actual instanceof Boolean a && wanted instanceof Boolean w) {
      c = a.equals(w) ? 0 : 1;
    } else {
      c = String.valueOf(actual).compareToIgnoreCase(String.valueOf(wanted));
    }
    return switch (op) {
      case "eq" -> c == 0;
      case "ne" -> c != 0;
      case "gt" -> c > 0;
      case "ge" -> c >= 0;
      case "lt" -> c < 0;
      default -> c <= 0;
    };
  }

  private static Object value(JsonObject j, List<String> parts) {
    Object current = j;
    for (String p : parts) {
      if (!(current instanceof JsonObject o)) {
        return null;
      }
      current = o.getValue(p);
    }
    return current;
  }

  private static Object literal(String token) {
    if (token == null) {
      throw invalid();
    }
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    switch (token.toLowerCase(Locale.ROOT)) {
      case "null" -> {
        return null;
      }
      case "true" -> {
        return true;
      }
      case "false" -> {
        return false;
      }
      default -> { }
    }
    try {
      return token.contains(".") ? Double.parseDouble(token) : (Object) Long.parseLong(token);
    } catch (NumberFormatException e) {
      // an unquoted date-time literal compares as its text
      if (token.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?")) {
        return token;
      }
      throw invalid();
    }
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ':' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'') {
        int j = i + 1;
        while (true) {
          if (j >= text.length()) {
            throw invalid();
          }
          if (text.charAt(j) == '\'') {
            if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        out.add(text.substring(i, j + 1));
        i = j + 1;
      } else {
        int j = i;
        while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && "():,'".indexOf(text.charAt(j)) < 0) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private boolean peek(String token) {
    return pos < tokens.size() && tokens.get(pos).equals(token);
  }

  private boolean peekWord(String word) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
  }

  private String next() {
    return pos < tokens.size() ? tokens.get(pos++) : null;
  }

  private void expect(String token) {
    if (!token.equals(next())) {
      throw invalid();
    }
  }
}
