package com.exchangesync.worker.salesforce;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds SOQL so that no value can change a query's meaning: field and object
 * names must match {@link #NAME} (letters, digits, underscores, dotted
 * relationship paths), values only enter as literals written here (strings
 * quoted and escaped, ids validated, datetimes formatted, numbers as numbers),
 * and conditions are {@link Condition}s, which only this class makes.
 *
 * <p>Escaping follows the SOQL reference: inside single quotes a backslash
 * starts an escape sequence ({@code \n \r \t \b \f \" \' \\}); any other
 * character stands for itself.
 */
public final class Soql {

  /** An API name or dotted path of API names. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}(\\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}");

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final List<String> fields;
  private String object;
  private final List<Condition> where = new ArrayList<>();
  private String orderBy;
  private Integer limit;

  private Soql(List<String> fields) {
    this.fields = fields;
  }

  /** A condition, only made by this class's factory methods. */
  public static final class Condition {
    private final String text;

    private Condition(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code SELECT fields}; each name is checked. */
  public static Soql select(Collection<String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a query selects at least one field");
    }
    return new Soql(fields.stream().map(Soql::name).toList());
  }

  /** {@code SELECT fields}; each name is checked. */
  public static Soql select(String... fields) {
    return select(List.of(fields));
  }

  /** {@code FROM object}. */
  public Soql from(String object) {
    this.object = name(object);
    return this;
  }

  /** Adds a condition; several are joined with AND. */
  public Soql where(Condition condition) {
    where.add(condition);
    return this;
  }

  /** {@code ORDER BY field ASC}. */
  public Soql orderBy(String field) {
    this.orderBy = name(field) + " ASC";
    return this;
  }

  /** {@code ORDER BY a ASC, b ASC}. */
  public Soql orderBy(String first, String second) {
    this.orderBy = name(first) + " ASC, " + name(second) + " ASC";
    return this;
  }

  /** {@code LIMIT n}. */
  public Soql limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("LIMIT must be positive");
    }
    this.limit = n;
    return this;
  }

  /** The query text. */
  public String build() {
    if (object == null) {
      throw new IllegalStateException("a query needs FROM");
    }
    StringBuilder q = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(object);
    if (!where.isEmpty()) {
      q.append(" WHERE ").append(and(where.toArray(Condition[]::new)).text);
    }
    if (orderBy != null) {
      q.append(" ORDER BY ").append(orderBy);
    }
    if (limit != null) {
      q.append(" LIMIT ").append(limit);
    }
    return q.toString();
  }

  @Override
  public String toString() {
    return build();
  }

  /** Checks an API name (or dotted path) and returns it. */
  public static String name(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.contains("___") || name.endsWith("_")) {
      throw new IllegalArgumentException("not a field or object name: '" + name + "'");
    }
    return name;
  }

  /** A string literal, quoted and escaped. */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A datetime literal in UTC ({@code 2026-01-02T03:04:05.000Z}, unquoted as SOQL wants). */
  public static String datetime(Instant instant) {
    return DATETIME.format(instant);
  }

  /** An id literal: a 15- or 18-character id, quoted; anything else is refused. */
  public static String id(String id) {
    if (!SalesforceId.isWellFormed(id)) {
      throw new IllegalArgumentException("not a Salesforce id: '" + id + "'");
    }
    return "'" + id + "'";
  }

  /** {@code field = 'value'}. */
  public static Condition eq(String field, String value) {
    return new Condition(name(field) + " = " + string(value));
  }

  /** {@code field != 'value'}. */
  public static Condition notEq(String field, String value) {
    return new Condition(name(field) + " != " + string(value));
  }

  /**
   * {@code field LIKE 'prefix%'} or {@code '%part%'}: the value's own {@code %}
   * and {@code _} are escaped, so it matches literally.
   */
  public static Condition like(String field, String value, boolean startsWith) {
    String escaped = string(value);
    String inner = escaped.substring(1, escaped.length() - 1).replace("%", "\\%").replace("_", "\\_");
    return new Condition(name(field) + " LIKE '" + (startsWith ? "" : "%") + inner + "%'");
  }

  /** {@code field = true|false}. */
  public static Condition eq(String field, boolean value) {
    return new Condition(name(field) + " = " + value);
  }

  /** {@code field = 'id'}. */
  public static Condition eqId(String field, String id) {
    return new Condition(name(field) + " = " + id(id));
  }

  /** {@code field != 'id'}. */
  public static Condition notEqId(String field, String id) {
    return new Condition(name(field) + " != " + id(id));
  }

  /** {@code field > datetime}. */
  public static Condition after(String field, Instant instant) {
    return new Condition(name(field) + " > " + datetime(instant));
  }

  /** {@code field > 'id'}: ids compare in the order {@code ORDER BY field} gives them. */
  public static Condition afterId(String field, String id) {
    return new Condition(name(field) + " > " + id(id));
  }

  /** {@code field = datetime}. */
  public static Condition at(String field, Instant instant) {
    return new Condition(name(field) + " = " + datetime(instant));
  }

  /** {@code field >= datetime}. */
  public static Condition atOrAfter(String field, Instant instant) {
    return new Condition(name(field) + " >= " + datetime(instant));
  }

  /** {@code field IN ('id', …)}; at least one id. */
  public static Condition inIds(String field, Collection<String> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    return new Condition(name(field) + " IN (" + String.join(", ", ids.stream().map(Soql::id).toList()) + ")");
  }

  /** {@code field IN ('a', …)}; at least one value. */
  public static Condition in(String field, Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    return new Condition(name(field) + " IN (" + String.join(", ", values.stream().map(Soql::string).toList()) + ")");
  }

  /**
   * Splits values for {@link #in} conditions so that each list, quoted and joined, takes at most {@code maxChars}
   * characters: as few queries as the statement's length allows, where a fixed number of values per list would
   * send many short queries for short values (emails) or risk the limit for long ones.
   */
  public static List<List<String>> inChunks(Collection<String> values, int maxChars) {
    List<List<String>> out = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    int chars = 0;
    for (String v : values) {
      int cost = string(v).length() + 2; // the literal and its ", "
      if (!chunk.isEmpty() && chars + cost > maxChars) {
        out.add(chunk);
        chunk = new ArrayList<>();
        chars = 0;
      }
      chunk.add(v);
      chars += cost;
    }
    if (!chunk.isEmpty()) {
      out.add(chunk);
    }
    return out;
  }

  /** {@code (a AND b …)}. */
  public static Condition and(Condition... conditions) {
    return join(" AND ", conditions);
  }

  /** {@code (a OR b …)}. */
  public static Condition or(Condition... conditions) {
    return join(" OR ", conditions);
  }

  private static Condition join(String op, Condition... conditions) {
    if (conditions.length == 1) {
      return conditions[0];
    }
    List<String> parts = new ArrayList<>();
    for (Condition c : conditions) {
      parts.add(c.text);
    }
    return new Condition("(" + String.join(op, parts) + ")");
  }
}
