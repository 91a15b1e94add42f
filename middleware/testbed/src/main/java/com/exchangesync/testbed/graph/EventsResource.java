package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.CalendarRules;
import com.exchangesync.testbed.exchange.CalendarState;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.MeetingMessages;
import com.exchangesync.testbed.exchange.Occurrence;
import com.exchangesync.testbed.exchange.OccurrenceIds;
import com.exchangesync.testbed.exchange.OccurrenceViews;
import com.exchangesync.testbed.exchange.ResponseMessageError;
import com.exchangesync.testbed.exchange.Series;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events of the main calendar: {@code /events} and {@code /calendar/events}
 * list singles and series masters and create; {@code /events/{id}} reads,
 * updates and deletes a single, a master (the whole series) or one occurrence
 * (updated it becomes an exception, deleted it is cancelled);
 * {@code /events/{id}/instances} lists a series' occurrences and exceptions in
 * a window. A meeting (an event with attendees) written through Graph always
 * notifies its attendees: invitations on create, updates when its subject,
 * body, time, place, recurrence or attendees change, cancellations on delete,
 * counted per recipient in {@code /sim/stats meetingMessagesSent} as the EWS
 * side counts them.
 */
final class EventsResource {

  private static final String SEND_TO_ALL = "SendToAllAndSaveCopy";
  private static final List<String> MEETING_FIELDS = List.of("item:Subject", "item:Body", "calendar:Location", "calendar:Start",
      "calendar:End", "calendar:IsAllDayEvent");

  private EventsResource() {}

  static GraphResponse list(GraphCall call) {
    List<JsonObject> out = new ArrayList<>();
    for (Item i : call.mailbox().itemsIn(call.mailbox().calendar.id)) {
      if (i.kind == Item.Kind.CALENDAR) {
        out.add(EventJson.render(i, call.mailbox(), GraphTime.outputZone(call.request())));
      }
    }
    return GraphResponse.ok(ODataQuery.collection(call, out, "events", "event"));
  }

  static GraphResponse create(GraphCall call) {
    JsonObject body = call.request().json();
    Object transaction = body.getValue("transactionId");
    if (transaction instanceof String id && !id.isBlank()) {
      // Graph's guard against a retried POST: the event made with this transactionId is the answer.
      for (Item i : call.mailbox().items.values()) {
        if (i.kind == Item.Kind.CALENDAR && id.equals(i.fields.get(EventWrites.TRANSACTION_ID))) {
          return GraphResponse.created(entity(call, i));
        }
      }
    }
    Item item = call.state().store.draft(Item.Kind.CALENDAR, call.mailbox().calendar);
    EventWrites.apply(body, item);
    if (item.fields.get("calendar:Start") == null || item.fields.get("calendar:End") == null) {
      throw new GraphError(400, "ErrorInvalidRequest", "The request is invalid: an event needs a start and an end.");
    }
    settle(item);
    sent(call, item, MeetingMessages.forCreate(item.calendar.attendees, SEND_TO_ALL));
    call.state().store.insert(call.mailbox(), item);
    return GraphResponse.created(entity(call, item));
  }

  static GraphResponse get(GraphCall call) {
    return GraphResponse.ok(entity(call, event(call, call.segment(1))));
  }

  static GraphResponse update(GraphCall call) {
    Item item = event(call, call.segment(1));
    JsonObject body = call.request().json();
    Preconditions.check(call.request(), item.changeKey);
    if (item.occurrence != null) {
      return GraphResponse.ok(entity(call, updateOccurrence(call, item, body)));
    }
    Map<String, String> fields = new HashMap<>(item.fields);
    var extended = new LinkedHashMap<>(item.extended);
    String bodyType = item.bodyType;
    CalendarState calendar = item.calendar.copy();
    try {
      EventWrites.apply(body, item);
      settle(item);
    } catch (GraphError e) {
      item.fields.clear();
      item.fields.putAll(fields);
      item.extended.clear();
      item.extended.putAll(extended);
      item.bodyType = bodyType;
      item.calendar.restore(calendar);
      throw e;
    }
    CalendarRules.dropExceptionsIfSeriesChanged(item, calendar, fields);
    if (meetingChanged(fields, item.fields, calendar, item.calendar)) {
      sent(call, item, MeetingMessages.forUpdate(calendar.attendees, item.calendar.attendees, true, SEND_TO_ALL));
    }
    call.state().store.touched(call.mailbox(), item);
    return GraphResponse.ok(entity(call, item));
  }

  private static Item updateOccurrence(GraphCall call, Item view, JsonObject body) {
    Map<String, String> before = new HashMap<>(view.fields);
    Item master = view.occurrence.master();
    EventWrites.apply(body, view);
    try {
      CalendarRules.settle(view, null);
      OccurrenceViews.keep(view, call.state().store.now());
    } catch (ResponseMessageError e) {
      throw new GraphError(400, e.code, e.getMessage());
    }
    if (meetingChanged(before, view.fields, master.calendar, master.calendar)) {
      sent(call, master, MeetingMessages.forUpdate(master.calendar.attendees, master.calendar.attendees, true, SEND_TO_ALL));
    }
    call.state().store.touched(call.mailbox(), master);
    return OccurrenceViews.view(new Series(master).at(view.occurrence.originalStart()));
  }

  static GraphResponse delete(GraphCall call) {
    Item item = event(call, call.segment(1));
    Preconditions.check(call.request(), item.changeKey);
    if (item.occurrence != null) {
      Item master = item.occurrence.master();
      master.calendar.exceptions.remove(item.occurrence.originalStart());
      master.calendar.deleted.add(item.occurrence.originalStart());
      sent(call, master, MeetingMessages.forDelete(master.calendar.attendees, SEND_TO_ALL));
      call.state().store.touched(call.mailbox(), master);
    } else {
      sent(call, item, MeetingMessages.forDelete(item.calendar.attendees, SEND_TO_ALL));
      call.state().store.delete(call.mailbox(), item);
    }
    return GraphResponse.noContent();
  }

  static GraphResponse instances(GraphCall call) {
    Item master = event(call, call.segment(1));
    Instant start = GraphTime.queryInstant(call.request().option("startDateTime"));
    Instant end = GraphTime.queryInstant(call.request().option("endDateTime"));
    List<JsonObject> out = new ArrayList<>();
    if (master.occurrence == null && master.calendar.recurrence != null) {
      for (Occurrence o : new Series(master).between(start, end)) {
        out.add(EventJson.render(OccurrenceViews.view(o), call.mailbox(), GraphTime.outputZone(call.request())));
      }
    }
    return GraphResponse.ok(ODataQuery.collection(call, out, "events('" + master.id + "')/instances", "event"));
  }

  /**
   * The event an id names in the main calendar: a stored event, or the view of one occurrence.
   *
   * @throws GraphError {@code ErrorItemNotFound} when there is none (a cancelled occurrence included)
   */
  static Item event(GraphCall call, String id) {
    GraphCall.checkId(id);
    var occurrence = OccurrenceIds.parse(id);
    if (occurrence.isPresent()) {
      Item master = call.item(occurrence.get().masterId(), Item.Kind.CALENDAR);
      if (master.calendar.recurrence == null) {
        throw GraphError.itemNotFound();
      }
      try {
        return OccurrenceViews.view(new Series(master).at(occurrence.get().originalStart()));
      } catch (ResponseMessageError e) {
        throw GraphError.itemNotFound();
      }
    }
    Item item = call.item(id, Item.Kind.CALENDAR);
    if (!item.folderId.equals(call.mailbox().calendar.id)) {
      throw GraphError.itemNotFound();
    }
    return item;
  }

  private static void settle(Item item) {
    try {
      CalendarRules.settle(item, null);
    } catch (ResponseMessageError e) {
      throw new GraphError(400, e.code, e.getMessage());
    }
  }

  private static boolean meetingChanged(Map<String, String> before, Map<String, String> after, CalendarState calBefore,
                                        CalendarState calAfter) {
    if (calAfter.attendees.isEmpty() && calBefore.attendees.isEmpty()) {
      return false;
    }
    boolean attendees = calBefore.attendees.size() != calAfter.attendees.size()
        || !calBefore.attendees.stream().allMatch(a -> calAfter.attendees.stream().anyMatch(a::sameAddress));
    return attendees || !Objects.equals(calBefore.recurrence, calAfter.recurrence)
        || MEETING_FIELDS.stream().anyMatch(f -> !Objects.equals(before.get(f), after.get(f)));
  }

  private static void sent(GraphCall call, Item item, int messages) {
    if (messages > 0) {
      call.state().exchangeStats.meetingMessagesSent.addAndGet(messages);
      item.calendar.meetingRequestWasSent = true;
    }
  }

  private static JsonObject entity(GraphCall call, Item item) {
    JsonObject shaped = ODataQuery.shape(call, EventJson.render(item, call.mailbox(), GraphTime.outputZone(call.request())), "event");
    JsonObject out = new JsonObject().put("@odata.context", call.context("events/$entity"));
    shaped.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
