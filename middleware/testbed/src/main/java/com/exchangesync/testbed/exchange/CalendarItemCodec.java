package com.exchangesync.testbed.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The calendar half of {@link ItemCodec}: reads the structured calendar
 * properties of a {@code t:CalendarItem} (UID, recurrence, time zones,
 * attendees) and writes a calendar item's own elements in schema order, from
 * {@code Start} to {@code EndTimeZone}, for a single, a master or one
 * occurrence.
 */
final class CalendarItemCodec {

  /** The simple calendar properties, in schema order: element name to field URI. */
  static final List<String[]> SIMPLE = List.of(new String[] {"Start", "calendar:Start"}, new String[] {"End", "calendar:End"},
      new String[] {"IsAllDayEvent", "calendar:IsAllDayEvent"},
      new String[] {"LegacyFreeBusyStatus", "calendar:LegacyFreeBusyStatus"}, new String[] {"Location", "calendar:Location"});

  private CalendarItemCodec() {}

  /**
   * Applies one structured calendar property to {@code item}.
   *
   * @return false when {@code p} is not one of them
   */
  static boolean apply(Element p, Item item) {
    CalendarState cal = item.calendar;
    String name = p.getLocalName();
    switch (name) {
      case "UID", "Recurrence", "RequiredAttendees", "OptionalAttendees", "Resources", "StartTimeZone", "EndTimeZone",
           "MeetingTimeZone" -> {
        if (item.occurrence != null) {
          throw new ResponseMessageError("ErrorInvalidPropertySet",
              "Set action is invalid for property " + name + ": it belongs to the series, not to one occurrence.");
        }
      }
      default -> {
        return false;
      }
    }
    switch (name) {
      case "UID" -> cal.uid = p.getTextContent().trim();
      case "Recurrence" -> cal.recurrence = RecurrenceXml.read(p);
      case "StartTimeZone" -> cal.zone = TimeZoneXml.readDefinition(p);
      case "EndTimeZone" -> cal.endZone = TimeZoneXml.readDefinition(p);
      case "MeetingTimeZone" -> cal.zone = TimeZoneXml.readMeetingTimeZone(p);
      default -> {
        Attendee.Type type = typeOf(name);
        cal.attendees.removeIf(a -> a.type() == type);
        cal.attendees.addAll(AttendeeXml.read(p, type));
      }
    }
    return true;
  }

  /**
   * Removes the structured property a {@code DeleteItemField} names.
   *
   * @return false when {@code fieldKey} is not one of them
   */
  static boolean delete(Item item, String fieldKey) {
    CalendarState cal = item.calendar;
    switch (fieldKey) {
      case "calendar:Recurrence" -> {
        cal.recurrence = null;
        cal.exceptions.clear();
        cal.deleted.clear();
      }
      case "calendar:RequiredAttendees", "calendar:OptionalAttendees", "calendar:Resources" -> {
        Attendee.Type type = typeOf(fieldKey.substring("calendar:".length()));
        cal.attendees.removeIf(a -> a.type() == type);
      }
      case "calendar:EndTimeZone" -> cal.endZone = null;
      case "calendar:Start", "calendar:End" -> throw new ResponseMessageError("ErrorInvalidPropertyDelete",
          "The property " + fieldKey + " cannot be deleted: a calendar item has a start and an end.");
      default -> {
        return false;
      }
    }
    return true;
  }

  private static Attendee.Type typeOf(String element) {
    for (Attendee.Type t : Attendee.Type.values()) {
      if (t.element.equals(element)) {
        return t;
      }
    }
    throw new IllegalArgumentException(element);
  }

  /** Writes the calendar elements of {@code item} that {@code shape} asks for, in schema order. */
  static void write(StringBuilder out, Item item, ItemShape shape, Mailbox organizer) {
    CalendarState cal = item.calendar;
    if (cal.uid != null && shape.wants("calendar:UID")) {
      simple(out, "UID", cal.uid);
    }
    for (String[] s : SIMPLE) {
      String value = item.fields.get(s[1]);
      if (value == null) {
        // Exchange reports these defaults for every calendar item.
        value = switch (s[0]) {
          case "IsAllDayEvent" -> "false";
          case "LegacyFreeBusyStatus" -> "Busy";
          default -> null;
        };
      }
      if (value != null && shape.wants(s[1])) {
        simple(out, s[0], value);
      }
      if (s[0].equals("End") && item.occurrence != null && shape.wants("calendar:OriginalStart")) {
        simple(out, "OriginalStart", item.occurrence.originalStart().toString());
      }
    }
    bool(out, shape, "IsMeeting", cal.isMeeting());
    bool(out, shape, "IsCancelled", false);
    bool(out, shape, "IsRecurring", cal.recurrence != null || item.occurrence != null);
    bool(out, shape, "MeetingRequestWasSent", cal.meetingRequestWasSent);
    if (shape.wants("calendar:CalendarItemType")) {
      simple(out, "CalendarItemType", item.calendarItemType());
    }
    if (shape.wants("calendar:MyResponseType")) {
      simple(out, "MyResponseType", "Organizer");
    }
    if (shape.wants("calendar:Organizer")) {
      AttendeeXml.writeOrganizer(out, organizer);
    }
    AttendeeXml.writeAttendees(out, cal.attendees, shape);
    String start = item.fields.get("calendar:Start");
    String end = item.fields.get("calendar:End");
    if (start != null && end != null && shape.wants("calendar:Duration")) {
      simple(out, "Duration", Duration.between(Instant.parse(start), Instant.parse(end)).toString());
    }
    if (shape.wants("calendar:TimeZone")) {
      simple(out, "TimeZone", cal.zone().name());
    }
    if (shape.wants("calendar:AppointmentState")) {
      simple(out, "AppointmentState", cal.isMeeting() ? "1" : "0");
    }
    if (cal.recurrence != null && item.occurrence == null) {
      writeSeries(out, item, shape);
    }
    if (shape.fields.contains("calendar:MeetingTimeZone")) {
      TimeZoneXml.writeMeetingTimeZone(out, cal.zone());
    }
    if (shape.wants("calendar:StartTimeZone")) {
      TimeZoneXml.writeDefinition(out, "StartTimeZone", cal.zone());
    }
    if (shape.wants("calendar:EndTimeZone")) {
      TimeZoneXml.writeDefinition(out, "EndTimeZone", cal.endZone());
    }
  }

  /** A master's {@code Recurrence}, {@code FirstOccurrence}, {@code LastOccurrence}, {@code ModifiedOccurrences}, {@code DeletedOccurrences}. */
  private static void writeSeries(StringBuilder out, Item master, ItemShape shape) {
    CalendarState cal = master.calendar;
    Series series = new Series(master);
    if (shape.wants("calendar:Recurrence")) {
      RecurrenceXml.write(out, cal.recurrence, cal.zone());
    }
    if (shape.wants("calendar:FirstOccurrence")) {
      series.first().ifPresent(o -> occurrenceInfo(out, "FirstOccurrence", o));
    }
    if (shape.wants("calendar:LastOccurrence")) {
      series.last().ifPresent(o -> occurrenceInfo(out, "LastOccurrence", o));
    }
    if (!cal.exceptions.isEmpty() && shape.wants("calendar:ModifiedOccurrences")) {
      out.append("<t:ModifiedOccurrences>");
      series.exceptions().forEach(o -> occurrenceInfo(out, "Occurrence", o));
      out.append("</t:ModifiedOccurrences>");
    }
    if (!cal.deleted.isEmpty() && shape.wants("calendar:DeletedOccurrences")) {
      out.append("<t:DeletedOccurrences>");
      cal.deleted.forEach(d -> out.append("<t:DeletedOccurrence><t:Start>").append(d).append("</t:Start></t:DeletedOccurrence>"));
      out.append("</t:DeletedOccurrences>");
    }
  }

  private static void occurrenceInfo(StringBuilder out, String element, Occurrence o) {
    out.append("<t:").append(element).append("><t:ItemId Id=\"").append(o.id()).append("\" ChangeKey=\"")
        .append(o.master().changeKey).append("\"/><t:Start>").append(o.start()).append("</t:Start><t:End>").append(o.end())
        .append("</t:End><t:OriginalStart>").append(o.originalStart()).append("</t:OriginalStart></t:").append(element).append('>');
  }

  private static void bool(StringBuilder out, ItemShape shape, String element, boolean value) {
    if (shape.wants("calendar:" + element)) {
      simple(out, element, Boolean.toString(value));
    }
  }

  private static void simple(StringBuilder out, String element, String value) {
    out.append("<t:").append(element).append('>').append(Xml.esc(value)).append("</t:").append(element).append('>');
  }
}
