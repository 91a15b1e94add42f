package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The org's External Client Apps. {@code PUT /sim/oauth/apps} replaces the
 * whole list; {@code /sim/reset} forgets it, {@code POST /sim/org} keeps it
 * (apps name users by username, looked up at each sign-in).
 */
final class OAuthApps {

  private volatile Map<String, OAuthApp> byClientId = Map.of();

  /** The app with consumer key {@code clientId}, or null. */
  OAuthApp get(String clientId) {
    return clientId == null ? null : byClientId.get(clientId);
  }

  /** Replaces every app with those of {@code list}; bad input throws and keeps the current apps. */
  void replace(JsonArray list) {
    Map<String, OAuthApp> next = new LinkedHashMap<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject json)) {
        throw new IllegalArgumentException("every app must be a JSON object such as {\"clientId\": ..., \"certificate\": ...}");
      }
      OAuthApp app = OAuthApp.parse(json);
      if (next.put(app.clientId(), app) != null) {
        throw new IllegalArgumentException("two apps have the clientId " + app.clientId());
      }
    }
    byClientId = Map.copyOf(next);
  }

  void clear() {
    byClientId = Map.of();
  }

  List<OAuthApp> all() {
    return byClientId.values().stream().sorted(java.util.Comparator.comparing(OAuthApp::clientId)).toList();
  }

  JsonObject json() {
    JsonArray apps = new JsonArray();
    all().forEach(a -> apps.add(a.json()));
    return new JsonObject().put("apps", apps);
  }
}
