package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin API of streaming notifications: which Mailbox server holds each mailbox, the subscriptions held,
 * and a restart of EWS on every Mailbox server (an application pool recycle: every subscription is forgotten
 * and every open {@code GetStreamingEvents} is cut), as an operator would cause.
 */
final class SimStreamingApi {

  private final ExchangeTestbed bed;

  SimStreamingApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router) {
    router.get("/sim/ews/servers").handler(this::servers);
    router.get("/sim/ews/subscriptions").handler(this::subscriptions);
    router.post("/sim/ews/restart").handler(this::restart);
  }

  private void servers(RoutingContext ctx) {
    JsonObject byMailbox = new JsonObject();
    bed.store.mailboxAddresses().forEach(smtp -> byMailbox.put(smtp, bed.servers.serverOf(smtp)));
    SimJson.json(ctx, 200, new JsonObject().put("servers", new JsonArray(bed.servers.names())).put("mailboxes", byMailbox));
  }

  private void subscriptions(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    for (StreamingSubscription s : bed.subscriptions.all()) {
      JsonArray types = new JsonArray();
      s.types.forEach(t -> types.add(t.element));
      out.add(new JsonObject().put("id", s.id).put("mailbox", s.mailbox.smtp).put("server", s.server)
          .put("allFolders", s.folderIds == null).put("folderIds", s.folderIds == null ? null : new JsonArray(s.folderIds.stream().toList()))
          .put("eventTypes", types).put("streaming", s.connection != null));
    }
    SimJson.json(ctx, 200, new JsonObject().put("subscriptions", out));
  }

  private void restart(RoutingContext ctx) {
    bed.subscriptions.restart();
    ctx.response().setStatusCode(204).end();
  }
}
