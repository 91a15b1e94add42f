package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The rep's Deleted Items in the admin API, as Outlook shows them: {@code GET
 * /sim/mailboxes/{smtp}/deleted-items} lists what is there (each with {@code kind} {@code contact} or
 * {@code event}, {@code restoresTo}, and the item's JSON), {@code POST …/deleted-items/{id}/restore} moves
 * one back to the folder it was deleted from (Contacts or Calendar if that folder is gone), with a new id
 * as Exchange gives a moved item, and answers it; {@code DELETE …/deleted-items/{id}} deletes it from
 * there (to Recoverable Items). {@code GET /sim/mailboxes/{smtp}/recoverable-items} lists what was
 * soft-deleted, which no EWS folder shows.
 */
final class SimDeletedItemsApi {

  private final ExchangeTestbed bed;

  SimDeletedItemsApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router) {
    router.get("/sim/mailboxes/:smtp/deleted-items").handler(this::list);
    router.post("/sim/mailboxes/:smtp/deleted-items/:id/restore").handler(this::restore);
    router.delete("/sim/mailboxes/:smtp/deleted-items/:id").handler(this::delete);
    router.get("/sim/mailboxes/:smtp/recoverable-items").handler(this::recoverable);
  }

  private void list(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m != null) {
        JsonArray items = new JsonArray();
        m.itemsIn(m.deletedItems.id).forEach(i -> items.add(json(i, m)));
        SimJson.json(ctx, 200, new JsonObject().put("items", items));
      }
      return null;
    });
  }

  private void restore(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : deleted(ctx, m);
      if (item != null) {
        Item restored = bed.store.move(m, item, restoreFolder(item, m));
        SimJson.json(ctx, 200, json(restored, m));
      }
      return null;
    });
  }

  private void delete(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : deleted(ctx, m);
      if (item != null) {
        bed.store.softDelete(m, item);
        ctx.response().setStatusCode(204).end();
      }
      return null;
    });
  }

  private void recoverable(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m != null) {
        JsonArray items = new JsonArray();
        m.recoverable.values().forEach(i -> items.add(new JsonObject().put("id", i.id)
            .put("kind", i.kind == Item.Kind.CONTACT ? "contact" : "event").put("subject", subject(i))));
        SimJson.json(ctx, 200, new JsonObject().put("items", items));
      }
      return null;
    });
  }

  /** Where a restore puts {@code item}: the folder it was deleted from, or its kind's default folder. */
  private static Folder restoreFolder(Item item, Mailbox m) {
    Folder from = item.movedFrom == null ? null : m.folders.get(item.movedFrom);
    if (from != null && from != m.deletedItems) {
      return from;
    }
    return item.kind == Item.Kind.CONTACT ? m.contacts : m.calendar;
  }

  private static JsonObject json(Item item, Mailbox m) {
    JsonObject body = item.kind == Item.Kind.CONTACT ? SimItems.json(item, m) : SimEvents.json(item, m);
    return body.put("kind", item.kind == Item.Kind.CONTACT ? "contact" : "event")
        .put("restoresTo", restoreFolder(item, m).displayName);
  }

  /** An event's subject; a contact's display name, else its given name and surname (as Outlook files it). */
  private static String subject(Item item) {
    if (item.kind != Item.Kind.CONTACT) {
      return item.fields.get("item:Subject");
    }
    String display = item.fields.get("contacts:DisplayName");
    return display != null ? display : String.join(" ", java.util.stream.Stream.of("contacts:GivenName", "contacts:Surname")
        .map(item.fields::get).filter(java.util.Objects::nonNull).toList());
  }

  private Mailbox mailbox(RoutingContext ctx) {
    Mailbox m = bed.store.mailbox(ctx.pathParam("smtp"));
    if (m == null) {
      SimJson.error(ctx, 404, "no mailbox " + ctx.pathParam("smtp") + "; add it with POST /sim/mailboxes");
    }
    return m;
  }

  private Item deleted(RoutingContext ctx, Mailbox m) {
    Item item = m.items.get(ctx.pathParam("id"));
    if (item == null || !item.folderId.equals(m.deletedItems.id)) {
      SimJson.error(ctx, 404, "no item " + ctx.pathParam("id") + " in the Deleted Items of " + m.smtp
          + " (an item's id changes when it is deleted to there: list them with GET /sim/mailboxes/" + m.smtp + "/deleted-items)");
      return null;
    }
    return item;
  }
}
