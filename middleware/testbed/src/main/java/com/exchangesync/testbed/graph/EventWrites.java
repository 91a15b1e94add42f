package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Attendee;
import com.exchangesync.testbed.exchange.CalendarState;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.ItemCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies an event's create or PATCH body to a calendar item (a stored event,
 * or the view of one occurrence): a given property sets, null clears, a
 * missing one is left alone. The start's {@code timeZone} becomes the event's
 * zone (its {@code originalStartTimeZone}). One occurrence takes
 * {@code subject, body, location, start, end, sensitivity, showAs} and
 * extended properties; the rest belongs to the series. Properties Graph has
 * but this test bed does not keep (reminders, importance, categories …) are
 * taken and not stored; read-only ones are ignored, as Graph ignores them.
 */
final class EventWrites {

  private static final Set<String> OCCURRENCE = Set.of("subject", "body", "location", "start", "end", "sensitivity", "showAs",
      "singleValueExtendedProperties");
  private static final Set<String> NOT_KEPT = Set.of("reminderMinutesBeforeStart", "isReminderOn", "importance",
      "allowNewTimeProposals", "responseRequested", "hideAttendees", "originalStartTimeZone", "originalEndTimeZone");
  private static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "iCalUId",
      "type", "seriesMasterId", "organizer", "webLink", "bodyPreview", "responseStatus", "isCancelled", "isOrganizer",
      "hasAttachments", "onlineMeeting", "onlineMeetingUrl", "onlineMeetingProvider", "originalStart", "isDraft", "locations");
  private static final List<String> SENSITIVITIES = List.of("normal", "personal", "private", "confidential");
  static final String TRANSACTION_ID = "graph:TransactionId";

  private EventWrites() {}

  static void apply(JsonObject body, Item item) {
    boolean occurrence = item.occurrence != null;
    CalendarState cal = item.calendar;
    for (String key : body.fieldNames()) {
      if (key.startsWith("@odata.") || READ_ONLY.contains(key) || NOT_KEPT.contains(key)) {
        continue;
      }
      if (occurrence && !OCCURRENCE.contains(key)) {
        throw GraphError.invalidProperty("'" + key + "' belongs to the series: change it on the series master (one occurrence"
            + " takes subject, body, location, start, end, sensitivity, showAs and extended properties).");
      }
      Object value = body.getValue(key);
      switch (key) {
        case "subject" -> text(item, "item:Subject", ContactJson.text(value, key));
        case "body" -> body(item, value);
        case "location" -> {
          if (value != null && !(value instanceof JsonObject)) {
            throw GraphError.badRequest("'location' takes {\"displayName\": \"…\"}.");
          }
          text(item, "calendar:Location", value == null ? null : ContactJson.text(((JsonObject) value).getValue("displayName"), "displayName"));
        }
        case "start", "end" -> {
          GraphTime.Timed t = GraphTime.read(value, key);
          item.fields.put(key.equals("start") ? "calendar:Start" : "calendar:End", t.instant().toString());
          if (!occurrence && key.equals("start")) {
            cal.zone = t.zone();
          } else if (!occurrence) {
            cal.endZone = t.zone();
          }
        }
        case "isAllDay" -> {
          if (!(value instanceof Boolean b)) {
            throw new GraphError(400, "RequestBodyRead", "Cannot convert the literal '" + value + "' to the expected type 'Edm.Boolean'.");
          }
          item.fields.put("calendar:IsAllDayEvent", Boolean.toString(b));
        }
        case "sensitivity" -> {
          String s = enumValue(value, SENSITIVITIES);
          item.fields.put("item:Sensitivity", s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1));
        }
        case "showAs" -> {
          String s = enumValue(value, List.copyOf(EventJson.SHOW_AS.values()));
          item.fields.put("calendar:LegacyFreeBusyStatus", EventJson.SHOW_AS.entrySet().stream()
              .filter(e -> e.getValue().equals(s)).findFirst().orElseThrow().getKey());
        }
        case "attendees" -> {
          cal.attendees.clear();
          cal.attendees.addAll(attendees(value));
        }
        case "recurrence" -> cal.recurrence = value == null ? null : RecurrenceJson.read(value);
        case "singleValueExtendedProperties" -> ExtendedProperties.apply(value, item.extended);
        case "transactionId" -> text(item, TRANSACTION_ID, ContactJson.text(value, key));
        case "categories" -> {
          if (value instanceof JsonArray list && !list.isEmpty()) {
            throw GraphError.invalidProperty("categories are not modelled by this test bed; send none.");
          }
        }
        case "isOnlineMeeting" -> {
          if (Boolean.TRUE.equals(value)) {
            throw GraphError.invalidProperty("online meetings are not modelled by this test bed.");
          }
        }
        default -> throw ContactJson.unknownProperty(key, "event");
      }
    }
    if (!occurrence && cal.endZone != null && cal.endZone.equals(cal.zone)) {
      cal.endZone = null;
    }
  }

  private static void body(Item item, Object value) {
    if (value == null) {
      item.fields.remove("item:Body");
      return;
    }
    if (!(value instanceof JsonObject b)) {
      throw GraphError.badRequest("'body' takes {\"contentType\": \"text\" or \"html\", \"content\": \"…\"}.");
    }
    String type = b.getValue("contentType") == null ? "text" : enumValue(b.getValue("contentType"), List.of("text", "html"));
    String content = ContactJson.text(b.getValue("content"), "content");
    if (content == null || content.isEmpty()) {
      item.fields.remove("item:Body");
    } else {
      item.fields.put("item:Body", content);
    }
    item.bodyType = type.equals("html") ? "HTML" : "Text";
  }

  private static List<Attendee> attendees(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray list)) {
      throw GraphError.badRequest("'attendees' takes a list of {\"emailAddress\": {\"address\", \"name\"}, \"type\"}.");
    }
    List<Attendee> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object o : list) {
      JsonObject a = o instanceof JsonObject j ? j : null;
      JsonObject email = a != null && a.getValue("emailAddress") instanceof JsonObject e ? e : null;
      String address = email == null ? null : ContactJson.text(email.getValue("address"), "address");
      if (address == null || !address.matches("[^@\\s]+@[^@\\s]+")) {
        throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
      }
      String type = a.getValue("type") == null ? "required" : enumValue(a.getValue("type"), List.of("required", "optional", "resource"));
      String name = ContactJson.text(email.getValue("name"), "name");
      if (seen.add(address.toLowerCase(Locale.ROOT))) {
        out.add(new Attendee(address, name == null || name.isBlank() ? address : name,
            Attendee.Type.valueOf(type.toUpperCase(Locale.ROOT)), "Unknown"));
      }
    }
    return out;
  }

  private static void text(Item item, String field, String value) {
    if (value == null || value.isEmpty()) {
      item.fields.remove(field);
    } else if (value.length() > ItemCodec.MAX_TEXT) {
      throw new GraphError(400, "ErrorPropertyValidationFailure", "Property validation failed: the value is longer than "
          + ItemCodec.MAX_TEXT + " characters.");
    } else {
      item.fields.put(field, value);
    }
  }

  /** An enumeration's member by its Graph name (compared without regard to case, as Graph reads them). */
  private static String enumValue(Object value, List<String> members) {
    if (value instanceof String s) {
      for (String m : members) {
        if (m.equalsIgnoreCase(s)) {
          return m;
        }
      }
    }
    throw RecurrenceJson.notFound(String.valueOf(value));
  }
}
