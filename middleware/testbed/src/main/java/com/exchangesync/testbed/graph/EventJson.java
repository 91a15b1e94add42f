package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Attendee;
import com.exchangesync.testbed.exchange.CalendarState;
import com.exchangesync.testbed.exchange.CalendarZone;
import com.exchangesync.testbed.exchange.Item;
import com.exchangesync.testbed.exchange.Mailbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Graph v1.0's {@code event} resource over the shared store's calendar items
 * (a single, a series master, or a view of one occurrence or exception):
 * times in the zone the request prefers ({@code Prefer: outlook.timezone},
 * else UTC), {@code sensitivity} and {@code showAs} in Graph's lower-case
 * names, {@code type} {@code singleInstance}/{@code seriesMaster}/{@code occurrence}/{@code exception},
 * the organizer being the mailbox. The "bare" form is what
 * {@code calendarView/delta} reports for an unchanged occurrence: its ids,
 * type and times only.
 */
final class EventJson {

  static final Map<String, String> SHOW_AS = Map.of("Free", "free", "Tentative", "tentative", "Busy", "busy", "OOF", "oof",
      "WorkingElsewhere", "workingElsewhere", "NoData", "unknown");
  private static final String NEVER = "0001-01-01T00:00:00Z";

  private EventJson() {}

  static JsonObject render(Item item, Mailbox mailbox, CalendarZone output) {
    CalendarState cal = item.calendar;
    Item master = item.occurrence == null ? item : item.occurrence.master();
    String body = item.fields.getOrDefault("item:Body", "");
    JsonObject out = new JsonObject().put("@odata.etag", ContactJson.etag(item.changeKey)).put("id", item.id)
        .put("createdDateTime", GraphTime.offset(item.created)).put("lastModifiedDateTime", GraphTime.offset(item.modified))
        .put("changeKey", item.changeKey).put("categories", new JsonArray()).putNull("transactionId")
        .put("originalStartTimeZone", cal.zone().windowsId()).put("originalEndTimeZone", cal.endZone().windowsId())
        .put("iCalUId", iCalUId(item)).put("reminderMinutesBeforeStart", 15).put("isReminderOn", true)
        .put("hasAttachments", false).put("subject", item.fields.getOrDefault("item:Subject", ""))
        .put("bodyPreview", preview(item)).put("importance", "normal")
        .put("sensitivity", item.fields.getOrDefault("item:Sensitivity", "Normal").toLowerCase(Locale.ROOT))
        .put("isAllDay", "true".equals(item.fields.get("calendar:IsAllDayEvent"))).put("isCancelled", false)
        .put("isOrganizer", true).put("responseRequested", true)
        .put("seriesMasterId", item.occurrence == null ? null : master.id)
        .put("showAs", SHOW_AS.getOrDefault(item.fields.getOrDefault("calendar:LegacyFreeBusyStatus", "Busy"), "busy"))
        .put("type", type(item)).put("webLink", "https://outlook.office365.com/owa/?itemid=" + item.id + "&exvsurl=1&path=/calendar/item")
        .putNull("onlineMeetingUrl").put("isOnlineMeeting", false).put("onlineMeetingProvider", "unknown")
        .put("allowNewTimeProposals", true).put("isDraft", false).put("hideAttendees", false)
        .put("responseStatus", new JsonObject().put("response", "organizer").put("time", NEVER))
        .put("body", new JsonObject().put("contentType", "HTML".equalsIgnoreCase(item.bodyType) ? "html" : "text").put("content", body))
        .put("start", GraphTime.dateTimeTimeZone(Instant.parse(item.fields.get("calendar:Start")), output))
        .put("end", GraphTime.dateTimeTimeZone(Instant.parse(item.fields.get("calendar:End")), output));
    if (item.occurrence != null) {
      out.put("originalStart", GraphTime.offset(item.occurrence.originalStart()));
    }
    String location = item.fields.getOrDefault("calendar:Location", "");
    out.put("location", new JsonObject().put("displayName", location).put("locationType", "default").put("uniqueIdType", "unknown")
        .put("address", new JsonObject()).put("coordinates", new JsonObject()));
    JsonArray locations = new JsonArray();
    if (!location.isEmpty()) {
      locations.add(new JsonObject().put("displayName", location).put("locationType", "default").put("uniqueId", location)
          .put("uniqueIdType", "private"));
    }
    out.put("locations", locations);
    out.put("recurrence", cal.recurrence == null ? null : RecurrenceJson.write(cal.recurrence, cal.zone()));
    JsonArray attendees = new JsonArray();
    for (Attendee a : cal.attendees) {
      attendees.add(new JsonObject().put("type", a.type().name().toLowerCase(Locale.ROOT))
          .put("status", new JsonObject().put("response", "none").put("time", NEVER))
          .put("emailAddress", new JsonObject().put("name", a.name()).put("address", a.email())));
    }
    out.put("attendees", attendees);
    out.put("organizer", new JsonObject().put("emailAddress", new JsonObject().put("name", mailbox.displayName)
        .put("address", mailbox.smtp)));
    out.putNull("onlineMeeting");
    out.put("singleValueExtendedProperties", ExtendedProperties.json(item.extended));
    return out;
  }

  /** What {@code calendarView/delta} gives for an occurrence that is not an exception. */
  static JsonObject bare(Item occurrence, CalendarZone output) {
    return new JsonObject().put("@odata.type", "#microsoft.graph.event").put("@odata.etag", ContactJson.etag(occurrence.changeKey))
        .put("seriesMasterId", occurrence.occurrence.master().id).put("type", "occurrence").put("id", occurrence.id)
        .put("start", GraphTime.dateTimeTimeZone(Instant.parse(occurrence.fields.get("calendar:Start")), output))
        .put("end", GraphTime.dateTimeTimeZone(Instant.parse(occurrence.fields.get("calendar:End")), output));
  }

  static String type(Item item) {
    return switch (item.calendarItemType()) {
      case "RecurringMaster" -> "seriesMaster";
      case "Occurrence" -> "occurrence";
      case "Exception" -> "exception";
      default -> "singleInstance";
    };
  }

  private static String preview(Item item) {
    String body = item.fields.getOrDefault("item:Body", "");
    String text = "HTML".equalsIgnoreCase(item.bodyType) ? body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim() : body;
    return text.length() > 255 ? text.substring(0, 255) : text;
  }

  /**
   * The series' iCalendar UID; an occurrence's is its master's Global Object Id
   * with the occurrence's original date in bytes 16–19, as Exchange gives each
   * instance.
   */
  static String iCalUId(Item item) {
    String uid = item.occurrence == null ? item.calendar.uid : item.occurrence.master().calendar.uid;
    if (uid == null || item.occurrence == null || !uid.matches("(?i)040000008200E00074C5B7101A82E008[0-9A-F]+")) {
      return uid;
    }
    LocalDate day = item.calendar.zone().toLocal(item.occurrence.originalStart()).toLocalDate();
    byte[] bytes = HexFormat.of().parseHex(uid);
    ByteBuffer.wrap(bytes, 16, 4).putShort((short) day.getYear()).put((byte) day.getMonthValue()).put((byte) day.getDayOfMonth());
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
