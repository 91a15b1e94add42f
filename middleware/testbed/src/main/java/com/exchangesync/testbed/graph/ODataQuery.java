package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData query options of Outlook collections and items: {@code $filter}
 * (see {@link ODataFilter}), {@code $orderby} (one property path,
 * {@code asc}/{@code desc}), {@code $top} (at most 1,000; default page 10, or
 * {@code Prefer: odata.maxpagesize}), {@code $skip} (with an
 * {@code @odata.nextLink} to the next page), {@code $select} (plus {@code id}
 * and {@code @odata.etag}, as Graph always returns them) and
 * {@code $expand=singleValueExtendedProperties($filter=id eq '…')}.
 */
final class ODataQuery {

  static final int DEFAULT_PAGE = 10;
  static final int MAX_TOP = 1000;
  private static final Pattern EXPAND = Pattern.compile("\\s*singleValueExtendedProperties\\s*(?:\\(\\s*\\$filter\\s*=(.*)\\))?\\s*");

  private ODataQuery() {}

  /**
   * A page of {@code items} (each the item's full JSON, with every extended property), as
   * {@code {"@odata.context", "value": [...], "@odata.nextLink"}}.
   */
  static JsonObject collection(GraphCall call, List<JsonObject> items, String context, String type) {
    GraphRequest r = call.request();
    List<JsonObject> matching = new ArrayList<>(items);
    String filter = r.option("$filter");
    if (filter != null && !filter.isBlank()) {
      Predicate<JsonObject> p = ODataFilter.parse(filter);
      matching.removeIf(p.negate());
    }
    String orderBy = r.option("$orderby");
    if (orderBy != null && !orderBy.isBlank()) {
      matching.sort(order(orderBy, type));
    }
    int skip = number(r.option("$skip"), "$skip", 0, Integer.MAX_VALUE, 0);
    String maxPage = r.preferences().get("odata.maxpagesize");
    int pageSize = number(maxPage, "odata.maxpagesize", 1, Integer.MAX_VALUE, DEFAULT_PAGE);
    int top = number(r.option("$top"), "$top", 1, Integer.MAX_VALUE, pageSize);
    top = Math.min(top, MAX_TOP);
    int from = Math.min(skip, matching.size());
    int to = Math.min(matching.size(), from + top);
    JsonArray value = new JsonArray();
    for (JsonObject item : matching.subList(from, to)) {
      value.add(shape(call, item, type));
    }
    JsonObject out = new JsonObject().put("@odata.context", call.baseUrl() + "/v1.0/$metadata#users('" + call.mailbox().smtp + "')/"
        + context).put("value", value);
    if (to < matching.size()) {
      out.put("@odata.nextLink", link(call, Map.of("$skip", Integer.toString(to))));
    }
    return out;
  }

  /** One item as the request's {@code $select} and {@code $expand} shape it. */
  static JsonObject shape(GraphCall call, JsonObject full, String type) {
    return shape(call.request().option("$select"), call.request().option("$expand"), full, type);
  }

  /** One item shaped by a {@code $select} and an {@code $expand} (either may be null). */
  static JsonObject shape(String select, String expand, JsonObject full, String type) {
    JsonObject out = full.copy();
    JsonArray extended = (JsonArray) out.remove("singleValueExtendedProperties");
    if (select != null && !select.isBlank()) {
      Set<String> keep = new LinkedHashSet<>(List.of("@odata.etag", "@odata.type", "id", "@removed"));
      for (String s : select.split(",")) {
        String name = s.trim();
        if (!full.containsKey(name) && !name.equals("singleValueExtendedProperties")) {
          throw GraphError.badRequest("Could not find a property named '" + name + "' on type 'microsoft.graph." + type + "'.");
        }
        keep.add(name);
      }
      out.fieldNames().removeIf(k -> !keep.contains(k));
    }
    if (expand != null && !expand.isBlank()) {
      Matcher m = EXPAND.matcher(expand);
      if (!m.matches()) {
        throw GraphError.badRequest("Parsing OData Select and Expand failed: this test bed expands singleValueExtendedProperties only.");
      }
      JsonArray chosen = new JsonArray();
      Predicate<JsonObject> p = m.group(1) == null ? j -> true : ODataFilter.parse(m.group(1), true);
      if (extended != null) {
        extended.forEach(e -> {
          if (p.test((JsonObject) e)) {
            chosen.add(e);
          }
        });
      }
      if (!chosen.isEmpty()) {
        out.put("singleValueExtendedProperties", chosen);
      }
    }
    return out;
  }

  private static Comparator<JsonObject> order(String orderBy, String type) {
    String[] parts = orderBy.trim().split("\\s+");
    if (parts.length > 2 || parts[0].contains(",")) {
      throw GraphError.badRequest("This test bed orders by one property ('$orderby=displayName desc').");
    }
    List<String> path = List.of(parts[0].split("/"));
    boolean descending = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
    Comparator<JsonObject> c = Comparator.comparing(j -> {
      Object v = j;
      for (String p : path) {
        v = v instanceof JsonObject o ? o.getValue(p) : null;
      }
      return v == null ? "" : String.valueOf(v).toLowerCase(java.util.Locale.ROOT);
    });
    return descending ? c.reversed() : c;
  }

  static int number(String text, String name, int min, int max, int absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw GraphError.badRequest("Invalid value '" + text + "' for " + name + ".");
  }

  /** The request's own URL with {@code replaced} query options set (the others kept), for next and delta links. */
  static String link(GraphCall call, Map<String, String> replaced) {
    Map<String, String> query = new LinkedHashMap<>(call.request().query());
    query.keySet().removeIf(k -> replaced.containsKey(k) || replaced.containsKey("$" + k));
    query.putAll(replaced);
    return pathUrl(call.baseUrl(), call.request()) + "?" + encode(query);
  }

  static String pathUrl(String baseUrl, GraphRequest request) {
    StringBuilder out = new StringBuilder(baseUrl).append("/v1.0");
    for (String s : request.segments()) {
      out.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%40", "@").replace("+", "%20")
          .replace("%24", "$"));
    }
    return out.toString();
  }

  static String encode(Map<String, String> query) {
    List<String> parts = new ArrayList<>();
    query.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8).replace("%24", "$") + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return String.join("&", parts);
  }
}
