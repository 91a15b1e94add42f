package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one Graph request (or one request inside a {@code $batch}) is answered
 * with: a status, headers and a JSON body (none for 204).
 */
record GraphResponse(int status, Map<String, String> headers, JsonObject body) {

  private static final DateTimeFormatter INNER_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  static GraphResponse ok(JsonObject body) {
    return new GraphResponse(200, new LinkedHashMap<>(), body);
  }

  static GraphResponse created(JsonObject body) {
    return new GraphResponse(201, new LinkedHashMap<>(), body);
  }

  static GraphResponse noContent() {
    return new GraphResponse(204, new LinkedHashMap<>(), null);
  }

  GraphResponse withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Graph's error shape: {@code {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}}
   * ({@code date} in UTC without a zone designator, as Graph writes it).
   */
  static GraphResponse error(GraphError e, GraphRequest request, Instant now) {
    JsonObject inner = new JsonObject().put("date", INNER_DATE.format(now.truncatedTo(ChronoUnit.SECONDS)))
        .put("request-id", request.requestId()).put("client-request-id", request.clientRequestId());
    JsonObject body = new JsonObject().put("error", new JsonObject().put("code", e.code).put("message", e.getMessage())
        .put("innerError", inner));
    return new GraphResponse(e.status, new LinkedHashMap<>(e.headers), body);
  }
}
