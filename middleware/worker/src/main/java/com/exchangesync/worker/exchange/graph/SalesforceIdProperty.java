package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.SalesforceIdMark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Our mark ({@link SalesforceIdMark}) as Graph names it: the single-value
 * extended property {@code String {5b3f0c1e-…} Name ExchangeSyncSalesforceId},
 * the same MAPI named property EWS writes, read through {@code $expand}, written
 * in {@code singleValueExtendedProperties} and searched with an {@code any}
 * filter.
 */
final class SalesforceIdProperty {

  /** Graph's id of the property. */
  static final String ID = "String {" + SalesforceIdMark.PROPERTY_SET + "} Name " + SalesforceIdMark.NAME;

  /** The {@code $expand} that reads it with an item. */
  static final String EXPAND = "singleValueExtendedProperties($filter=id eq " + GraphPaths.literal(ID) + ")";

  private SalesforceIdProperty() {}

  /** The Salesforce id an item's JSON carries, if it carries ours. */
  static Optional<String> read(JsonObject item) {
    JsonArray properties = item.getJsonArray("singleValueExtendedProperties");
    if (properties == null) {
      return Optional.empty();
    }
    for (Object o : properties) {
      if (o instanceof JsonObject p && p.getString("id") != null && p.getString("id").equalsIgnoreCase(ID)
          && p.getValue("value") != null && !String.valueOf(p.getValue("value")).isEmpty()) {
        return Optional.of(String.valueOf(p.getValue("value")));
      }
    }
    return Optional.empty();
  }

  /** Puts the property, with {@code salesforceId}, into a create's or PATCH's body. */
  static void write(JsonObject body, String salesforceId) {
    body.put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", ID).put("value", salesforceId)));
  }

  /** The {@code $filter} of items carrying one of {@code salesforceIds}. */
  static String filter(List<String> salesforceIds) {
    String values = salesforceIds.stream().map(id -> "ep/value eq " + GraphPaths.literal(id)).collect(Collectors.joining(" or "));
    return "singleValueExtendedProperties/any(ep: ep/id eq " + GraphPaths.literal(ID) + " and (" + values + "))";
  }
}
