package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A folder under the rep's Contacts in the admin API, as the rep handles it in
 * Outlook ({@code ?folder=<display name>}, as for contacts): {@code PATCH
 * /sim/mailboxes/{smtp}/folders?folder=…} with {@code {"displayName"}} renames it;
 * {@code DELETE …/folders?folder=…} deletes it to Deleted Items (it keeps its id
 * and its items, and EWS still reaches it by that id), and with
 * {@code &permanently=true} removes it with what it holds (a later call by its id
 * is {@code ErrorFolderNotFound}). Each answers the folder as it is now.
 */
final class SimFoldersApi {

  private final ExchangeTestbed bed;

  SimFoldersApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router, BodyHandler body) {
    router.patch("/sim/mailboxes/:smtp/folders").handler(body).handler(this::rename);
    router.delete("/sim/mailboxes/:smtp/folders").handler(this::delete);
  }

  private void rename(RoutingContext ctx) {
    JsonObject json;
    try {
      json = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      json = null;
    }
    String name = json == null ? null : json.getString("displayName");
    if (name == null || name.isBlank()) {
      SimJson.error(ctx, 400, "give the new name as {\"displayName\": \"…\"}");
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Folder f = m == null ? null : folder(ctx, m);
      if (f != null) {
        f.displayName = name.trim();
        bed.store.folderChanged(f);
        SimJson.json(ctx, 200, json(f));
      }
      return null;
    });
  }

  private void delete(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Folder f = m == null ? null : folder(ctx, m);
      if (f != null) {
        if ("true".equals(ctx.queryParams().get("permanently"))) {
          bed.store.deleteFolder(m, f);
        } else {
          bed.store.moveFolder(f, m.deletedItems);
        }
        SimJson.json(ctx, 200, json(f));
      }
      return null;
    });
  }

  private static JsonObject json(Folder f) {
    return new JsonObject().put("id", f.id).put("displayName", f.displayName).put("parentFolderId", f.parentId);
  }

  private Mailbox mailbox(RoutingContext ctx) {
    Mailbox m = bed.store.mailbox(ctx.pathParam("smtp"));
    if (m == null) {
      SimJson.error(ctx, 404, "no mailbox " + ctx.pathParam("smtp") + "; add it with POST /sim/mailboxes");
    }
    return m;
  }

  /** The folder {@code ?folder=} names under Contacts; a 404 (or none named, a 400) answered otherwise. */
  private static Folder folder(RoutingContext ctx, Mailbox m) {
    String name = ctx.queryParams().get("folder");
    if (name == null || name.isBlank()) {
      SimJson.error(ctx, 400, "name the folder under Contacts: ?folder=<display name>");
      return null;
    }
    for (Folder f : m.folders.values()) {
      if (m.contacts.id.equals(f.parentId) && f.displayName.equalsIgnoreCase(name)) {
        return f;
      }
    }
    SimJson.error(ctx, 404, "no folder '" + name + "' under " + m.contacts.displayName + " in " + m.smtp);
    return null;
  }
}
