package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.SimJson;
import com.exchangesync.testbed.exchange.SimExtension;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The Graph half of the admin API, on the exchange URL beside EWS's:
 * {@code PUT /sim/graph-app} (the tenant's one app registration, replaced
 * whole), {@code GET /sim/graph-app} (it, without the secret),
 * {@code DELETE /sim/graph-app}; faults with {@code "protocol": "graph"};
 * counts under {@code "graph"} in {@code /sim/stats}; {@code /sim/reset}.
 */
final class GraphSimApi implements SimExtension {

  private final GraphState state;

  GraphSimApi(GraphState state) {
    this.state = state;
  }

  @Override
  public String protocol() {
    return "graph";
  }

  @Override
  public void mount(Router router, BodyHandler body) {
    router.put("/sim/graph-app").handler(body).handler(this::putApp);
    router.get("/sim/graph-app").handler(this::getApp);
    router.delete("/sim/graph-app").handler(ctx -> {
      state.app(null);
      ctx.response().setStatusCode(204).end();
    });
  }

  private void putApp(RoutingContext ctx) {
    JsonObject json = SimJson.object(ctx, "PUT /sim/graph-app needs {tenantId, clientId, clientSecret or certificate, permissions, mailboxes, roleAssignments}");
    if (json == null) {
      return;
    }
    try {
      state.app(GraphApp.fromJson(json));
      ctx.response().setStatusCode(204).end();
    } catch (IllegalArgumentException e) {
      SimJson.error(ctx, 400, e.getMessage());
    }
  }

  private void getApp(RoutingContext ctx) {
    GraphApp app = state.app();
    if (app == null) {
      SimJson.error(ctx, 404, "no Graph app is registered; PUT /sim/graph-app");
      return;
    }
    SimJson.json(ctx, 200, app.json());
  }

  @Override
  public void addFault(JsonObject fault) {
    if ("expireDeltaTokens".equals(fault.getString("kind"))) {
      state.deltas.expireAll();
      return;
    }
    state.faults.add(fault);
  }

  @Override
  public JsonObject stats() {
    return state.stats.json();
  }

  @Override
  public void reset() {
    state.reset();
  }
}
