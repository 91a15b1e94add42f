package com.exchangesync.testbed.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the SOQL the middleware sends:
 * {@code SELECT field, Parent.field, TYPEOF ... END | COUNT() FROM object [WHERE ...]
 * [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]}, with
 * {@code = != < <= > >= LIKE [NOT] IN}, {@code AND}, {@code OR}, {@code NOT},
 * parentheses, and string, number, boolean, null, date, dateTime and relative
 * date literals. As in SOQL, {@code AND} and {@code OR} cannot be mixed
 * without parentheses. Anything else is {@code MALFORMED_QUERY}.
 */
final class SoqlParser {

  private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY",
      "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE", "ASC", "DESC", "NULLS", "GROUP", "HAVING", "WITH", "FOR", "INCLUDES", "EXCLUDES",
      "TYPEOF", "WHEN", "THEN", "ELSE", "END");

  private final List<SoqlToken> tokens;
  private int pos;

  private SoqlParser(List<SoqlToken> tokens) {
    this.tokens = tokens;
  }

  static SoqlQuery parse(String soql) {
    return new SoqlParser(SoqlLexer.tokenize(soql)).query();
  }

  private SoqlQuery query() {
    expectWord("SELECT");
    List<SoqlQuery.Selected> fields = new ArrayList<>();
    boolean count = false;
    if (peek().is("COUNT") && tokens.get(pos + 1).isSymbol("(")) {
      next();
      expectSymbol("(");
      expectSymbol(")");
      count = true;
    } else {
      do {
        if (peek().isSymbol("(")) {
          throw SoqlException.malformed(peek().offset(), "relationship sub-queries are not served by this test bed");
        }
        fields.add(peek().is("TYPEOF") ? typeOf() : path());
      } while (acceptSymbol(","));
    }
    expectWord("FROM");
    SoqlToken from = identifier();
    SoqlQuery.Condition where = null;
    if (acceptWord("WHERE")) {
      where = condition();
    }
    List<SoqlQuery.Order> order = new ArrayList<>();
    if (acceptWord("ORDER")) {
      expectWord("BY");
      do {
        order.add(order());
      } while (acceptSymbol(","));
    }
    Integer limit = acceptWord("LIMIT") ? nonNegativeInt() : null;
    Integer offset = acceptWord("OFFSET") ? nonNegativeInt() : null;
    if (peek().kind() != SoqlToken.Kind.EOF) {
      throw unexpected(peek());
    }
    return new SoqlQuery(List.copyOf(fields), count, from.text(), from.offset(), where, List.copyOf(order), limit, offset);
  }

  /** {@code TYPEOF relationship (WHEN type THEN field, ...)+ [ELSE field, ...] END}. */
  private SoqlQuery.TypeOf typeOf() {
    next();
    SoqlToken relationship = identifier();
    java.util.Map<String, List<SoqlQuery.Path>> whens = new java.util.LinkedHashMap<>();
    while (acceptWord("WHEN")) {
      SoqlToken type = identifier();
      expectWord("THEN");
      whens.put(type.text(), fieldList());
    }
    if (whens.isEmpty()) {
      throw unexpected(peek());
    }
    List<SoqlQuery.Path> otherwise = acceptWord("ELSE") ? fieldList() : List.of();
    expectWord("END");
    return new SoqlQuery.TypeOf(relationship.text(), relationship.offset(), whens, otherwise);
  }

  /** Fields after THEN or ELSE: a comma goes on with the list until WHEN, ELSE or END. */
  private List<SoqlQuery.Path> fieldList() {
    List<SoqlQuery.Path> paths = new ArrayList<>();
    paths.add(path());
    while (acceptSymbol(",")) {
      paths.add(path());
    }
    return List.copyOf(paths);
  }

  private SoqlQuery.Order order() {
    SoqlQuery.Path path = path();
    boolean desc = false;
    if (acceptWord("DESC")) {
      desc = true;
    } else {
      acceptWord("ASC");
    }
    boolean nullsFirst = !desc;
    if (acceptWord("NULLS")) {
      if (acceptWord("FIRST")) {
        nullsFirst = true;
      } else if (acceptWord("LAST")) {
        nullsFirst = false;
      } else {
        throw unexpected(peek());
      }
    }
    return new SoqlQuery.Order(path, desc, nullsFirst);
  }

  private SoqlQuery.Condition condition() {
    List<SoqlQuery.Condition> parts = new ArrayList<>();
    parts.add(unary());
    String connective = null;
    while (peek().is("AND") || peek().is("OR")) {
      SoqlToken op = next();
      String word = op.text().toUpperCase(Locale.ROOT);
      if (connective != null && !connective.equals(word)) {
        throw unexpected(op);
      }
      connective = word;
      parts.add(unary());
    }
    if (connective == null) {
      return parts.get(0);
    }
    return connective.equals("AND") ? new SoqlQuery.And(List.copyOf(parts)) : new SoqlQuery.Or(List.copyOf(parts));
  }

  private SoqlQuery.Condition unary() {
    if (acceptWord("NOT")) {
      return new SoqlQuery.Not(unary());
    }
    if (acceptSymbol("(")) {
      SoqlQuery.Condition inner = condition();
      expectSymbol(")");
      return inner;
    }
    return comparison();
  }

  private SoqlQuery.Condition comparison() {
    SoqlQuery.Path path = path();
    SoqlToken op = next();
    if (op.is("IN") || (op.is("NOT") && peek().is("IN"))) {
      boolean negated = op.is("NOT");
      if (negated) {
        next();
      }
      expectSymbol("(");
      if (peek().is("SELECT")) {
        throw SoqlException.malformed(peek().offset(), "semi-join sub-selects are not served by this test bed");
      }
      List<SoqlQuery.Literal> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (acceptSymbol(","));
      expectSymbol(")");
      return new SoqlQuery.In(path, negated, List.copyOf(values));
    }
    if (op.is("LIKE")) {
      return new SoqlQuery.Compare(path, "LIKE", literal());
    }
    if (op.kind() == SoqlToken.Kind.SYMBOL && Set.of("=", "!=", "<", "<=", ">", ">=").contains(op.text())) {
      return new SoqlQuery.Compare(path, op.text(), literal());
    }
    throw unexpected(op);
  }

  private SoqlQuery.Literal literal() {
    SoqlToken t = next();
    switch (t.kind()) {
      case STRING:
        return new SoqlQuery.Text(t.text(), t.offset());
      case NUMBER:
        return new SoqlQuery.Number(new BigDecimal(t.text()), t.offset());
      case DATE:
        try {
          return new SoqlQuery.Date(LocalDate.parse(t.text()), t.offset());
        } catch (java.time.DateTimeException e) {
          throw SoqlException.malformed(t.offset(), "line 1:" + t.offset() + " no viable alternative at character '" + t.text() + "'");
        }
      case DATETIME:
        try {
          return new SoqlQuery.DateTime(FieldValues.parseDateTime(normalizeOffset(t.text())), t.offset());
        } catch (java.time.DateTimeException e) {
          throw SoqlException.malformed(t.offset(), "line 1:" + t.offset() + " no viable alternative at character '" + t.text() + "'");
        }
      case IDENT:
        if (t.is("NULL")) {
          return new SoqlQuery.Null(t.offset());
        }
        if (t.is("TRUE") || t.is("FALSE")) {
          return new SoqlQuery.Bool(t.is("TRUE"), t.offset());
        }
        String name = t.text().toUpperCase(Locale.ROOT);
        if (DateLiterals.takesN(name)) {
          expectSymbol(":");
          return new SoqlQuery.RelativeDate(name, nonNegativeInt(), t.offset());
        }
        if (DateLiterals.known(name)) {
          return new SoqlQuery.RelativeDate(name, null, t.offset());
        }
        throw unexpected(t);
      default:
        throw unexpected(t);
    }
  }

  private static String normalizeOffset(String text) {
    // SOQL accepts +hhmm as well as +hh:mm
    if (text.matches(".*[+-]\\d{4}$")) {
      return text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
    }
    return text;
  }

  private SoqlQuery.Path path() {
    SoqlToken first = identifier();
    List<String> parts = new ArrayList<>();
    parts.add(first.text());
    while (acceptSymbol(".")) {
      parts.add(identifier().text());
    }
    return new SoqlQuery.Path(List.copyOf(parts), first.offset());
  }

  private SoqlToken identifier() {
    SoqlToken t = next();
    if (t.kind() != SoqlToken.Kind.IDENT || RESERVED.contains(t.text().toUpperCase(Locale.ROOT))) {
      throw unexpected(t);
    }
    return t;
  }

  private int nonNegativeInt() {
    SoqlToken t = next();
    if (t.kind() != SoqlToken.Kind.NUMBER || !t.text().matches("\\d{1,9}")) {
      throw unexpected(t);
    }
    return Integer.parseInt(t.text());
  }

  private SoqlToken peek() {
    return tokens.get(pos);
  }

  private SoqlToken next() {
    SoqlToken t = tokens.get(pos);
    if (t.kind() != SoqlToken.Kind.EOF) {
      pos++;
    }
    return t;
  }

  private boolean acceptWord(String word) {
    if (peek().is(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    if (!acceptWord(word)) {
      throw unexpected(peek());
    }
  }

  private void expectSymbol(String symbol) {
    if (!acceptSymbol(symbol)) {
      throw unexpected(peek());
    }
  }

  private static SoqlException unexpected(SoqlToken t) {
    return SoqlException.malformed(t.offset(), "unexpected token: " + t.shown());
  }
}
