package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admin API's JSON form of events, as a rep makes and edits them in
 * Outlook: {@code subject, location, body, start, end} (ISO-8601 with offset;
 * for all-day events dates, the end exclusive), {@code startTimeZone} (Windows
 * or IANA id), {@code isAllDay}, {@code sensitivity}, {@code showAs},
 * {@code attendees}, {@code recurrence} (an RRULE), {@code extendedProperties};
 * and of the occurrences a calendar shows.
 */
final class SimEvents {

  /** Simple fields: JSON key to EWS path. */
  private static final Map<String, String> TEXT = Map.of("subject", "item:Subject", "location", "calendar:Location",
      "body", "item:Body");
  static final List<String> FIELDS = List.of("subject", "location", "body", "start", "end", "startTimeZone", "isAllDay",
      "sensitivity", "showAs", "attendees", "recurrence", "isRecurring", "uid", "extendedProperties");
  /** What one occurrence can change; the rest belongs to the series. */
  static final Set<String> OCCURRENCE_FIELDS = Set.of("subject", "location", "body", "start", "end", "sensitivity", "showAs",
      "extendedProperties");
  private static final List<String> SENSITIVITIES = List.of("Normal", "Personal", "Private", "Confidential");
  private static final List<String> SHOW_AS = List.of("Free", "Tentative", "Busy", "OOF", "WorkingElsewhere");

  private SimEvents() {}

  /**
   * Applies the JSON fields to {@code item} (a stored event, or an occurrence view): a given key sets (null or "" clears),
   * a missing key leaves the property alone. Times are read in the item's zone once {@code startTimeZone} is applied.
   *
   * @throws IllegalArgumentException naming the key and what it takes
   */
  static void apply(JsonObject json, Item item) {
    Set<String> allowed = item.occurrence == null ? Set.copyOf(FIELDS) : OCCURRENCE_FIELDS;
    for (String key : json.fieldNames()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(item.occurrence != null && FIELDS.contains(key)
            ? "'" + key + "' belongs to the series: change it with PATCH …/events/{seriesId}; one occurrence takes "
                + String.join(", ", new java.util.TreeSet<>(OCCURRENCE_FIELDS))
            : "unknown field '" + key + "'; known fields: " + String.join(", ", FIELDS));
      }
    }
    CalendarState cal = item.calendar;
    if (json.containsKey("uid")) {
      // A meeting as its organizer's invitation brought it: the iCalendar UID of every attendee's copy.
      if (cal.uid != null) {
        throw new IllegalArgumentException("'uid' is given when the event is made (a meeting received from its organizer)");
      }
      String uid = string(json, "uid");
      if (uid.isBlank() || uid.length() > 255) {
        throw new IllegalArgumentException("'uid' is an iCalendar UID: 1 to 255 characters");
      }
      cal.uid = uid;
    }
    if (json.containsKey("startTimeZone")) {
      String zone = string(json, "startTimeZone");
      cal.zone = zone.isEmpty() ? null : WindowsTimeZones.byAnyId(zone);
    }
    if (json.containsKey("isAllDay")) {
      item.fields.put("calendar:IsAllDayEvent", Boolean.toString(bool(json, "isAllDay")));
    }
    boolean allDay = "true".equals(item.fields.get("calendar:IsAllDayEvent"));
    for (String key : List.of("start", "end")) {
      if (json.containsKey(key)) {
        String text = string(json, key);
        if (text.isEmpty()) {
          throw new IllegalArgumentException("'" + key + "' cannot be cleared: an event has a start and an end");
        }
        item.fields.put("calendar:" + (key.equals("start") ? "Start" : "End"), instant(text, cal.zone(), allDay, key).toString());
      }
    }
    for (Map.Entry<String, String> e : TEXT.entrySet()) {
      if (json.containsKey(e.getKey())) {
        setText(item, e.getValue(), string(json, e.getKey()), e.getKey());
      }
    }
    choice(json, "sensitivity", SENSITIVITIES, item, "item:Sensitivity");
    choice(json, "showAs", SHOW_AS, item, "calendar:LegacyFreeBusyStatus");
    if (json.containsKey("attendees")) {
      cal.attendees.clear();
      cal.attendees.addAll(attendees(json.getValue("attendees")));
    }
    if (json.containsKey("extendedProperties")) {
      SimItems.applyExtended(json.getValue("extendedProperties"), item);
    }
    applyRecurrence(json, item);
  }

  private static void applyRecurrence(JsonObject json, Item item) {
    CalendarState cal = item.calendar;
    String start = item.fields.get("calendar:Start");
    LocalDate firstDay = start == null ? null : cal.zone().toLocal(Instant.parse(start)).toLocalDate();
    if (json.containsKey("recurrence")) {
      String rule = string(json, "recurrence");
      if (rule.isEmpty()) {
        cal.recurrence = null;
      } else if (firstDay == null) {
        throw new IllegalArgumentException("a recurring event needs a 'start'");
      } else {
        cal.recurrence = RRule.parse(rule, firstDay);
      }
    } else if (json.containsKey("isRecurring")) {
      // The older flag: true makes the series Outlook offers first (weekly on the start's day, no end).
      if (!bool(json, "isRecurring")) {
        cal.recurrence = null;
      } else if (cal.recurrence == null && firstDay != null) {
        cal.recurrence = RRule.parse("FREQ=WEEKLY", firstDay);
      }
    } else if (cal.recurrence != null && firstDay != null && json.containsKey("start")) {
      // A series moved to another day starts its pattern there, as in Outlook.
      cal.recurrence = cal.recurrence.startingOn(firstDay);
    }
  }

  private static Instant instant(String text, CalendarZone zone, boolean allDay, String key) {
    try {
      if (text.length() == 10) {
        return zone.toInstant(LocalDate.parse(text).atStartOfDay());
      }
      if (allDay) {
        return zone.toInstant(OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay());
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + key + "' takes an ISO-8601 date-time with offset, such as"
          + " 2026-12-01T09:00:00+01:00" + (allDay ? ", or a date such as 2026-12-01 for an all-day event" : ""));
    }
  }

  private static List<Attendee> attendees(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray list)) {
      throw new IllegalArgumentException("'attendees' takes a list of {email, name, type}");
    }
    List<Attendee> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject a) || !(a.getValue("email") instanceof String email) || !email.matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException("each attendee needs an 'email' such as pat@example.com");
      }
      String type = a.getString("type", "Required");
      Attendee.Type t = switch (type) {
        case "Required" -> Attendee.Type.REQUIRED;
        case "Optional" -> Attendee.Type.OPTIONAL;
        case "Resource" -> Attendee.Type.RESOURCE;
        default -> throw new IllegalArgumentException("an attendee's 'type' is Required, Optional or Resource");
      };
      if (seen.add(email.toLowerCase(Locale.ROOT))) {
        out.add(new Attendee(email, a.getString("name", email), t, "Unknown"));
      }
    }
    return out;
  }

  private static void choice(JsonObject json, String key, List<String> values, Item item, String field) {
    if (!json.containsKey(key)) {
      return;
    }
    String value = string(json, key);
    if (value.isEmpty()) {
      item.fields.remove(field);
    } else if (values.contains(value)) {
      item.fields.put(field, value);
    } else {
      throw new IllegalArgumentException("'" + key + "' takes " + String.join(", ", values));
    }
  }

  private static void setText(Item item, String field, String value, String key) {
    if (!field.equals("item:Body") && value.length() > ItemCodec.MAX_TEXT) {
      throw new IllegalArgumentException("'" + key + "' is longer than " + ItemCodec.MAX_TEXT + " characters");
    }
    if (value.isEmpty()) {
      item.fields.remove(field);
    } else {
      item.fields.put(field, value);
    }
  }

  private static String string(JsonObject json, String key) {
    Object raw = json.getValue(key);
    if (raw == null) {
      return "";
    }
    if (!(raw instanceof String s)) {
      throw new IllegalArgumentException("'" + key + "' takes a string");
    }
    return s;
  }

  /** A boolean; the strings "true" and "false" are taken too, as callers that send every value as text do. */
  private static boolean bool(JsonObject json, String key) {
    Object raw = json.getValue(key);
    if (raw instanceof Boolean b) {
      return b;
    }
    if ("true".equals(raw) || "false".equals(raw)) {
      return Boolean.parseBoolean((String) raw);
    }
    throw new IllegalArgumentException("'" + key + "' takes true or false");
  }

  // --- writing ----------------------------------------------------------------------------------

  /** The JSON form of a stored event (a single or a series' master). */
  static JsonObject json(Item item, Mailbox m) {
    JsonObject out = common(item, m);
    CalendarState cal = item.calendar;
    if (cal.recurrence != null) {
      out.put("recurrence", RRule.format(cal.recurrence));
      boolean allDay = "true".equals(item.fields.get("calendar:IsAllDayEvent"));
      out.put("modifiedOccurrences", new JsonArray(cal.exceptions.keySet().stream().map(i -> when(i, cal.zone(), allDay)).toList()));
      out.put("deletedOccurrences", new JsonArray(cal.deleted.stream().map(i -> when(i, cal.zone(), allDay)).toList()));
    }
    out.put("isRecurring", cal.recurrence != null);
    out.put("calendarItemType", item.calendarItemType());
    out.put("created", item.created.toString()).put("modified", item.modified.toString());
    return out;
  }

  /** The JSON form of what a windowed listing shows: a single, or one occurrence or exception of a series. */
  static JsonObject listed(Item item, Mailbox m) {
    JsonObject out = common(item, m);
    boolean allDay = "true".equals(item.fields.get("calendar:IsAllDayEvent"));
    if (item.occurrence == null) {
      out.put("type", "Single").putNull("seriesId").putNull("originalStart");
    } else {
      out.put("type", item.occurrence.type()).put("seriesId", item.occurrence.master().id)
          .put("originalStart", when(item.occurrence.originalStart(), item.calendar.zone(), allDay));
    }
    out.put("modified", item.modified.toString());
    return out;
  }

  private static JsonObject common(Item item, Mailbox m) {
    CalendarState cal = item.calendar;
    boolean allDay = "true".equals(item.fields.get("calendar:IsAllDayEvent"));
    JsonObject out = new JsonObject().put("id", item.id).put("changeKey", item.changeKey)
        .put("folder", m.folders.get(item.folderId).displayName);
    TEXT.forEach((key, field) -> {
      if (item.fields.containsKey(field)) {
        out.put(key, item.fields.get(field));
      }
    });
    for (String key : List.of("start", "end")) {
      String value = item.fields.get("calendar:" + (key.equals("start") ? "Start" : "End"));
      if (value != null) {
        out.put(key, when(Instant.parse(value), cal.zone(), allDay));
      }
    }
    out.put("startTimeZone", cal.zone().id());
    out.put("isAllDay", allDay);
    out.put("sensitivity", item.fields.getOrDefault("item:Sensitivity", "Normal"));
    out.put("showAs", item.fields.getOrDefault("calendar:LegacyFreeBusyStatus", "Busy"));
    JsonArray attendees = new JsonArray();
    cal.attendees.forEach(a -> attendees.add(new JsonObject().put("email", a.email()).put("name", a.name())
        .put("type", a.type().label).put("response", a.response())));
    out.put("attendees", attendees);
    out.put("uid", cal.uid);
    out.put("extendedProperties", SimItems.extendedJson(item));
    return out;
  }

  /** An instant as the admin API shows it: a local date for all-day events, else UTC. */
  static String when(Instant instant, CalendarZone zone, boolean allDay) {
    return allDay ? zone.toLocal(instant).toLocalDate().toString() : instant.toString();
  }

  /**
   * An {@code originalStart} path segment (already percent-decoded): a date-time
   * (UTC or with offset), or a date for an all-day series.
   */
  static Instant originalStart(String text, CalendarZone zone) {
    try {
      return text.length() == 10 ? zone.toInstant(LocalDate.parse(text).atStartOfDay()) : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an originalStart as the listing gives it");
    }
  }
}
