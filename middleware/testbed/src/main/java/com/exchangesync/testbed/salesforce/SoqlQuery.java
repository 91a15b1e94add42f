package com.exchangesync.testbed.salesforce;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed SOQL query (the subset the test bed serves): the selected field
 * paths or {@code COUNT()}, the object, the condition, the ordering and
 * {@code LIMIT}/{@code OFFSET}. Every node keeps the offset it came from so
 * errors can point at it.
 */
record SoqlQuery(List<Selected> fields, boolean count, String from, int fromOffset, Condition where, List<Order> orderBy,
    Integer limit, Integer offset) {

  /** One item of the SELECT list. */
  sealed interface Selected permits Path, TypeOf {}

  /** A field path such as {@code Email} or {@code Owner.Email}. */
  record Path(List<String> parts, int offset) implements Selected {
    String text() {
      return String.join(".", parts);
    }
  }

  /**
   * {@code TYPEOF Who WHEN Contact THEN Email, Account.Name WHEN Lead THEN Company ELSE Name END}: what
   * to select from a polymorphic relationship's target, by its type ({@code whens} keyed by the type as
   * written, in order; {@code otherwise} the ELSE list, possibly empty).
   */
  record TypeOf(String relationship, int offset, java.util.Map<String, List<Path>> whens, List<Path> otherwise)
      implements Selected {}

  /** One ORDER BY item. */
  record Order(Path path, boolean descending, boolean nullsFirst) {}

  /** A WHERE condition. */
  sealed interface Condition permits And, Or, Not, Compare, In {}

  /** Every part holds. */
  record And(List<Condition> parts) implements Condition {}

  /** Some part holds. */
  record Or(List<Condition> parts) implements Condition {}

  /** The part does not hold. */
  record Not(Condition part) implements Condition {}

  /** {@code path op value}; op is one of {@code = != < <= > >= LIKE}. */
  record Compare(Path path, String op, Literal value) implements Condition {}

  /** {@code path [NOT] IN (values)}. */
  record In(Path path, boolean negated, List<Literal> values) implements Condition {}

  /** A literal value. */
  sealed interface Literal permits Text, Number, Bool, Null, Date, DateTime, RelativeDate {
    int offset();
  }

  /** {@code 'text'} (unescaped; LIKE escapes kept as {@code \%} and {@code \_}). */
  record Text(String value, int offset) implements Literal {}

  /** A number. */
  record Number(BigDecimal value, int offset) implements Literal {}

  /** {@code TRUE} or {@code FALSE}. */
  record Bool(boolean value, int offset) implements Literal {}

  /** {@code NULL}. */
  record Null(int offset) implements Literal {}

  /** {@code 2024-05-01}. */
  record Date(java.time.LocalDate value, int offset) implements Literal {}

  /** {@code 2024-05-01T09:30:00Z}. */
  record DateTime(java.time.Instant value, int offset) implements Literal {}

  /** {@code TODAY}, {@code LAST_N_DAYS:30} and the like. */
  record RelativeDate(String name, Integer n, int offset) implements Literal {}
}
