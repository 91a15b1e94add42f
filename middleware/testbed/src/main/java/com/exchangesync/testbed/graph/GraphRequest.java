package com.exchangesync.testbed.graph;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Graph API request, from HTTP or from inside a {@code $batch}: the method,
 * the path after {@code /v1.0} split into decoded segments, the query options
 * (names as sent: {@code $top}, {@code startDateTime}), the headers (looked up
 * without regard to case), the body text, and the ids Graph echoes in errors.
 */
record GraphRequest(String method, List<String> segments, Map<String, String> query, Map<String, String> headers, String body,
                    String requestId, String clientRequestId) {

  /**
   * Reads {@code pathAndQuery} ({@code /users/a@x.com/contacts?$top=5}, with or without {@code /v1.0}).
   *
   * @throws GraphError for a query that is not percent-encoded properly
   */
  static GraphRequest of(String method, String pathAndQuery, Map<String, String> headers, String body, String requestId) {
    String path = pathAndQuery;
    String rawQuery = "";
    int q = pathAndQuery.indexOf('?');
    if (q >= 0) {
      path = pathAndQuery.substring(0, q);
      rawQuery = pathAndQuery.substring(q + 1);
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(decode(s));
      }
    }
    if (!segments.isEmpty() && segments.get(0).equalsIgnoreCase("v1.0")) {
      segments.remove(0);
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    String clientRequestId = h.getOrDefault("client-request-id", requestId);
    return new GraphRequest(method.toUpperCase(Locale.ROOT), List.copyOf(segments), query, h, body, requestId, clientRequestId);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw GraphError.badRequest("The request URI is not valid: '" + s + "' is not percent-encoded properly.");
    }
  }

  String header(String name) {
    return headers.get(name);
  }

  /** A query option; Graph takes the system options with or without their {@code $}. */
  String option(String name) {
    String value = query.get(name);
    if (value == null && name.startsWith("$")) {
      value = query.get(name.substring(1));
    }
    return value;
  }

  /** The body as a JSON object; a missing or unreadable one is Graph's 400. */
  JsonObject json() {
    if (body == null || body.isBlank()) {
      throw GraphError.badRequest("Empty Payload. JSON content expected.");
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw GraphError.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of"
          + " valid JSON format.");
    }
  }

  /** The {@code Prefer} header's values ({@code odata.maxpagesize=5}, {@code outlook.timezone="…"}), by name. */
  Map<String, String> preferences() {
    Map<String, String> out = new LinkedHashMap<>();
    String prefer = header("Prefer");
    if (prefer == null) {
      return out;
    }
    for (String part : prefer.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        out.put(p.toLowerCase(Locale.ROOT), "");
      } else {
        String value = p.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        out.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
      }
    }
    return out;
  }
}
