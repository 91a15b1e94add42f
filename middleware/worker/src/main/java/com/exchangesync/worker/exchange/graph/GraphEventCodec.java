package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.Attendees;
import com.exchangesync.worker.exchange.EventTimes;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.RecurrenceRules;
import com.exchangesync.worker.exchange.UnstatableRecurrenceException;
import com.exchangesync.worker.exchange.WindowsTimeZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Graph's {@code event} JSON to and from the mailbox interface's event fields
 * ({@code docs/exchange-adapter.md}, "Events"). Times are read in UTC (no
 * {@code outlook.timezone} preference) with the event's own zone from
 * {@code originalStartTimeZone}, and written as local times in the zone's
 * Windows id, as the EWS side writes them; patterns go through
 * {@link RecurrenceRules} and {@link GraphRecurrence}. Attendees are read, never
 * written: Graph emails them whenever an event with attendees is created or
 * changed. On update only what differs is sent (Exchange drops a series'
 * exceptions when its times, zone or pattern are set, even to the same values).
 */
final class GraphEventCodec {

  /** What one occurrence cannot have of its own: it belongs to the series (attendees are never written). */
  private static final List<ExchangeField> SERIES_FIELDS = List.of(ExchangeField.RECURRENCE, ExchangeField.START_TIME_ZONE);
  private static final List<ExchangeField> TIMES =
      List.of(ExchangeField.START, ExchangeField.END, ExchangeField.IS_ALL_DAY, ExchangeField.START_TIME_ZONE);
  private static final List<ExchangeField> TEXTS = List.of(ExchangeField.SUBJECT, ExchangeField.LOCATION, ExchangeField.BODY,
      ExchangeField.SENSITIVITY, ExchangeField.SHOW_AS);
  /** Properties whose change Graph announces to a meeting's attendees. */
  static final Set<String> ANNOUNCED = Set.of("subject", "body", "location", "start", "end", "isAllDay", "recurrence", "attendees");
  private static final Map<String, String> SHOW_AS = Map.of("free", "Free", "tentative", "Tentative", "busy", "Busy", "oof", "OOF",
      "workingElsewhere", "WorkingElsewhere");
  private static final Map<String, String> TYPES = Map.of("singleInstance", "Single", "seriesMaster", "RecurringMaster",
      "occurrence", "Occurrence", "exception", "Exception");

  private GraphEventCodec() {}

  /** An event as the mailbox gives it. */
  static ExchangeItem read(JsonObject e) {
    Map<ExchangeField, String> v = new EnumMap<>(ExchangeField.class);
    ZoneId zone = GraphZones.zone(e.getString("originalStartTimeZone"));
    boolean allDay = e.getBoolean("isAllDay", false);
    v.put(ExchangeField.SUBJECT, e.getString("subject"));
    v.put(ExchangeField.LOCATION, e.getJsonObject("location") == null ? null : e.getJsonObject("location").getString("displayName"));
    v.put(ExchangeField.BODY, GraphBodies.text(e.getJsonObject("body")));
    Instant start = e.getJsonObject("start") == null ? null : GraphZones.instant(e.getJsonObject("start"));
    v.put(ExchangeField.START, start == null ? null : EventTimes.value(start, allDay, zone));
    v.put(ExchangeField.END, e.getJsonObject("end") == null ? null : EventTimes.value(GraphZones.instant(e.getJsonObject("end")),
        allDay, zone));
    v.put(ExchangeField.IS_ALL_DAY, Boolean.toString(allDay));
    v.put(ExchangeField.START_TIME_ZONE, zone.getId());
    String sensitivity = e.getString("sensitivity");
    v.put(ExchangeField.SENSITIVITY, sensitivity == null || sensitivity.isEmpty() ? null
        : sensitivity.substring(0, 1).toUpperCase(Locale.ROOT) + sensitivity.substring(1));
    v.put(ExchangeField.SHOW_AS, SHOW_AS.get(e.getString("showAs")));
    v.put(ExchangeField.ATTENDEES, attendees(e.getJsonArray("attendees")));
    v.put(ExchangeField.ICAL_UID, e.getString("iCalUId"));
    JsonObject organizer = e.getJsonObject("organizer");
    v.put(ExchangeField.ORGANIZER, organizer == null || organizer.getJsonObject("emailAddress") == null ? null
        : organizer.getJsonObject("emailAddress").getString("address"));
    String type = TYPES.get(e.getString("type"));
    v.put(ExchangeField.CALENDAR_ITEM_TYPE, type);
    if ("RecurringMaster".equals(type) && start != null && e.getJsonObject("recurrence") != null) {
      Optional<ExchangeRecurrence> r = GraphRecurrence.read(e.getJsonObject("recurrence"), start.atZone(zone).toLocalDate());
      v.put(ExchangeField.RECURRENCE, r.map(RecurrenceRules::toRrule).orElse(null));
    }
    if ("Occurrence".equals(type) || "Exception".equals(type)) {
      v.put(ExchangeField.SERIES_ID, e.getString("seriesMasterId"));
      v.put(ExchangeField.ORIGINAL_START, originalStart(e.getString("originalStart"), allDay, zone));
    }
    v.values().removeIf(Objects::isNull);
    v.values().removeIf(String::isEmpty);
    return new ExchangeItem(e.getString("id"), changeKey(e), ItemKind.EVENT, v, SalesforceIdProperty.read(e));
  }

  /** An item's change key: {@code changeKey}, else the one in {@code @odata.etag} ({@code W/"<changeKey>"}). */
  static String changeKey(JsonObject item) {
    String key = item.getString("changeKey");
    if (key != null) {
      return key;
    }
    String etag = item.getString("@odata.etag", "");
    return etag.replaceFirst("^W/", "").replace("\"", "");
  }

  /**
   * The body of a new event: a single, or a series' master when {@code RECURRENCE}
   * is given ({@code START}/{@code END} then its first occurrence's); never attendees.
   *
   * @throws InvalidValue when a value cannot be written, saying which and why
   */
  static JsonObject create(Map<ExchangeField, String> values) {
    EventTimes t = times(values);
    JsonObject body = new JsonObject();
    putTimes(body, t);
    body.put("isAllDay", t.allDay());
    for (ExchangeField f : TEXTS) {
      if (blank(values.get(f)) != null) {
        putText(body, f, values.get(f));
      }
    }
    if (blank(values.get(ExchangeField.RECURRENCE)) != null) {
      body.put("recurrence", GraphRecurrence.write(recurrence(values.get(ExchangeField.RECURRENCE), t), t.windowsZone()));
    }
    return body;
  }

  /**
   * The PATCH for {@code changes} to an event read as {@code currentJson}: only
   * what differs; on an occurrence (which becomes an exception) no series
   * property; never attendees. Empty when nothing differs.
   *
   * @throws InvalidValue when a value cannot be written, saying which and why
   */
  static JsonObject update(JsonObject currentJson, Map<ExchangeField, String> changes) {
    Map<ExchangeField, String> current = read(currentJson).values();
    String type = current.get(ExchangeField.CALENDAR_ITEM_TYPE);
    boolean occurrence = "Occurrence".equals(type) || "Exception".equals(type);
    if (occurrence) {
      for (ExchangeField f : SERIES_FIELDS) {
        if (changes.containsKey(f) && !same(f, current.get(f), changes.get(f))) {
          throw new InvalidValue(f.apiName() + " belongs to the series and cannot be set on one occurrence;"
              + " change the series (its master) instead");
        }
      }
    }
    JsonObject patch = new JsonObject();
    for (ExchangeField f : TEXTS) {
      if (changes.containsKey(f) && !same(f, current.get(f), changes.get(f))) {
        putText(patch, f, blank(changes.get(f)));
      }
    }
    EventTimes before = times(current);
    EventTimes now = before;
    boolean timesChanged = false;
    if (TIMES.stream().anyMatch(changes::containsKey)) {
      Map<ExchangeField, String> after = new HashMap<>(current);
      after.putAll(changes);
      now = times(after);
      timesChanged = !now.start().equals(before.start()) || !now.end().equals(before.end()) || now.allDay() != before.allDay()
          || !now.windowsZone().equals(before.windowsZone());
      if (timesChanged) {
        putTimes(patch, now);
        if (now.allDay() != before.allDay()) {
          patch.put("isAllDay", now.allDay());
        }
      }
    }
    if (!occurrence) {
      String was = blank(current.get(ExchangeField.RECURRENCE));
      String wanted = changes.containsKey(ExchangeField.RECURRENCE) ? blank(changes.get(ExchangeField.RECURRENCE)) : was;
      if (wanted == null && was != null) {
        patch.putNull("recurrence");
      } else if (wanted != null) {
        ExchangeRecurrence r = recurrence(wanted, now);
        if (timesChanged || !RecurrenceRules.toRrule(r).equals(was)) {
          patch.put("recurrence", GraphRecurrence.write(r, now.windowsZone()));
        }
      }
    }
    return patch;
  }

  /**
   * Whether writing to the event would email someone: a meeting (it has
   * attendees) that the rep organizes, whose changes and cancellation Graph always
   * announces.
   */
  static boolean isMeeting(JsonObject event) {
    JsonArray attendees = event.getJsonArray("attendees");
    return attendees != null && !attendees.isEmpty() && !Boolean.FALSE.equals(event.getBoolean("isOrganizer"));
  }

  /** Whether a PATCH changes something Graph announces to a meeting's attendees. */
  static boolean announced(JsonObject patch) {
    return patch.fieldNames().stream().anyMatch(ANNOUNCED::contains);
  }

  private static String attendees(JsonArray list) {
    if (list == null) {
      return null;
    }
    List<Attendees.Attendee> out = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof JsonObject a && !"resource".equalsIgnoreCase(a.getString("type"))
          && a.getJsonObject("emailAddress") != null && a.getJsonObject("emailAddress").getString("address") != null) {
        JsonObject email = a.getJsonObject("emailAddress");
        out.add(Attendees.attendee(email.getString("address"), email.getString("name"), !"optional".equalsIgnoreCase(a.getString("type"))));
      }
    }
    return Attendees.format(out);
  }

  private static String originalStart(String text, boolean allDay, ZoneId zone) {
    if (text == null) {
      return null;
    }
    try {
      return EventTimes.value(OffsetDateTime.parse(text).toInstant(), allDay, zone);
    } catch (DateTimeParseException e) {
      return EventTimes.value(GraphZones.instant(new JsonObject().put("dateTime", text).put("timeZone", "UTC")), allDay, zone);
    }
  }

  /** Start and end as local times in the event's zone, which they name (the start's becomes the event's). */
  private static void putTimes(JsonObject body, EventTimes t) {
    body.put("start", GraphZones.dateTime(t.start(), t.zone(), t.windowsZone()))
        .put("end", GraphZones.dateTime(t.end(), t.zone(), t.windowsZone()));
  }

  private static void putText(JsonObject body, ExchangeField f, String v) {
    switch (f) {
      case SUBJECT -> body.put("subject", v == null ? "" : v);
      case LOCATION -> body.put("location", new JsonObject().put("displayName", v == null ? "" : v));
      case BODY -> body.put("body", GraphBodies.of(v));
      case SENSITIVITY -> body.put("sensitivity", sensitivity(v));
      case SHOW_AS -> body.put("showAs", showAs(v));
      default -> throw new IllegalArgumentException(f.apiName() + " is not a text field of an event");
    }
  }

  private static String sensitivity(String v) {
    if (v == null) {
      return "normal";
    }
    for (String s : List.of("Normal", "Personal", "Private", "Confidential")) {
      if (s.equalsIgnoreCase(v.trim())) {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    throw new InvalidValue("sensitivity must be Normal, Personal, Private or Confidential, not '" + v + "'");
  }

  private static String showAs(String v) {
    if (v == null) {
      return "busy"; // Exchange's default: no free/busy status is Busy
    }
    for (Map.Entry<String, String> e : SHOW_AS.entrySet()) {
      if (e.getValue().equalsIgnoreCase(v.trim())) {
        return e.getKey();
      }
    }
    throw new InvalidValue("showAs must be Free, Tentative, Busy, OOF or WorkingElsewhere, not '" + v + "'");
  }

  private static EventTimes times(Map<ExchangeField, String> values) {
    try {
      return EventTimes.of(values);
    } catch (IllegalArgumentException e) {
      throw new InvalidValue(e.getMessage());
    }
  }

  private static ExchangeRecurrence recurrence(String rule, EventTimes times) {
    try {
      return RecurrenceRules.fromRrule(rule, times.firstDay(), times.zone());
    } catch (UnstatableRecurrenceException e) {
      throw new InvalidValue(e.getMessage());
    }
  }

  /** Whether {@code v} leaves the field as it reads now (absent and empty are one; zones compare as Exchange keeps them). */
  private static boolean same(ExchangeField f, String now, String v) {
    String a = blank(now);
    String b = blank(v);
    if (a == null || b == null) {
      return a == null && b == null;
    }
    try {
      return switch (f) {
        case START_TIME_ZONE -> Objects.equals(windowsId(a), windowsId(b)); // Europe/Zurich is Europe/Berlin to Exchange
        case SENSITIVITY, SHOW_AS -> a.equalsIgnoreCase(b);
        default -> a.equals(b);
      };
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<String> windowsId(String iana) {
    return WindowsTimeZones.cldr().windowsFor(WindowsTimeZones.parseIana(iana));
  }

  private static String blank(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
