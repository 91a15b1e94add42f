package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored record: its type, 18-character id and field values keyed by the
 * fields' API names (values are typed, see {@link FieldType}; absent = null).
 * A deleted row stays, flagged, as in the recycle bin: {@code queryAll} and
 * {@code getDeleted} still see it. Changed only under the store's lock.
 */
final class Row {

  final SObjectType type;
  final String id;
  final Map<String, Object> values = new LinkedHashMap<>();
  Instant deletedAt;

  Row(SObjectType type, String id) {
    this.type = type;
    this.id = id;
  }

  /** The field's value; a formula's is computed from the row's other fields now, as an org never stores one. */
  Object get(String field) {
    Formula formula = type.formulas.isEmpty() ? null : type.formulas.get(field);
    return formula == null ? values.get(field) : formula.value(this);
  }

  boolean deleted() {
    return deletedAt != null;
  }

  /** A copy to change before committing (the original stays as it was if the write fails). */
  Row copy() {
    Row r = new Row(type, id);
    r.values.putAll(values);
    r.deletedAt = deletedAt;
    return r;
  }
}
