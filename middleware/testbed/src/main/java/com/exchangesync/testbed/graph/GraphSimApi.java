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
  private final GraphSubscriptions subscriptions;

  GraphSimApi(GraphState state, GraphSubscriptions subscriptions) {
    this.state = state;
    this.subscriptions = subscriptions;
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
    router.get("/sim/graph/subscriptions").handler(this::listSubscriptions);
    router.delete("/sim/graph/subscriptions/:id").handler(this::expireSubscription);
    router.post("/sim/graph/subscriptions/:id/lifecycle").handler(body).handler(this::lifecycle);
  }

  private void listSubscriptions(RoutingContext ctx) {
    io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
    subscriptions.all().forEach(s -> out.add(new JsonObject().put("id", s.id).put("resource", s.resource)
        .put("mailbox", s.mailbox.smtp).put("changeType", String.join(",", s.changeTypes)).put("notificationUrl", s.notificationUrl)
        .put("lifecycleNotificationUrl", s.lifecycleNotificationUrl).put("expirationDateTime", GraphTime.offset(s.expiration))));
    SimJson.json(ctx, 200, new JsonObject().put("subscriptions", out));
  }

  /** The subscription is gone as if it expired: no notification says so. */
  private void expireSubscription(RoutingContext ctx) {
    if (subscriptions.remove(ctx.pathParam("id")) == null) {
      SimJson.error(ctx, 404, "no such subscription");
      return;
    }
    ctx.response().setStatusCode(204).end();
  }

  /** Sends a lifecycle notification; {@code subscriptionRemoved} also removes the subscription. */
  private void lifecycle(RoutingContext ctx) {
    JsonObject json = SimJson.object(ctx, "POST /sim/graph/subscriptions/{id}/lifecycle needs {\"lifecycleEvent\": …}");
    if (json == null) {
      return;
    }
    String event = json.getString("lifecycleEvent");
    if (!java.util.Set.of("reauthorizationRequired", "subscriptionRemoved", "missed").contains(event)) {
      SimJson.error(ctx, 400, "lifecycleEvent is one of reauthorizationRequired, subscriptionRemoved, missed");
      return;
    }
    GraphSubscription sub = event.equals("subscriptionRemoved") ? subscriptions.remove(ctx.pathParam("id"))
        : subscriptions.find(ctx.pathParam("id"));
    if (sub == null) {
      SimJson.error(ctx, 404, "no such subscription");
      return;
    }
    subscriptions.lifecycle(sub, event);
    ctx.response().setStatusCode(204).end();
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
    subscriptions.clear();
  }
}
