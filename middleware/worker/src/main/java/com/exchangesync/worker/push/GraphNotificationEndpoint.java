package com.exchangesync.worker.push;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Microsoft Graph posts change notifications ({@code POST /exchange/graph/notifications}) and lifecycle
 * notifications ({@code POST /exchange/graph/lifecycle}), on every worker's HTTP server (TLS in front of it is the
 * hosting's job; Graph posts to HTTPS only).
 *
 * <ul>
 *   <li>The validation handshake: a POST with {@code validationToken} is answered {@code 200 text/plain} with the
 *       token (decoded), at once.
 *   <li>A notification counts only when its subscription is one of ours ({@code graph_subscription}) and its
 *       {@code clientState} hashes to the stored SHA-256 (compared in constant time); anything else is ignored,
 *       counted in {@code exsync_graph_notifications_rejected_total} and logged without the value.
 *   <li>A change wakes the mailbox's passes ({@link ChangeSink}). Lifecycle: {@code missed} wakes them too (a resync),
 *       {@code subscriptionRemoved} forgets the subscription and wakes them (the next reconcile makes it again),
 *       {@code reauthorizationRequired} marks it for renewal at the next reconcile.
 *   <li>The answer is {@code 202} once that is recorded, {@code 500} when the database failed (Graph sends again).
 * </ul>
 */
public final class GraphNotificationEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(GraphNotificationEndpoint.class);
  private static final int MAX_BODY = 1024 * 1024;

  private final GraphSubscriptionRows rows;
  private final ChangeSink sink;
  private final Clock clock;
  private final Metrics.Counter accepted;
  private final Metrics.Counter rejected;

  public GraphNotificationEndpoint(GraphSubscriptionRows rows, ChangeSink sink, Clock clock, Metrics metrics) {
    this.rows = rows;
    this.sink = sink;
    this.clock = clock;
    this.accepted = metrics.counter("exsync_graph_notifications_total", "Microsoft Graph notifications taken (clientState matched)");
    this.rejected = metrics.counter("exsync_graph_notifications_rejected_total",
        "Microsoft Graph notifications ignored: unknown subscription or a clientState that does not match");
  }

  public void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY);
    router.post("/exchange/graph/notifications").handler(body).handler(ctx -> receive(ctx, false));
    router.post("/exchange/graph/lifecycle").handler(body).handler(ctx -> receive(ctx, true));
  }

  private void receive(RoutingContext ctx, boolean lifecycle) {
    String token = ctx.request().getParam("validationToken");
    if (token != null) {
      ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end(token);
      return;
    }
    JsonArray value;
    try {
      JsonObject json = ctx.body().asJsonObject();
      value = json == null ? null : json.getJsonArray("value");
    } catch (DecodeException | ClassCastException e) {
      value = null;
    }
    if (value == null) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    List<Future<Void>> work = new ArrayList<>();
    for (Object o : value) {
      if (o instanceof JsonObject n) {
        work.add(one(n, lifecycle));
      }
    }
    Future.all(work).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.response().setStatusCode(202).end();
      } else {
        LOG.warn("Could not record Microsoft Graph notifications; answering 500 so that Graph sends them again", ar.cause());
        ctx.response().setStatusCode(500).end();
      }
    });
  }

  private Future<Void> one(JsonObject n, boolean lifecycle) {
    String id = n.getString("subscriptionId");
    if (id == null) {
      rejected.inc();
      return Future.succeededFuture();
    }
    return rows.find(id).compose(found -> {
      if (found.isEmpty() || !GraphSubscriptionRows.matches(found.get(), n.getString("clientState"))) {
        rejected.inc();
        LOG.warn("Ignored a Microsoft Graph notification for subscription {}: {}", id, found.isEmpty()
            ? "not one of this worker's subscriptions" : "its clientState does not match");
        return Future.succeededFuture();
      }
      accepted.inc();
      GraphSubscriptionRows.Subscription s = found.get();
      if (!lifecycle) {
        return wake(s);
      }
      String event = String.valueOf(n.getString("lifecycleEvent"));
      LOG.info("Microsoft Graph says {} for the {} of {}", event, s.kind() == ItemKind.CONTACT ? "contacts" : "events", s.email());
      return switch (event) {
        case "subscriptionRemoved" -> rows.delete(s.id()).compose(v -> wake(s));
        case "reauthorizationRequired" -> rows.expires(s.id(), clock.instant().plus(Duration.ofMinutes(1)));
        default -> wake(s); // missed: some notifications were lost, the passes look for themselves
      };
    });
  }

  private Future<Void> wake(GraphSubscriptionRows.Subscription s) {
    return sink.changed(s.orgId(), s.email(), s.kind(), "graph");
  }
}
