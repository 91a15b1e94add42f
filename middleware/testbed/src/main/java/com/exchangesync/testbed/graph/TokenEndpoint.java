package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Entra ID's token endpoint for the client credentials grant,
 * {@code POST /<tenant>/oauth2/v2.0/token} (form-encoded): {@code grant_type=client_credentials},
 * {@code scope=https://graph.microsoft.com/.default}, {@code client_id}, and a
 * {@code client_secret} or a {@code client_assertion} (see {@link ClientAssertion}).
 * Answers {@code {"token_type": "Bearer", "expires_in", "ext_expires_in", "access_token"}},
 * or Entra ID's error JSON ({@link EntraError}). Secrets and assertions are never logged.
 */
final class TokenEndpoint {

  private static final Set<String> GRAPH_RESOURCES = Set.of("https://graph.microsoft.com", "https://graph.microsoft.com/",
      "00000003-0000-0000-c000-000000000000");

  private final GraphState state;
  private final String baseUrl;

  TokenEndpoint(GraphState state, String baseUrl) {
    this.state = state;
    this.baseUrl = baseUrl;
  }

  void handle(RoutingContext ctx) {
    state.stats.httpRequests.incrementAndGet();
    state.stats.call("token");
    Map<String, String> form = form(ctx.body().asString());
    try {
      String token = issue(ctx.pathParam("tenant"), form);
      state.stats.tokensIssued.incrementAndGet();
      JsonObject body = new JsonObject().put("token_type", "Bearer").put("expires_in", AccessTokens.LIFETIME.toSeconds())
          .put("ext_expires_in", AccessTokens.LIFETIME.toSeconds()).put("access_token", token);
      ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store, no-cache").putHeader("Pragma", "no-cache").end(body.encode());
    } catch (EntraError e) {
      state.stats.tokenRefusals.incrementAndGet();
      ctx.response().setStatusCode(e.status).putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Cache-Control", "no-store, no-cache").end(e.json(state.now(), baseUrl).encode());
    }
  }

  private String issue(String tenant, Map<String, String> form) {
    GraphApp app = state.app();
    if (app == null || !app.tenantId().equalsIgnoreCase(tenant)) {
      throw EntraError.tenantNotFound(tenant);
    }
    String grant = form.get("grant_type");
    if (grant == null) {
      throw EntraError.missingParameter("grant_type");
    }
    if (!grant.equals("client_credentials")) {
      throw EntraError.unsupportedGrant(grant);
    }
    String assertion = form.get("client_assertion");
    String clientId = form.get("client_id");
    if (clientId == null && assertion == null) {
      throw EntraError.missingParameter("client_id");
    }
    String scope = form.get("scope");
    if (scope == null) {
      throw EntraError.missingParameter("scope");
    }
    if (clientId != null && !clientId.equalsIgnoreCase(app.clientId())) {
      throw EntraError.unknownClient(clientId, tenant);
    }
    boolean byCertificate;
    if (assertion != null) {
      if (!ClientAssertion.TYPE.equals(form.get("client_assertion_type"))) {
        throw EntraError.badAssertionType();
      }
      ClientAssertion.verify(assertion, clientId, app, baseUrl, state.now());
      byCertificate = true;
    } else if (form.get("client_secret") != null) {
      if (app.clientSecret() == null || !app.clientSecret().equals(form.get("client_secret"))) {
        throw EntraError.badSecret(app.clientId());
      }
      byCertificate = false;
    } else {
      throw EntraError.noCredential();
    }
    checkScope(scope.trim(), tenant);
    return state.tokens.issue(app, byCertificate, state.now());
  }

  /** The client credentials grant takes one {@code <resource>/.default} scope; this tenant's one resource is Graph. */
  private static void checkScope(String scope, String tenant) {
    if (scope.contains(" ") || !scope.endsWith("/.default")) {
      throw EntraError.invalidScope(scope);
    }
    String resource = scope.substring(0, scope.length() - "/.default".length());
    if (!GRAPH_RESOURCES.contains(resource.toLowerCase(java.util.Locale.ROOT))) {
      throw EntraError.unknownResource(resource, tenant);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), value.isEmpty() ? null : value);
        } catch (IllegalArgumentException e) {
          // an undecodable pair is a parameter that was not sent, as Entra ID reads it
        }
      }
    }
    return out;
  }
}
