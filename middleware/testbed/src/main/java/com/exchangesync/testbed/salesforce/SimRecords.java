package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Records in the admin API's JSON: field API names to values (text, numbers,
 * booleans, ISO-8601 dates and times), as a person would fill them in the UI.
 * Names of the package's fields may leave out the namespace prefix.
 */
final class SimRecords {

  private SimRecords() {}

  /** A change from JSON; an unknown field or a value of the wrong type throws with the problem named. */
  static Change change(Schema schema, SObjectType type, String id, JsonObject json) {
    Change c = new Change(type, id);
    for (Map.Entry<String, Object> e : json) {
      if (e.getKey().equalsIgnoreCase("Id") || e.getKey().equalsIgnoreCase("attributes")) {
        continue;
      }
      FieldDef f = schema.fieldLenient(type, e.getKey());
      if (f == null) {
        throw new IllegalArgumentException("No such column '" + e.getKey() + "' on entity '" + type.name + "'");
      }
      c.values.put(f, FieldValues.fromJson(f, e.getValue()));
    }
    return c;
  }

  /** A row as JSON: every field with a value, plus Id and IsDeleted. */
  static JsonObject json(Row row) {
    JsonObject out = new JsonObject().put("attributes", new JsonObject().put("type", row.type.name)).put("Id", row.id);
    for (FieldDef f : row.type.fields()) {
      Object v = row.get(f.name());
      if (v != null && !f.name().equals("Id")) {
        out.put(f.name(), FieldValues.toJson(v));
      }
    }
    return out;
  }

  /** Per-record errors as JSON. */
  static JsonArray errors(SaveOutcome outcome) {
    JsonArray out = new JsonArray();
    for (SaveError e : outcome.errors()) {
      out.add(new JsonObject().put("statusCode", e.statusCode()).put("message", e.message()).put("fields", new JsonArray(e.fields())));
    }
    return out;
  }
}
