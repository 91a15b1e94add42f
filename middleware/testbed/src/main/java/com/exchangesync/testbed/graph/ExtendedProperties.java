package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.ExtendedKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code singleValueExtendedProperties}: Graph names a named MAPI property
 * {@code "String {00020329-0000-0000-c000-000000000046} Name X"} (type,
 * property set, name), which is the EWS side's
 * {@code ExtendedFieldURI PropertySetId/PropertyName/PropertyType}: one
 * property, seen the same through both protocols. Written back with the
 * property set in lower case, as Exchange keeps it.
 */
final class ExtendedProperties {

  private static final Pattern NAMED = Pattern.compile(
      "\\s*([A-Za-z]+)\\s+\\{([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\\}\\s+Name\\s+(.+?)\\s*");

  private ExtendedProperties() {}

  /**
   * The property an id names.
   *
   * @throws GraphError 400 for an id that is not of the {@code Type {guid} Name X} form
   */
  static ExtendedKey key(String id) {
    Matcher m = id == null ? null : NAMED.matcher(id);
    if (m == null || !m.matches()) {
      throw new GraphError(400, "ErrorInvalidProperty", "The extended property id '" + id + "' is not of the form"
          + " 'String {guid} Name name' (this test bed keeps named properties; tag and Id forms are not modelled).");
    }
    String type = m.group(1);
    return new ExtendedKey(m.group(2), m.group(3), type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1));
  }

  static String id(ExtendedKey key) {
    return key.type() + " {" + key.propertySet() + "} Name " + key.name();
  }

  /** Sets the properties of a request body's {@code singleValueExtendedProperties} (a null value removes one). */
  static void apply(Object raw, Map<ExtendedKey, String> into) {
    if (!(raw instanceof JsonArray list)) {
      throw GraphError.badRequest("'singleValueExtendedProperties' takes a list of {\"id\", \"value\"}.");
    }
    for (Object o : list) {
      if (!(o instanceof JsonObject p) || !(p.getValue("id") instanceof String id)) {
        throw GraphError.badRequest("Each singleValueExtendedProperty needs an 'id' such as 'String {guid} Name X'.");
      }
      ExtendedKey key = key(id);
      Object value = p.getValue("value");
      if (value == null) {
        into.remove(key);
      } else {
        into.put(key, String.valueOf(value));
      }
    }
  }

  /** All of an item's properties as Graph lists them. */
  static JsonArray json(Map<ExtendedKey, String> properties) {
    JsonArray out = new JsonArray();
    properties.forEach((k, v) -> out.add(new JsonObject().put("id", id(k)).put("value", v)));
    return out;
  }
}
