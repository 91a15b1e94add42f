package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * One of a configuration's contact field filters (Salesforce to Exchange only):
 * a field, an operator and a value, as the admin chose them. They are turned into
 * SOQL only through the query builder, which checks the field name and quotes
 * the value, so no filter text can change the query's shape.
 */
public record FieldFilter(String field, Operator operator, String value) {

  /** What the Setup page offers. */
  public enum Operator { EQUALS, NOT_EQUALS, STARTS_WITH, CONTAINS }

  public FieldFilter {
    Objects.requireNonNull(field);
    Objects.requireNonNull(operator);
    value = value == null ? "" : value;
  }
}
