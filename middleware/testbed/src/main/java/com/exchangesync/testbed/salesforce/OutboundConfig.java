package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Outbound Messages go and what they carry, from
 * {@code PUT /sim/outbound {"endpoint": url, "objects": {"Contact": ["Id", ...]}}}:
 * one outbound message definition (with its own {@code ActionId}) per object,
 * sending the listed fields ({@code Id} always). Names of the package's objects
 * and fields may leave out the namespace prefix.
 */
record OutboundConfig(URI endpoint, Map<SObjectType, Action> actions) {

  /** One outbound message definition: its id and the fields it sends. */
  record Action(String actionId, List<FieldDef> fields) {}

  static OutboundConfig parse(JsonObject json, Schema schema, Org org) {
    String url = json.getString("endpoint");
    URI endpoint;
    try {
      endpoint = url == null ? null : URI.create(url);
    } catch (IllegalArgumentException e) {
      endpoint = null;
    }
    if (endpoint == null || endpoint.getHost() == null
        || !("http".equalsIgnoreCase(endpoint.getScheme()) || "https".equalsIgnoreCase(endpoint.getScheme()))) {
      throw new IllegalArgumentException("endpoint must be an http or https URL, not " + url);
    }
    JsonObject objects = json.getJsonObject("objects");
    if (objects == null || objects.isEmpty()) {
      throw new IllegalArgumentException("objects must name at least one sObject type and its fields");
    }
    Map<SObjectType, Action> actions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : objects) {
      SObjectType type = schema.typeLenient(e.getKey());
      if (type == null) {
        throw new IllegalArgumentException("sObject type '" + e.getKey() + "' is not supported");
      }
      if (!(e.getValue() instanceof JsonArray names)) {
        throw new IllegalArgumentException(e.getKey() + " must list field names");
      }
      List<FieldDef> fields = new ArrayList<>();
      fields.add(type.field("Id"));
      for (Object n : names) {
        FieldDef f = schema.fieldLenient(type, String.valueOf(n));
        if (f == null) {
          throw new IllegalArgumentException("No such column '" + n + "' on entity '" + type.name + "'");
        }
        if (!fields.contains(f)) {
          fields.add(f);
        }
      }
      actions.put(type, new Action(SalesforceIds.next("04k"), List.copyOf(fields)));
    }
    return new OutboundConfig(endpoint, actions);
  }

  JsonObject json() {
    JsonObject objects = new JsonObject();
    actions.forEach((t, a) -> objects.put(t.name, new JsonArray(a.fields().stream().map(FieldDef::name).toList())));
    return new JsonObject().put("endpoint", endpoint.toString()).put("objects", objects);
  }
}
