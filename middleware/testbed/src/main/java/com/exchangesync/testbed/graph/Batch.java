package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON batching, {@code POST /v1.0/$batch}: {@code {"requests": [{"id", "method", "url", "headers", "body", "dependsOn"}]}},
 * at most 20 requests, answered {@code 200 {"responses": [{"id", "status", "headers", "body"}]}}
 * with each request's own status. Requests run one after the other in the
 * order given; one that depends on a failed one is {@code 424 Failed Dependency}.
 * A batch does not lift any limit: each request is an operation of its own,
 * counted, faulted and throttled as if sent alone (so it meets the four-in-flight
 * limit of its mailbox beside the client's other requests). A malformed batch
 * (no requests, more than 20, a request without id, method or url, a repeated
 * id, an unknown dependency, a body without {@code Content-Type}) fails whole
 * with {@code 400}.
 */
final class Batch {

  static final int MAX_REQUESTS = 20;

  private Batch() {}

  /**
   * Runs {@code batch} (received at {@code now}); {@code execute} serves one request as the HTTP path would (auth already checked).
   *
   * @throws GraphError 400 for a malformed batch
   */
  static GraphResponse run(GraphRequest batch, java.time.Instant now, Function<GraphRequest, GraphResponse> execute) {
    JsonObject body;
    try {
      body = batch.json();
    } catch (GraphError e) {
      throw GraphError.badRequest("Invalid batch payload format.");
    }
    if (!(body.getValue("requests") instanceof JsonArray requests) || requests.isEmpty()) {
      throw GraphError.badRequest("Invalid batch payload format.");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw GraphError.badRequest("Number of requests inside batch exceeds the limit of " + MAX_REQUESTS + ".");
    }
    Map<String, JsonObject> byId = new LinkedHashMap<>();
    for (Object o : requests) {
      if (!(o instanceof JsonObject r) || !(r.getValue("id") instanceof String id) || id.isBlank()
          || !(r.getValue("method") instanceof String) || !(r.getValue("url") instanceof String)) {
        throw GraphError.badRequest("Invalid batch payload format: every request needs an id, a method and a url.");
      }
      if (byId.put(id, r) != null) {
        throw GraphError.badRequest("Request id '" + id + "' is used more than once in the batch.");
      }
      if (r.getValue("body") != null && headers(r).keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
        throw GraphError.badRequest("Write request id : " + id + " does not contain Content-Type header or body.");
      }
    }
    for (JsonObject r : byId.values()) {
      for (String dependency : dependsOn(r)) {
        if (!byId.containsKey(dependency)) {
          throw GraphError.badRequest("Request id '" + r.getString("id") + "' depends on '" + dependency
              + "', which is not in the batch.");
        }
      }
    }
    Map<String, Integer> statuses = new HashMap<>();
    JsonArray responses = new JsonArray();
    for (JsonObject r : byId.values()) {
      String id = r.getString("id");
      GraphResponse answer;
      if (dependsOn(r).stream().anyMatch(d -> statuses.getOrDefault(d, 424) >= 400)) {
        answer = GraphResponse.error(new GraphError(424, "FailedDependency", "Request failed due to failed dependency."),
            batch, now);
      } else {
        answer = execute.apply(subRequest(batch, r));
      }
      statuses.put(id, answer.status());
      JsonObject headers = new JsonObject();
      answer.headers().forEach(headers::put);
      if (answer.body() != null) {
        headers.put("Content-Type", GraphTestbed.JSON);
      }
      JsonObject out = new JsonObject().put("id", id).put("status", answer.status()).put("headers", headers);
      if (answer.body() != null) {
        out.put("body", answer.body());
      }
      responses.add(out);
    }
    return GraphResponse.ok(new JsonObject().put("responses", responses));
  }

  /** Whether {@code batch} holds a request that is not a {@code GET} (false for one that cannot be read: it fails whole). */
  static boolean holdsWrite(GraphRequest batch) {
    try {
      if (batch.json().getValue("requests") instanceof JsonArray requests) {
        return requests.stream().anyMatch(o -> o instanceof JsonObject r && r.getValue("method") instanceof String m
            && !m.equalsIgnoreCase("GET"));
      }
    } catch (GraphError e) {
      // not JSON: Batch.run refuses it
    }
    return false;
  }

  private static GraphRequest subRequest(GraphRequest batch, JsonObject r) {
    String url = r.getString("url").trim();
    if (url.startsWith("http://") || url.startsWith("https://")) {
      int v = url.indexOf("/v1.0/");
      url = v < 0 ? url : url.substring(v);
    }
    Map<String, String> headers = new LinkedHashMap<>(headers(r));
    headers.put("Authorization", batch.header("Authorization"));
    Object body = r.getValue("body");
    String text = body == null ? null : body instanceof JsonObject j ? j.encode() : String.valueOf(body);
    return GraphRequest.of(r.getString("method"), url.startsWith("/") ? url : "/" + url, headers, text,
        batch.requestId() + "-" + r.getString("id"));
  }

  private static Map<String, String> headers(JsonObject r) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.getValue("headers") instanceof JsonObject h) {
      h.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return out;
  }

  private static Set<String> dependsOn(JsonObject r) {
    Set<String> out = new LinkedHashSet<>();
    Object raw = r.getValue("dependsOn");
    if (raw instanceof JsonArray list) {
      list.forEach(d -> out.add(String.valueOf(d)));
    } else if (raw instanceof String s) {
      out.add(s);
    } else if (raw != null) {
      throw GraphError.badRequest("dependsOn takes a list of request ids.");
    }
    return out;
  }
}
