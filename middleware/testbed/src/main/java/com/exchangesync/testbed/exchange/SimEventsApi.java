package com.exchangesync.testbed.exchange;

import com.exchangesync.testbed.SimJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The admin API's events, under {@code /sim/mailboxes/{smtp}/events}: list the
 * stored events (singles and series masters), or with {@code ?from=&to=} what
 * the calendar shows in that window (singles, occurrences and exceptions);
 * create, change and delete events; change or cancel one occurrence of a
 * series ({@code …/events/{seriesId}/occurrences/{originalStart}}) as a rep
 * would in Outlook. Every edit shows up in {@code SyncFolderItems} (an
 * occurrence's as an update of its master). Bad input is a 400 naming the
 * problem; nothing is half-applied.
 */
final class SimEventsApi {

  private final ExchangeTestbed bed;

  SimEventsApi(ExchangeTestbed bed) {
    this.bed = bed;
  }

  void mount(Router router, BodyHandler body) {
    String events = "/sim/mailboxes/:smtp/events";
    router.get(events).handler(this::list);
    router.post(events).handler(body).handler(this::create);
    router.patch(events + "/:id").handler(body).handler(this::update);
    router.delete(events + "/:id").handler(this::delete);
    router.patch(events + "/:id/occurrences/:originalStart").handler(body).handler(this::updateOccurrence);
    router.delete(events + "/:id/occurrences/:originalStart").handler(this::deleteOccurrence);
  }

  private void list(RoutingContext ctx) {
    String from = ctx.queryParams().get("from");
    String to = ctx.queryParams().get("to");
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m == null) {
        return null;
      }
      JsonArray out = new JsonArray();
      if (from == null && to == null) {
        m.itemsIn(m.calendar.id).forEach(i -> out.add(SimEvents.json(i, m)));
      } else {
        Instant start = when(ctx, "from", from);
        Instant end = start == null ? null : when(ctx, "to", to);
        if (end == null) {
          return null;
        }
        if (!end.isAfter(start)) {
          SimJson.error(ctx, 400, "'to' must be after 'from'");
          return null;
        }
        CalendarViewWindow window = new CalendarViewWindow(start, end, Integer.MAX_VALUE);
        window.all(m, m.calendar).forEach(i -> out.add(SimEvents.listed(i, m)));
      }
      SimJson.json(ctx, 200, new JsonObject().put("events", out));
      return null;
    });
  }

  private static Instant when(RoutingContext ctx, String name, String value) {
    if (value == null) {
      SimJson.error(ctx, 400, "a windowed listing needs both 'from' and 'to'");
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      SimJson.error(ctx, 400, "'" + name + "' takes an ISO-8601 date-time with offset, such as 2026-03-01T00:00:00Z");
      return null;
    }
  }

  private void create(RoutingContext ctx) {
    JsonObject json = SimJson.object(ctx, "the request needs a JSON body");
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      if (m == null) {
        return null;
      }
      Item item = bed.store.draft(Item.Kind.CALENDAR, m.calendar);
      if (!applied(ctx, json, item)) {
        return null;
      }
      bed.store.insert(m, item);
      SimJson.json(ctx, 201, SimEvents.json(item, m));
      return null;
    });
  }

  private void update(RoutingContext ctx) {
    JsonObject json = SimJson.object(ctx, "the request needs a JSON body");
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : event(ctx, m);
      if (item == null) {
        return null;
      }
      Item before = snapshot(item);
      if (!applied(ctx, json, item)) {
        restore(item, before);
        return null;
      }
      CalendarRules.dropExceptionsIfSeriesChanged(item, before.calendar, before.fields);
      bed.store.touched(m, item);
      SimJson.json(ctx, 200, SimEvents.json(item, m));
      return null;
    });
  }

  private void delete(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Item item = m == null ? null : event(ctx, m);
      if (item != null) {
        bed.store.deleteAsRep(m, item, "true".equals(ctx.queryParams().get("permanently")));
        ctx.response().setStatusCode(204).end();
      }
      return null;
    });
  }

  private void updateOccurrence(RoutingContext ctx) {
    JsonObject json = SimJson.object(ctx, "the request needs a JSON body");
    if (json == null) {
      return;
    }
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Occurrence o = m == null ? null : occurrence(ctx, m);
      if (o == null) {
        return null;
      }
      Item view = OccurrenceViews.view(o);
      try {
        SimEvents.apply(json, view);
        CalendarRules.settle(view, null);
        OccurrenceViews.keep(view, bed.store.now());
      } catch (IllegalArgumentException | ResponseMessageError e) {
        SimJson.error(ctx, 400, e.getMessage());
        return null;
      }
      bed.store.touched(m, o.master());
      SimJson.json(ctx, 200, SimEvents.listed(OccurrenceViews.view(new Series(o.master()).at(o.originalStart())), m));
      return null;
    });
  }

  private void deleteOccurrence(RoutingContext ctx) {
    bed.store.locked(() -> {
      Mailbox m = mailbox(ctx);
      Occurrence o = m == null ? null : occurrence(ctx, m);
      if (o != null) {
        o.master().calendar.exceptions.remove(o.originalStart());
        o.master().calendar.deleted.add(o.originalStart());
        bed.store.touched(m, o.master());
        ctx.response().setStatusCode(204).end();
      }
      return null;
    });
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** Applies {@code json} and settles the event as Exchange would; answers 400 and returns false when it cannot. */
  private static boolean applied(RoutingContext ctx, JsonObject json, Item item) {
    try {
      SimEvents.apply(json, item);
      if (item.fields.get("calendar:Start") == null || item.fields.get("calendar:End") == null) {
        throw new IllegalArgumentException("an event needs 'start' and 'end'");
      }
      CalendarRules.settle(item, null);
      return true;
    } catch (IllegalArgumentException | ResponseMessageError e) {
      SimJson.error(ctx, 400, e instanceof ResponseMessageError r ? r.code + ": " + e.getMessage() : e.getMessage());
      return false;
    }
  }

  private static Item snapshot(Item item) {
    Item copy = new Item(item.id, item.kind, item.folderId, item.created);
    copy.fields.putAll(item.fields);
    copy.extended.putAll(item.extended);
    copy.calendar.restore(item.calendar);
    return copy;
  }

  private static void restore(Item item, Item snapshot) {
    item.fields.clear();
    item.fields.putAll(snapshot.fields);
    item.extended.clear();
    item.extended.putAll(snapshot.extended);
    item.calendar.restore(snapshot.calendar);
  }

  private Mailbox mailbox(RoutingContext ctx) {
    Mailbox m = bed.store.mailbox(ctx.pathParam("smtp"));
    if (m == null) {
      SimJson.error(ctx, 404, "no mailbox " + ctx.pathParam("smtp") + "; add it with POST /sim/mailboxes");
    }
    return m;
  }

  private static Item event(RoutingContext ctx, Mailbox m) {
    Item item = m.items.get(ctx.pathParam("id"));
    if (item == null || item.kind != Item.Kind.CALENDAR) {
      SimJson.error(ctx, 404, "no event " + ctx.pathParam("id") + " in " + m.smtp);
      return null;
    }
    return item;
  }

  /** The occurrence the path names; answers 404 (with why) when the series has none there. */
  private static Occurrence occurrence(RoutingContext ctx, Mailbox m) {
    Item master = event(ctx, m);
    if (master == null) {
      return null;
    }
    if (master.calendar.recurrence == null) {
      SimJson.error(ctx, 404, "event " + master.id + " is not a series");
      return null;
    }
    try {
      return new Series(master).at(SimEvents.originalStart(ctx.pathParam("originalStart"), master.calendar.zone()));
    } catch (IllegalArgumentException e) {
      SimJson.error(ctx, 400, e.getMessage());
    } catch (ResponseMessageError e) {
      SimJson.error(ctx, 404, e.code.equals("ErrorCalendarOccurrenceIsDeletedFromRecurrence")
          ? "that occurrence of " + master.id + " is already cancelled"
          : "series " + master.id + " has no occurrence originally starting " + ctx.pathParam("originalStart")
              + " (list them with ?from=&to=)");
    }
    return null;
  }
}
