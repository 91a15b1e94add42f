package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Folder;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.Mailbox;
import com.exchangesync.testbed.exchange.OccurrenceIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delta queries: {@code contactFolders/{id}/contacts/delta} (and
 * {@code contacts/delta}, the default folder) and {@code calendarView/delta}.
 * A round starts without a token (everything in scope is new) or with a
 * {@code $deltatoken} (what changed since); it is cut into pages of
 * {@code Prefer: odata.maxpagesize} (default 10), each but the last with an
 * {@code @odata.nextLink} ({@code $skiptoken}), the last with an
 * {@code @odata.deltaLink}. A changed item comes whole; a removed one as
 * {@code {"id", "@removed": {"reason": "deleted"}}} ({@code "changed"} when it
 * still exists but left the scope: another folder, or out of the window).
 *
 * <p>{@code calendarView/delta} is bound to the window of its first request
 * (later links carry it) and reports singles, occurrences and exceptions,
 * never series masters; an occurrence that is not an exception comes bare
 * (ids, type, series master id, start and end: read the master for the rest);
 * a series is never split across pages (a page may run past the page size to
 * keep it whole); and an occurrence cancelled while its series stays is not
 * reported at all — clients infer it, as with Graph.
 */
final class DeltaResource {

  private static final int MAX_PAGE_SIZE = 1000;

  private DeltaResource() {}

  /** One item in scope: its id, version, JSON, and the group it must not be split from. */
  private record Entry(String id, String version, JsonObject json, String group) {}

  static GraphResponse contacts(GraphCall call) {
    return round(call, "contacts", () -> {
      Folder folder = ContactsResource.folder(call);
      return new DeltaStates.Known("contacts", call.mailbox().smtp, folder.id, null, null, call.request().option("$select"),
          call.request().option("$expand"), Map.of());
    });
  }

  static GraphResponse calendarView(GraphCall call) {
    return round(call, "calendarView", () -> {
      Instant start = GraphTime.queryInstant(call.request().option("startDateTime"));
      Instant end = GraphTime.queryInstant(call.request().option("endDateTime"));
      return new DeltaStates.Known("calendarView", call.mailbox().smtp, call.mailbox().calendar.id, start, end,
          call.request().option("$select"), call.request().option("$expand"), Map.of());
    });
  }

  private static GraphResponse round(GraphCall call, String kind, java.util.function.Supplier<DeltaStates.Known> fresh) {
    DeltaStates states = call.state().deltas;
    String skip = call.request().option("$skiptoken");
    if (skip != null) {
      DeltaStates.Page page = states.page(skip);
      if (!page.after().kind().equals(kind) || !page.after().smtp().equalsIgnoreCase(call.mailbox().smtp)) {
        throw DeltaStates.gone();
      }
      return serve(call, page);
    }
    String token = call.request().option("$deltatoken");
    DeltaStates.Known before;
    if (token != null) {
      before = states.known(token);
      if (!before.kind().equals(kind) || !before.smtp().equalsIgnoreCase(call.mailbox().smtp)) {
        throw DeltaStates.gone();
      }
    } else {
      before = fresh.get();
    }
    Map<String, Entry> current = kind.equals("contacts") ? contactsInScope(call, before) : eventsInScope(call, before);
    List<Entry> changes = new ArrayList<>();
    Map<String, String> versions = new LinkedHashMap<>();
    current.forEach((id, e) -> {
      versions.put(id, e.version());
      if (!e.version().equals(before.versions().get(id))) {
        changes.add(e);
      }
    });
    for (String id : before.versions().keySet()) {
      if (!current.containsKey(id)) {
        String reason = removal(call.mailbox(), kind, id, before);
        if (reason != null) {
          changes.add(new Entry(id, "", removed(kind, id, reason), id));
        }
      }
    }
    DeltaStates.Known after = new DeltaStates.Known(kind, before.smtp(), before.folderId(), before.windowStart(), before.windowEnd(),
        before.select(), before.expand(), versions);
    Integer asked = call.request().preferences().containsKey("odata.maxpagesize")
        ? ODataQuery.number(call.request().preferences().get("odata.maxpagesize"), "odata.maxpagesize", 1, Integer.MAX_VALUE, 10)
        : null;
    int size = asked == null ? ODataQuery.DEFAULT_PAGE : Math.min(asked, MAX_PAGE_SIZE);
    return serve(call, new DeltaStates.Page(paginate(changes, size), 0, after, asked));
  }

  /** Pages of at most {@code size} entries, a group (a series' instances) never split. */
  private static List<List<JsonObject>> paginate(List<Entry> entries, int size) {
    List<List<JsonObject>> pages = new ArrayList<>();
    List<JsonObject> page = new ArrayList<>();
    for (int i = 0; i < entries.size(); ) {
      int j = i;
      while (j < entries.size() && entries.get(j).group().equals(entries.get(i).group())) {
        j++;
      }
      if (!page.isEmpty() && page.size() + (j - i) > size) {
        pages.add(page);
        page = new ArrayList<>();
      }
      for (int k = i; k < j; k++) {
        page.add(entries.get(k).json());
      }
      i = j;
    }
    pages.add(page);
    return pages;
  }

  private static GraphResponse serve(GraphCall call, DeltaStates.Page page) {
    DeltaStates states = call.state().deltas;
    DeltaStates.Known after = page.after();
    String type = after.kind().equals("contacts") ? "contact" : "event";
    JsonArray value = new JsonArray();
    for (JsonObject entry : page.pages().get(page.index())) {
      boolean whole = !entry.containsKey("@removed") && !(type.equals("event") && !entry.containsKey("subject"));
      value.add(whole ? ODataQuery.shape(after.select(), after.expand(), entry, type) : entry);
    }
    String url = ODataQuery.pathUrl(call.baseUrl(), call.request());
    JsonObject out = new JsonObject().put("@odata.context", call.context(after.kind().equals("contacts") ? "contacts" : "events")
        + "/delta").put("value", value);
    if (page.index() + 1 < page.pages().size()) {
      out.put("@odata.nextLink", url + "?$skiptoken=" + states.put(new DeltaStates.Page(page.pages(), page.index() + 1, after,
          page.maxPageSize())));
    } else {
      out.put("@odata.deltaLink", url + "?$deltatoken=" + states.put(after));
    }
    GraphResponse response = GraphResponse.ok(out);
    if (page.maxPageSize() != null) {
      response.withHeader("Preference-Applied", "odata.maxpagesize=" + page.maxPageSize());
    }
    return response;
  }

  private static Map<String, Entry> contactsInScope(GraphCall call, DeltaStates.Known scope) {
    Folder folder = call.mailbox().folders.get(scope.folderId());
    if (folder == null) {
      throw GraphError.itemNotFound();
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Item i : call.mailbox().itemsIn(folder.id)) {
      if (i.kind == Item.Kind.CONTACT) {
        out.put(i.id, new Entry(i.id, i.changeKey, ContactJson.render(i), i.id));
      }
    }
    return out;
  }

  private static Map<String, Entry> eventsInScope(GraphCall call, DeltaStates.Known scope) {
    Map<String, Entry> out = new LinkedHashMap<>();
    if (!scope.windowEnd().isAfter(scope.windowStart())) {
      return out;
    }
    List<Item> shown = new ArrayList<>(CalendarViewResource.shown(call, scope.windowStart(), scope.windowEnd()));
    // A series' instances stay together (in order of their first one), so no page splits a series.
    Map<String, List<Item>> groups = new LinkedHashMap<>();
    for (Item item : shown) {
      groups.computeIfAbsent(item.occurrence == null ? item.id : item.occurrence.master().id, k -> new ArrayList<>()).add(item);
    }
    groups.forEach((group, items) -> {
      for (Item item : items) {
        JsonObject json = item.occurrence != null && item.occurrence.exception() == null
            ? EventJson.bare(item, GraphTime.outputZone(call.request()))
            : EventJson.render(item, call.mailbox(), GraphTime.outputZone(call.request()));
        out.put(item.id, new Entry(item.id, item.changeKey + "|" + item.fields.get("calendar:Start"), json, group));
      }
    });
    return out;
  }

  /** Why an id left the scope, or null when Graph says nothing (an occurrence cancelled while its series stays). */
  private static String removal(Mailbox m, String kind, String id, DeltaStates.Known scope) {
    if (kind.equals("calendarView")) {
      var occurrence = OccurrenceIds.parse(id);
      if (occurrence.isPresent()) {
        Item master = m.items.get(occurrence.get().masterId());
        boolean seriesStays = master != null && master.calendar != null && master.calendar.recurrence != null
            && master.folderId.equals(scope.folderId());
        return seriesStays ? null : "deleted";
      }
    }
    Item item = m.items.get(id);
    return item == null ? "deleted" : "changed";
  }

  private static JsonObject removed(String kind, String id, String reason) {
    return new JsonObject().put("@odata.type", kind.equals("contacts") ? "#microsoft.graph.contact" : "#microsoft.graph.event")
        .put("id", id).put("@removed", new JsonObject().put("reason", reason));
  }
}
