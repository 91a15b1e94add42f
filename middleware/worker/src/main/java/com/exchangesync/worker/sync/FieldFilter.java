package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * One condition on a Salesforce field: a configuration's field filter as the
 * admin chose it (Salesforce to Exchange only), or one a kind's rules add. They
 * become SOQL only through the query builder, which checks the field name and
 * writes the value as a literal of the operator's type, so no filter text can
 * change the query's shape.
 */
public record FieldFilter(String field, Operator operator, String value) {

  /** The text operators the Setup page offers, and the typed ones the kinds use. */
  public enum Operator {
    EQUALS, NOT_EQUALS, STARTS_WITH, CONTAINS,
    /** The checkbox is checked ({@code value} unused). */
    IS_TRUE,
    /** The checkbox is not checked ({@code value} unused). */
    IS_FALSE,
    /** A date-time at or after {@code value}, an ISO-8601 instant. */
    AT_OR_AFTER,
    /** A date-time equal to {@code value}, an ISO-8601 instant. */
    AT,
    /** A date-time equal to one of {@code value}'s ISO-8601 instants, separated by commas. */
    AT_ANY
  }

  public FieldFilter {
    Objects.requireNonNull(field);
    Objects.requireNonNull(operator);
    value = value == null ? "" : value;
  }
}
