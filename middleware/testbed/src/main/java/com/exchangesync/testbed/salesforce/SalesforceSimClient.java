package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A blocking client for the Salesforce test bed's admin API, for tests, the
 * benchmarks and the demo. Every call that the test bed refuses throws with
 * the test bed's own message.
 */
public final class SalesforceSimClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  /** A client for the test bed at {@code baseUrl} ({@code http://host:port}). */
  public SalesforceSimClient(String baseUrl) {
    this.base = baseUrl;
  }

  /** Forgets everything: a fresh org with no users, no faults, no outbound endpoint. */
  public void reset() {
    send("POST", "/sim/reset", null);
  }

  /** Sets up a fresh org (see the module README for the fields); returns it with its users and profiles. */
  public JsonObject org(JsonObject org) {
    return new JsonObject(send("POST", "/sim/org", org));
  }

  /** The org, its users and profiles, and the sObject types it serves. */
  public JsonObject org() {
    return new JsonObject(send("GET", "/sim/org", null));
  }

  /** Creates a record as a person in the UI would (the org's first user other than the integration user makes it). */
  public JsonObject create(String sObject, JsonObject fields) {
    return new JsonObject(send("POST", "/sim/records/" + enc(sObject), fields));
  }

  /** Changes the given fields of a record (null clears one). */
  public JsonObject update(String sObject, String id, JsonObject fields) {
    return new JsonObject(send("PATCH", "/sim/records/" + enc(sObject) + "/" + enc(id), fields));
  }

  /** Deletes a record (to the recycle bin). */
  public void delete(String sObject, String id) {
    send("DELETE", "/sim/records/" + enc(sObject) + "/" + enc(id), null);
  }

  /** One record, deleted or not. */
  public JsonObject get(String sObject, String id) {
    return new JsonObject(send("GET", "/sim/records/" + enc(sObject) + "/" + enc(id), null));
  }

  /** The live records of a type. */
  public JsonArray records(String sObject) {
    return new JsonObject(send("GET", "/sim/records/" + enc(sObject), null)).getJsonArray("records");
  }

  /** Injects a fault (see the module README for its fields). */
  public void fault(JsonObject fault) {
    send("POST", "/sim/faults", fault);
  }

  /** Moves the org's clock on by {@code seconds} (its record stamps and server time), as if that time had passed. */
  public JsonObject advanceClock(long seconds) {
    return new JsonObject(send("POST", "/sim/clock", new JsonObject().put("advanceSeconds", seconds)));
  }

  /** Calls per operation, HTTP requests, authentication refusals. */
  public JsonObject stats() {
    return new JsonObject(send("GET", "/sim/stats", null));
  }

  /** The last SOQL statements run ({@code query} and {@code queryAll}), oldest first. */
  public java.util.List<String> queries() {
    return new JsonArray(send("GET", "/sim/queries", null)).stream().map(String::valueOf).toList();
  }

  /**
   * Replaces the org's External Client Apps with {@code apps}
   * ({@code [{"clientId", "certificate", "clientSecret", "runAs", "preApproved"}]}, see the module README).
   */
  public JsonObject oauthApps(JsonArray apps) {
    return new JsonObject(send("PUT", "/sim/oauth/apps", apps));
  }

  /** Replaces the org's active duplicate rules ({@code ["Standard_Contact_Duplicate_Rule", {...}]}, see the module README). */
  public JsonObject duplicateRules(JsonArray rules) {
    return new JsonObject(send("PUT", "/sim/duplicate-rules", rules));
  }

  /** The org's active duplicate rules: {@code {"rules": [...]}}. */
  public JsonObject duplicateRules() {
    return new JsonObject(send("GET", "/sim/duplicate-rules", null));
  }

  /** Points Outbound Messages at {@code endpoint} for the objects and fields given ({@code {"Contact": ["Id", ...]}}). */
  public JsonObject outbound(String endpoint, JsonObject objects) {
    return new JsonObject(send("PUT", "/sim/outbound", new JsonObject().put("endpoint", endpoint).put("objects", objects)));
  }

  /** The Outbound Message queue: {@code pending}, {@code delivered}, {@code attempts}, ... */
  public JsonObject outboundStatus() {
    return new JsonObject(send("GET", "/sim/outbound", null));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String send(String method, String path, Object body) {
    String json = body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : null;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? "{}" : response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("The Salesforce test bed at " + base + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
