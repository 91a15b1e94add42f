package com.exchangesync.testbed.salesforce;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.TreeMap;

/**
 * The Salesforce test bed's admin API (JSON under {@code /sim}): reset, stats,
 * faults, the org and its users, records edited as a person in the UI would
 * (through the same checks as the API, and firing Outbound Messages like any
 * other change), the Outbound Message endpoint and queue, and the External
 * Client Apps of the OAuth token endpoint. Bad input is a 400 naming the problem.
 */
final class SimAdminApi {

  private final SalesforceTestbed bed;
  private final RecordWriter writer;

  SimAdminApi(SalesforceTestbed bed) {
    this.bed = bed;
    this.writer = new RecordWriter(bed.store);
  }

  void mount(Router router, BodyHandler body) {
    router.post("/sim/reset").handler(this::reset);
    router.get("/sim/stats").handler(ctx -> json(ctx, 200, bed.stats.json().put("outbound", bed.outbound.status())));
    router.get("/sim/queries").handler(ctx -> ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
        .end(bed.stats.queries().encode()));
    router.post("/sim/faults").handler(body).handler(this::faults);
    router.post("/sim/clock").handler(body).handler(this::advanceClock);
    router.get("/sim/clock").handler(ctx -> json(ctx, 200, clock()));
    router.post("/sim/org").handler(body).handler(this::org);
    router.get("/sim/org").handler(this::getOrg);
    router.get("/sim/records/:sobject").handler(this::list);
    router.get("/sim/records/:sobject/:id").handler(this::get);
    router.post("/sim/records/:sobject").handler(body).handler(this::create);
    router.patch("/sim/records/:sobject/:id").handler(body).handler(this::update);
    router.delete("/sim/records/:sobject/:id").handler(this::delete);
    router.put("/sim/outbound").handler(body).handler(this::putOutbound);
    router.put("/sim/oauth/apps").handler(body).handler(this::putApps);
    router.get("/sim/oauth/apps").handler(ctx -> json(ctx, 200, bed.apps.json()));
    router.get("/sim/outbound").handler(ctx -> json(ctx, 200, bed.outbound.status()));
    router.put("/sim/duplicate-rules").handler(body).handler(this::putDuplicateRules);
    router.get("/sim/duplicate-rules").handler(ctx -> json(ctx, 200, new JsonObject().put("rules", bed.store.duplicateRules.json())));
  }

  private void reset(RoutingContext ctx) {
    bed.store.locked(() -> {
      OrgSetup.install(bed.store, new JsonObject());
      bed.cursors.clear();
      bed.outbound.reset();
      return null;
    });
    bed.sessions.expireAll();
    bed.apps.clear();
    bed.store.duplicateRules.clear();
    bed.login.soapLoginEnabled(false);
    bed.faults.clear();
    bed.stats.reset();
    ctx.response().setStatusCode(204).end();
  }

  /** Replaces the org's active duplicate rules with the list given (see {@link DuplicateRule#fromJson}); [] turns them off. */
  private void putDuplicateRules(RoutingContext ctx) {
    Object parsed = parse(ctx);
    if (parsed == null) {
      return;
    }
    if (!(parsed instanceof JsonArray list)) {
      error(ctx, 400, "bad duplicate rules: send a list of standard rule names or rule objects");
      return;
    }
    try {
      List<DuplicateRule> rules = new java.util.ArrayList<>();
      list.forEach(o -> rules.add(DuplicateRule.fromJson(o, bed.store.schema)));
      bed.store.duplicateRules.replace(rules);
      json(ctx, 200, new JsonObject().put("rules", bed.store.duplicateRules.json()));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "bad duplicate rules: " + e.getMessage());
    }
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

  /** {@code {"advanceSeconds": n}}: the org's clock moves on ({@link OrgClock}); answers where it stands. */
  private void advanceClock(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    Object seconds = json.getValue("advanceSeconds");
    if (!(seconds instanceof Number n) || n.doubleValue() != n.longValue()) {
      error(ctx, 400, "bad clock: advanceSeconds must be a whole number of seconds");
      return;
    }
    try {
      bed.orgClock.advance(java.time.Duration.ofSeconds(n.longValue()));
      json(ctx, 200, clock());
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "bad clock: " + e.getMessage());
    }
  }

  private JsonObject clock() {
    return new JsonObject().put("now", bed.orgClock.instant().toString())
        .put("aheadSeconds", bed.orgClock.ahead().toSeconds());
  }

  private void org(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    Object soapLogin = json.getValue("soapLoginEnabled", Boolean.FALSE);
    if (!(soapLogin instanceof Boolean)) {
      error(ctx, 400, "bad org: soapLoginEnabled must be true or false");
      return;
    }
    try {
      bed.store.locked(() -> {
        OrgSetup.install(bed.store, json);
        bed.cursors.clear();
        return null;
      });
      bed.login.soapLoginEnabled((Boolean) soapLogin);
      bed.sessions.expireAll();
      getOrg(ctx);
    } catch (IllegalArgumentException | ClassCastException e) {
      error(ctx, 400, "bad org: " + e.getMessage());
    }
  }

  private void getOrg(RoutingContext ctx) {
    JsonObject out = bed.store.locked(() -> {
      Org org = bed.store.org();
      JsonArray users = new JsonArray();
      bed.store.rows(bed.store.schema.type("User")).forEach(u -> users.add(SimRecords.json(u)));
      JsonArray profiles = new JsonArray();
      bed.store.rows(bed.store.schema.type("Profile")).forEach(p -> profiles.add(SimRecords.json(p)));
      JsonObject sharing = new JsonObject();
      new TreeMap<>(org.sharing()).forEach((type, level) -> sharing.put(type, level.label));
      return new JsonObject().put("orgId", org.id()).put("name", org.name()).put("integrationUserId", org.integrationUserId())
          .put("users", users).put("profiles", profiles).put("sharing", sharing).put("soapLoginEnabled", bed.login.soapLoginEnabled())
          .put("sObjectTypes", new JsonArray(bed.sObjectTypes()));
    });
    json(ctx, 200, out);
  }

  private void list(RoutingContext ctx) {
    SObjectType type = type(ctx);
    if (type == null) {
      return;
    }
    boolean all = "true".equals(ctx.request().getParam("all"));
    JsonArray records = bed.store.locked(() -> {
      JsonArray out = new JsonArray();
      bed.store.rows(type).stream().filter(r -> all || !r.deleted()).forEach(r -> out.add(SimRecords.json(r)));
      return out;
    });
    json(ctx, 200, new JsonObject().put("records", records));
  }

  private void get(RoutingContext ctx) {
    SObjectType type = type(ctx);
    if (type == null) {
      return;
    }
    Row row = bed.store.locked(() -> bed.store.row(ctx.pathParam("id")));
    if (row == null || row.type != type) {
      error(ctx, 404, "no " + type.name + " with id " + ctx.pathParam("id"));
    } else {
      json(ctx, 200, SimRecords.json(row));
    }
  }

  private void create(RoutingContext ctx) {
    write(ctx, null);
  }

  private void update(RoutingContext ctx) {
    write(ctx, ctx.pathParam("id"));
  }

  private void write(RoutingContext ctx, String id) {
    SObjectType type = type(ctx);
    JsonObject json = type == null ? null : object(ctx);
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      String actor = actor(ctx);
      if (actor == null) {
        return null;
      }
      if (id != null) {
        Row existing = bed.store.row(id);
        if (existing == null || existing.type != type) {
          error(ctx, 404, "no " + type.name + " with id " + id);
          return null;
        }
      }
      Change change;
      try {
        change = SimRecords.change(bed.store.schema, type, id, json);
      } catch (IllegalArgumentException e) {
        error(ctx, 400, e.getMessage());
        return null;
      }
      SaveOutcome o = id == null ? writer.create(List.of(change), actor, SaveOptions.UI).get(0)
          : writer.update(List.of(change), actor, SaveOptions.UI).get(0);
      if (!o.success()) {
        json(ctx, 400, new JsonObject().put("error", o.errors().get(0).statusCode() + ": " + o.errors().get(0).message())
            .put("errors", SimRecords.errors(o)));
        return null;
      }
      json(ctx, id == null ? 201 : 200, SimRecords.json(bed.store.row(o.id())));
      return null;
    });
  }

  private void delete(RoutingContext ctx) {
    SObjectType type = type(ctx);
    if (type == null) {
      return;
    }
    bed.store.locked(() -> {
      Row row = bed.store.row(ctx.pathParam("id"));
      if (row == null || row.type != type) {
        error(ctx, 404, "no " + type.name + " with id " + ctx.pathParam("id"));
        return null;
      }
      SaveOutcome o = writer.delete(List.of(row.id), java.util.Map.of(), true).get(0);
      if (o.success()) {
        ctx.response().setStatusCode(204).end();
      } else {
        json(ctx, 400, new JsonObject().put("error", o.errors().get(0).statusCode() + ": " + o.errors().get(0).message())
            .put("errors", SimRecords.errors(o)));
      }
      return null;
    });
  }

  private void putOutbound(RoutingContext ctx) {
    JsonObject json = object(ctx);
    if (json == null) {
      return;
    }
    try {
      bed.store.locked(() -> {
        bed.outbound.configure(OutboundConfig.parse(json, bed.store.schema, bed.store.org()));
        return null;
      });
      json(ctx, 200, bed.outbound.status());
    } catch (IllegalArgumentException | ClassCastException e) {
      error(ctx, 400, "bad outbound configuration: " + e.getMessage());
    }
  }

  private void putApps(RoutingContext ctx) {
    Object parsed = parse(ctx);
    if (parsed == null) {
      return;
    }
    Object apps = parsed instanceof JsonArray ? parsed : ((JsonObject) parsed).getValue("apps");
    if (!(apps instanceof JsonArray list)) {
      error(ctx, 400, "the body must be a list of apps: [{\"clientId\", \"certificate\", \"clientSecret\", \"runAs\","
          + " \"preApproved\"}, ...]");
      return;
    }
    try {
      bed.apps.replace(list);
      json(ctx, 200, bed.apps.json());
    } catch (IllegalArgumentException | ClassCastException e) {
      error(ctx, 400, "bad oauth apps: " + e.getMessage());
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private SObjectType type(RoutingContext ctx) {
    SObjectType type = bed.store.schema.typeLenient(ctx.pathParam("sobject"));
    if (type == null) {
      error(ctx, 404, "sObject type '" + ctx.pathParam("sobject") + "' is not supported");
    }
    return type;
  }

  /** Who makes a UI edit: {@code ?as=<user id or username>}, else the first user who is not the integration user. */
  private String actor(RoutingContext ctx) {
    String as = ctx.request().getParam("as");
    if (as != null) {
      Row u = SalesforceIds.valid(as) ? bed.store.row(as) : bed.store.userByUsername(as);
      if (u == null || !u.type.name.equals("User")) {
        error(ctx, 400, "as= names no user of the org: " + as);
        return null;
      }
      return u.id;
    }
    String integration = bed.store.org().integrationUserId();
    for (Row u : bed.store.rows(bed.store.schema.type("User"))) {
      if (!u.id.equals(integration)) {
        return u.id;
      }
    }
    if (integration != null) {
      return integration;
    }
    error(ctx, 409, "the org has no users yet: set them up with POST /sim/org");
    return null;
  }

  private Object parse(RoutingContext ctx) {
    return SimJson.parse(ctx, "the body must be JSON");
  }

  private JsonObject object(RoutingContext ctx) {
    return SimJson.object(ctx, "the body must be JSON");
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    SimJson.json(ctx, status, body);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    SimJson.error(ctx, status, message);
  }
}
