package com.exchangesync.testbed.salesforce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A formula field's value, computed from the row it is read on, as an org computes it at every read (formula values
 * are never stored). The test bed evaluates the subset the package's formulas use: fields of the same record,
 * {@code TRUE}/{@code FALSE}, the comparisons {@code = == <> != < > <= >=}, {@code AND()}/{@code OR()}/{@code NOT()}
 * and {@code && || !}, parentheses. Anything else (other functions, literals, {@code $User}, a related record's
 * field) is not parsed, and the field then reads null, as every formula did before: a guess would be worse than a
 * visible blank.
 *
 * <p>Blanks follow the field's {@code formulaTreatBlanksAs}: with {@code BlankAsZero} a blank number reads 0, a blank
 * text "" and a blank checkbox false (dates have no zero and stay blank); a comparison with a blank is blank, and
 * {@code AND}/{@code OR}/{@code NOT} treat blank as unknown ({@code OR(blank, TRUE)} is true). A checkbox formula is
 * never blank in an org: a blank result reads false. Text compares with case, as formulas do (SOQL does not).
 *
 * <p>Because only the row's own fields are read, the value changes only when the row is stored again, so the store's
 * indexes (made from {@link Row#get}) stay right.
 */
final class Formula {

  private final Node root;
  private final boolean checkbox;

  private Formula(Node root, boolean checkbox) {
    this.root = root;
    this.checkbox = checkbox;
  }

  /**
   * The formula {@code text} of {@code field} on {@code type}, or empty when it is outside the subset the test bed
   * evaluates. {@code resolve} turns a name as written into the field's definition (null if unknown).
   */
  static Optional<Formula> parse(String text, FieldDef field, boolean blankAsZero, Function<String, FieldDef> resolve) {
    try {
      Parser p = new Parser(tokens(text), blankAsZero, resolve, field.name());
      Node root = p.expression();
      p.end();
      if (root.kind() != kindOf(field.type())) {
        return Optional.empty(); // the org would refuse a formula whose result is not the field's type
      }
      return Optional.of(new Formula(root, field.type() == FieldType.BOOLEAN));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** The value on {@code row}, from its current fields. */
  Object value(Row row) {
    Object v = root.eval(row);
    return checkbox && v == null ? Boolean.FALSE : v;
  }

  // --- what a formula is made of -------------------------------------------------------------------

  /** The kinds of value the subset handles; numbers and ids compare with their own kind. */
  private enum Kind { BOOLEAN, TEXT, NUMBER, DATE, DATETIME }

  private interface Node {
    Object eval(Row row);

    Kind kind();
  }

  private record Literal(Boolean value) implements Node {
    public Object eval(Row row) {
      return value;
    }

    public Kind kind() {
      return Kind.BOOLEAN;
    }
  }

  private record Field(String name, Kind kind, Object zero) implements Node {
    public Object eval(Row row) {
      Object v = row.get(name);
      return v == null || v instanceof String s && s.isEmpty() ? zero : v;
    }
  }

  private record Not(Node operand) implements Node {
    public Object eval(Row row) {
      return operand.eval(row) instanceof Boolean b ? !b : null;
    }

    public Kind kind() {
      return Kind.BOOLEAN;
    }
  }

  /** AND (all) or OR (any), with blank as unknown. */
  private record Logic(boolean all, List<Node> operands) implements Node {
    public Object eval(Row row) {
      boolean unknown = false;
      for (Node n : operands) {
        Object v = n.eval(row);
        if (v == null) {
          unknown = true;
        } else if ((Boolean) v != all) {
          return !all; // AND met a false, OR a true
        }
      }
      return unknown ? null : all;
    }

    public Kind kind() {
      return Kind.BOOLEAN;
    }
  }

  private record Compare(String op, Node left, Node right) implements Node {
    public Object eval(Row row) {
      Object a = left.eval(row);
      Object b = right.eval(row);
      if (a == null || b == null) {
        return null;
      }
      int c = compare(a, b);
      return switch (op) {
        case "=", "==" -> c == 0;
        case "<>", "!=" -> c != 0;
        case "<" -> c < 0;
        case ">" -> c > 0;
        case "<=" -> c <= 0;
        default -> c >= 0;
      };
    }

    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
      if (a instanceof String x && b instanceof String y) {
        String cx = SalesforceIds.canonical(x);
        String cy = SalesforceIds.canonical(y);
        return cx != null && cy != null ? cx.compareTo(cy) : x.compareTo(y); // an id is the same in 15 or 18 characters
      }
      if (a instanceof Number x && b instanceof Number y) {
        return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
      }
      return ((Comparable) a).compareTo(b);
    }
  }

  private static Kind kindOf(FieldType type) {
    return switch (type.kind) {
      case ID, TEXT -> Kind.TEXT;
      case BOOLEAN -> Kind.BOOLEAN;
      case INTEGER, NUMBER -> Kind.NUMBER;
      case DATE -> Kind.DATE;
      case DATETIME -> Kind.DATETIME;
    };
  }

  // --- reading the text ----------------------------------------------------------------------------

  /** The formula uses something the test bed does not evaluate. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final List<String> SYMBOLS = List.of("==", "<>", "!=", "<=", ">=", "&&", "||", "=", "<", ">", "!", "(", ")", ",");

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        out.add(text.substring(start, i));
      } else {
        int at = i;
        String symbol = SYMBOLS.stream().filter(s -> text.startsWith(s, at)).findFirst().orElseThrow(Unsupported::new);
        out.add(symbol);
        i += symbol.length();
      }
    }
    return out;
  }

  /** Recursive descent, by the formula operators' precedence: comparisons, then {@code &&}, then {@code ||}. */
  private static final class Parser {
    private final List<String> tokens;
    private final boolean blankAsZero;
    private final Function<String, FieldDef> resolve;
    private final String self;
    private int at;

    Parser(List<String> tokens, boolean blankAsZero, Function<String, FieldDef> resolve, String self) {
      this.tokens = tokens;
      this.blankAsZero = blankAsZero;
      this.resolve = resolve;
      this.self = self;
    }

    Node expression() {
      Node left = and();
      while (take("||")) {
        left = new Logic(false, List.of(bool(left), bool(and())));
      }
      return left;
    }

    private Node and() {
      Node left = comparison();
      while (take("&&")) {
        left = new Logic(true, List.of(bool(left), bool(comparison())));
      }
      return left;
    }

    private Node comparison() {
      Node left = unary();
      String op = peek();
      if (List.of("=", "==", "<>", "!=", "<", ">", "<=", ">=").contains(op)) {
        at++;
        Node right = unary();
        if (left.kind() != right.kind()) {
          throw new Unsupported(); // the org refuses to compare a date with a text
        }
        return new Compare(op, left, right);
      }
      return left;
    }

    private Node unary() {
      if (take("!")) {
        return new Not(bool(unary()));
      }
      if (take("(")) {
        Node inner = expression();
        expect(")");
        return inner;
      }
      String name = next();
      String upper = name.toUpperCase(Locale.ROOT);
      if (take("(")) {
        List<Node> args = new ArrayList<>();
        do {
          args.add(bool(expression()));
        } while (take(","));
        expect(")");
        return switch (upper) {
          case "AND" -> new Logic(true, args);
          case "OR" -> new Logic(false, args);
          case "NOT" -> {
            if (args.size() != 1) {
              throw new Unsupported();
            }
            yield new Not(args.get(0));
          }
          default -> throw new Unsupported();
        };
      }
      if (upper.equals("TRUE") || upper.equals("FALSE")) {
        return new Literal(upper.equals("TRUE"));
      }
      FieldDef f = Character.isLetter(name.charAt(0)) ? resolve.apply(name) : null;
      if (f == null || f.name().equals(self)) {
        throw new Unsupported();
      }
      Kind kind = kindOf(f.type());
      return new Field(f.name(), kind, blankAsZero ? zero(kind) : null);
    }

    private static Object zero(Kind kind) {
      return switch (kind) {
        case TEXT -> "";
        case NUMBER -> BigDecimal.ZERO;
        case BOOLEAN -> Boolean.FALSE;
        case DATE, DATETIME -> null;
      };
    }

    private static Node bool(Node n) {
      if (n.kind() != Kind.BOOLEAN) {
        throw new Unsupported();
      }
      return n;
    }

    void end() {
      if (at != tokens.size()) {
        throw new Unsupported();
      }
    }

    private String peek() {
      return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next() {
      if (at >= tokens.size()) {
        throw new Unsupported();
      }
      return tokens.get(at++);
    }

    private boolean take(String token) {
      if (peek().equals(token)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!take(token)) {
        throw new Unsupported();
      }
    }
  }
}
