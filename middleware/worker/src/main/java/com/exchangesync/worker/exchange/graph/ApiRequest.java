package com.exchangesync.worker.exchange.graph;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Graph API request: the method, the path under {@code /v1.0} with its
 * encoded query ({@code /users/a%40x.com/contacts?$top=5}), the JSON body (null
 * for none), extra headers ({@code Prefer}, {@code If-Match}), the operation's
 * name for counts and messages, and the application permission it needs
 * ({@code Contacts.ReadWrite} or {@code Calendars.ReadWrite}), by which an
 * {@code ErrorAccessDenied} is told apart from a mailbox out of the app's scope.
 */
record ApiRequest(String method, String path, JsonObject body, Map<String, String> headers, String operation,
                  String permission) {

  static final String CONTACTS = "Contacts.ReadWrite";
  static final String CALENDARS = "Calendars.ReadWrite";

  ApiRequest {
    Objects.requireNonNull(method);
    Objects.requireNonNull(path);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(operation);
    Objects.requireNonNull(permission);
  }

  static ApiRequest get(String operation, String permission, String path) {
    return new ApiRequest("GET", path, null, Map.of(), operation, permission);
  }

  static ApiRequest post(String operation, String permission, String path, JsonObject body) {
    return new ApiRequest("POST", path, body, Map.of(), operation, permission);
  }

  static ApiRequest patch(String operation, String permission, String path, JsonObject body) {
    return new ApiRequest("PATCH", path, body, Map.of(), operation, permission);
  }

  static ApiRequest delete(String operation, String permission, String path) {
    return new ApiRequest("DELETE", path, null, Map.of(), operation, permission);
  }

  /** The same request with one more header. */
  ApiRequest withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiRequest(method, path, body, h, operation, permission);
  }

  /** The same request at another path (a next page). */
  ApiRequest at(String otherPath) {
    return new ApiRequest(method, otherPath, body, headers, operation, permission);
  }
}
