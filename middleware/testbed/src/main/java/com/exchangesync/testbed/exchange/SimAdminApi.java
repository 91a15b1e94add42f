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
 * service account and mailboxes, edit contacts (and, through {@link SimEventsApi},
 * events) as a person would in Outlook (the edits show up in {@code SyncFolderItems} like any other), inject
 * faults, read the stats, reset. Bad input is a 400 naming the problem.
 */
final class SimAdminApi {

  private final ExchangeTestbed bed;

  SimAdminApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router, BodyHandler body) {
    router.post("/sim/reset").handler(this::reset);
    router.get("/sim/stats").handler(this::stats);
    router.post("/sim/faults").handler(body).handler(this::faults);
    router.put("/sim/service-account").handler(body).handler(this::serviceAccount);
    router.post("/sim/mailboxes").handler(body).handler(this::addMailbox);
    router.get("/sim/mailboxes").handler(this::listMailboxes);
    router.get("/sim/mailboxes/:smtp/contacts").handler(this::list);
    router.post("/sim/mailboxes/:smtp/contacts").handler(body).handler(this::create);
    router.patch("/sim/mailboxes/:smtp/contacts/:id").handler(body).handler(this::update);
    router.delete("/sim/mailboxes/:smtp/contacts/:id").handler(this::delete);
    new SimEventsApi(bed).mount(router, body);
    new SimDeletedItemsApi(bed).mount(router);
    new SimFoldersApi(bed).mount(router, body);
    new SimStreamingApi(bed).mount(router);
  }

  private void reset(RoutingContext ctx) {
    bed.subscriptions.restart();
    bed.store.reset();
    bed.faults.clear();
    bed.stats.reset();
    bed.extensions.forEach(SimExtension::reset);
    ctx.response().setStatusCode(204).end();
  }

  /** EWS counts at the top level; another protocol's under its name, so EWS counts stay those of EWS. */
  private void stats(RoutingContext ctx) {
    JsonObject out = bed.stats.json();
    bed.extensions.forEach(e -> out.put(e.protocol(), e.stats()));
    json(ctx, 200, out);
  }

  private void faults(RoutingContext ctx) {
    Object parsed = parse(ctx);
    if (parsed == null) {
      return;
    }
    try {
      if (parsed instanceof JsonArray list) {
        list.forEach(o -> addFault((JsonObject) o));
      } else {
        addFault((JsonObject) parsed);
      }
      ctx.response().setStatusCode(204).end();
    } catch (IllegalArgumentException | ClassCastException e) {
      error(ctx, 400, "bad fault: " + e.getMessage());
    }
  }

  /** A fault for EWS (no {@code protocol}, or {@code "ews"}), or for the protocol that names it. */
  private void addFault(JsonObject fault) {
    String protocol = fault.getString("protocol");
    if (protocol == null || protocol.equals("ews")) {
      bed.faults.add(fault);
      return;
    }
    SimExtension target = bed.extensions.stream().filter(e -> e.protocol().equals(protocol)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("protocol must be ews"
            + bed.extensions.stream().map(e -> " or " + e.protocol()).reduce("", String::concat) + ", not " + protocol));
    target.addFault(fault);
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
      error(ctx, 400, "impersonates takes a list of SMTP addresses, UPNs or SIDs, or \"*\"");
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
    Object onPremises = json.getValue("onPremises", false);
    if (!(onPremises instanceof Boolean)) {
      error(ctx, 400, "onPremises takes true (the mailbox stays on the on-premises server of a hybrid setup) or false");
      return;
    }
    String upn = json.getString("upn");
    String sid = json.getString("sid");
    if (upn != null && !upn.matches("[^@\\s]+@[^@\\s]+")) {
      error(ctx, 400, "upn is a user principal name such as ann@corp.example.com or ann@corp.local");
      return;
    }
    if (sid != null && !sid.matches("(?i)S-1-\\d+(-\\d+)+")) {
      error(ctx, 400, "sid is a security identifier such as S-1-5-21-1004336348-1177238915-682003330-1104");
      return;
    }
    Mailbox m;
    try {
      m = bed.store.addMailbox(smtp, json.getString("displayName", smtp), upn, sid);
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
      return;
    }
    if (json.containsKey("onPremises")) {
      m.onPremises = (Boolean) onPremises;
    }
    json(ctx, 201, new JsonObject().put("smtp", m.smtp).put("displayName", m.displayName).put("upn", m.upn).put("sid", m.sid)
        .put("contactsFolderId", m.contacts.id).put("calendarFolderId", m.calendar.id).put("deletedItemsFolderId", m.deletedItems.id)
        .put("onPremises", m.onPremises));
  }

  private void listMailboxes(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("mailboxes", new JsonArray(bed.store.mailboxAddresses().stream().toList())));
  }

  private void list(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m == null) {
        return null;
      }
      Folder folder = folder(ctx, m);
      if (folder == null) {
        return null;
      }
      JsonArray items = new JsonArray();
      m.itemsIn(folder.id).forEach(i -> items.add(SimItems.json(i, m)));
      json(ctx, 200, new JsonObject().put("contacts", items));
      return null;
    });
  }

  private void create(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Folder folder = m == null ? null : folder(ctx, m);
      if (folder == null) {
        return null;
      }
      Item item = bed.store.draft(Item.Kind.CONTACT, folder);
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

  private void update(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : contact(ctx, m);
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

  private void delete(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : contact(ctx, m);
      if (item != null) {
        bed.store.deleteAsRep(m, item, "true".equals(ctx.queryParams().get("permanently")));
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

  /** The folder the request names: {@code ?folder=<display name under Contacts>}, else Contacts. */
  private Folder folder(RoutingContext ctx, Mailbox m) {
    Folder base = m.contacts;
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

  private Item contact(RoutingContext ctx, Mailbox m) {
    Item item = m.items.get(ctx.pathParam("id"));
    if (item == null || item.kind != Item.Kind.CONTACT) {
      error(ctx, 404, "no contact " + ctx.pathParam("id") + " in " + m.smtp);
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
