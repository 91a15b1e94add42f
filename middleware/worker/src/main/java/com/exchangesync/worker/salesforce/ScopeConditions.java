package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.sync.FieldFilter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scope's conditions judged on a record already read, for a read that brings more than the scope (a first read
 * that also brings a match's candidates) and must tell the rep's records apart. Only the typed conditions the kinds
 * add (a checkbox, a date-time bound), whose SOQL meaning is exact: an admin's text filters (SOQL's {@code LIKE}
 * and comparisons without case, over any field type) are left to Salesforce, and a scope with one is read as before.
 */
final class ScopeConditions {

  private static final Set<FieldFilter.Operator> JUDGED = EnumSet.of(FieldFilter.Operator.IS_TRUE,
      FieldFilter.Operator.IS_FALSE, FieldFilter.Operator.AT_OR_AFTER, FieldFilter.Operator.AT);

  private ScopeConditions() {}

  /** Whether every condition can be judged here. */
  static boolean judged(List<FieldFilter> filters) {
    return filters.stream().allMatch(f -> JUDGED.contains(f.operator()));
  }

  /** Whether {@code r} meets every condition, as SOQL would (a checkbox is never null; a null date-time meets none). */
  static boolean hold(SalesforceRecord r, List<FieldFilter> filters) {
    for (FieldFilter f : filters) {
      String field = f.field(); // records are read under the names the engine uses, as the filters are
      boolean holds = switch (f.operator()) {
        case IS_TRUE -> r.bool(field);
        case IS_FALSE -> !r.bool(field);
        case AT_OR_AFTER -> r.instant(field) != null && !r.instant(field).isBefore(Instant.parse(f.value()));
        case AT -> r.instant(field) != null && r.instant(field).equals(Instant.parse(f.value()));
        default -> throw new IllegalArgumentException("not judged here: " + f);
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
