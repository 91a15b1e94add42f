package com.exchangesync.testbed.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record of a write call, already resolved against the schema: its type,
 * the id it names (null on create), the field values it sets (a null value
 * clears the field), and any problems found while reading it (a value of the
 * wrong type, an injected lock error), which fail it without touching the store.
 */
final class Change {

  final SObjectType type;
  final String id;
  final Map<FieldDef, Object> values = new LinkedHashMap<>();
  final List<SaveError> problems = new ArrayList<>();

  Change(SObjectType type, String id) {
    this.type = type;
    this.id = id;
  }

  Object value(String field) {
    for (Map.Entry<FieldDef, Object> e : values.entrySet()) {
      if (e.getKey().name().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The same change aimed at the record {@code newId} (an upsert that matched). */
  Change withId(String newId) {
    Change c = new Change(type, newId);
    c.values.putAll(values);
    c.problems.addAll(problems);
    return c;
  }
}
