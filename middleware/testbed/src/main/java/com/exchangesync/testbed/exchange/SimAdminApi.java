package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Exchange test bed's admin API (JSON under {@code /sim}): set up the
 * service account and mailboxes, edit contacts and events as a person would in
 * Outlook (the edits show up in {@code SyncFolderItems} like any other), inject
 * faults, read the stats, reset. Bad input is a 400 naming the problem.
 */
final class SimAdminApi {

  private final ExchangeTestbed bed;

  SimAdminApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router, BodyHandler body) {
    router.post("/sim/reset").handler(this::reset);
    router.get("/sim/stats").handler(ctx -> json(ctx, 200, bed.stats.json()));
    router.post("/sim/faults").handler(body).handler(this::faults);
    router.put("/sim/service-account").handler(body).handler(this::serviceAccount);
    router.post("/sim/mailboxes").handler(body).handler(this::addMailbox);
    router.get("/sim/mailboxes").handler(this::listMailboxes);
    for (String kind : new String[] {"contacts", "events"}) {
      router.get("/sim/mailboxes/:smtp/" + kind).handler(ctx -> list(ctx, kind));
      router.post("/sim/mailboxes/:smtp/" + kind).handler(body).handler(ctx -> create(ctx, kind));
      router.patch("/sim/mailboxes/:smtp/" + kind + "/:id").handler(body).handler(ctx -> update(ctx, kind));
      router.delete("/sim/mailboxes/:smtp/" + kind + "/:id").handler(ctx -> delete(ctx, kind));
    }
  }

  private void reset(RoutingContext ctx) {
    bed.store.reset();
    bed.faults.clear();
    bed.stats.reset();
    ctx.response().setStatusCode(204).end();
  }

  private void faults(RoutingContext ctx) {
    Object parsed = parse(ctx);
    if (parsed == null) {
      return;
    }
    try {
      if (parsed instanceof JsonArray list) {
        list.forEach(o -> bed.faults.add((JsonObject) o));
      } else {
        bed.faults.add((JsonObject) parsed);
      }
      ctx.response().setStatusCode(204).end();
    } catch (IllegalArgumentException | ClassCastException e) {
      error(ctx, 400, "bad fault: " + e.getMessage());
    }
  }

  private void serviceAccount(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    String username = json.getString("username");
    String password = json.getString("password");
    if (username == null || username.isBlank() || password == null) {
      error(ctx, 400, "a service account needs username and password");
      return;
    }
    Object scope = json.getValue("impersonates");
    Set<String> who = new LinkedHashSet<>();
    boolean all = "*".equals(scope);
    if (scope instanceof JsonArray list) {
      list.forEach(o -> who.add(String.valueOf(o).toLowerCase(Locale.ROOT)));
    } else if (!all && scope != null) {
      error(ctx, 400, "impersonates takes a list of SMTP addresses or \"*\"");
      return;
    }
    bed.store.serviceAccount(new MailboxStore.ServiceAccount(username, password, who, all));
    ctx.response().setStatusCode(204).end();
  }

  private void addMailbox(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    String smtp = json.getString("smtp");
    if (smtp == null || !smtp.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      error(ctx, 400, "a mailbox needs an smtp address such as rep@example.com");
      return;
    }
    Mailbox m = bed.store.addMailbox(smtp, json.getString("displayName", smtp));
    json(ctx, 201, new JsonObject().put("smtp", m.smtp).put("displayName", m.displayName)
        .put("contactsFolderId", m.contacts.id).put("calendarFolderId", m.calendar.id));
  }

  private void listMailboxes(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("mailboxes", new JsonArray(bed.store.mailboxAddresses().stream().toList())));
  }

  private void list(RoutingContext ctx, String kind) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m == null) {
        return null;
      }
      Folder folder = folder(ctx, m, kind);
      if (folder == null) {
        return null;
      }
      JsonArray items = new JsonArray();
      m.items.values().stream().filter(i -> i.folderId.equals(folder.id)).forEach(i -> items.add(SimItems.json(i, m)));
      json(ctx, 200, new JsonObject().put(kind, items));
      return null;
    });
  }

  private void create(RoutingContext ctx, String kind) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Folder folder = m == null ? null : folder(ctx, m, kind);
      if (folder == null) {
        return null;
      }
      Item item = bed.store.draft(kind.equals("contacts") ? Item.Kind.CONTACT : Item.Kind.CALENDAR, folder);
      try {
        SimItems.apply(json, item);
      } catch (IllegalArgumentException e) {
        error(ctx, 400, e.getMessage());
        return null;
      }
      bed.store.insert(m, item);
      json(ctx, 201, SimItems.json(item, m));
      return null;
    });
  }

  private void update(RoutingContext ctx, String kind) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : item(ctx, m, kind);
      if (item == null) {
        return null;
      }
      Map<String, String> fields = new HashMap<>(item.fields);
      Map<ExtendedKey, String> extended = new LinkedHashMap<>(item.extended);
      try {
        SimItems.apply(json, item);
      } catch (IllegalArgumentException e) {
        item.fields.clear();
        item.fields.putAll(fields);
        item.extended.clear();
        item.extended.putAll(extended);
        error(ctx, 400, e.getMessage());
        return null;
      }
      bed.store.touched(m, item);
      json(ctx, 200, SimItems.json(item, m));
      return null;
    });
  }

  private void delete(RoutingContext ctx, String kind) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : item(ctx, m, kind);
      if (item != null) {
        bed.store.delete(m, item);
        ctx.response().setStatusCode(204).end();
      }
      return null;
    });
  }

  // --- helpers ----------------------------------------------------------------------------------

  private Mailbox mailbox(RoutingContext ctx) {
    Mailbox m = bed.store.mailbox(ctx.pathParam("smtp"));
    if (m == null) {
      error(ctx, 404, "no mailbox " + ctx.pathParam("smtp") + "; add it with POST /sim/mailboxes");
    }
    return m;
  }

  /** The folder the request names: {@code ?folder=<display name under Contacts>}, else Contacts or Calendar. */
  private Folder folder(RoutingContext ctx, Mailbox m, String kind) {
    Folder base = kind.equals("contacts") ? m.contacts : m.calendar;
    String name = ctx.queryParams().get("folder");
    if (name == null || name.isBlank()) {
      return base;
    }
    for (Folder f : m.folders.values()) {
      if (base.id.equals(f.parentId) && f.displayName.equalsIgnoreCase(name)) {
        return f;
      }
    }
    error(ctx, 404, "no folder '" + name + "' under " + base.displayName + " in " + m.smtp);
    return null;
  }

  private Item item(RoutingContext ctx, Mailbox m, String kind) {
    Item item = m.items.get(ctx.pathParam("id"));
    Item.Kind expected = kind.equals("contacts") ? Item.Kind.CONTACT : Item.Kind.CALENDAR;
    if (item == null || item.kind != expected) {
      error(ctx, 404, "no " + (kind.equals("contacts") ? "contact" : "event") + " " + ctx.pathParam("id") + " in " + m.smtp);
      return null;
    }
    return item;
  }

  private Object parse(RoutingContext ctx) {
    return SimJson.parse(ctx, "the request needs a JSON body");
  }

  private JsonObject object(RoutingContext ctx) {
    return SimJson.object(ctx, "the request needs a JSON body");
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    SimJson.json(ctx, status, body);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    SimJson.error(ctx, status, message);
  }
}
