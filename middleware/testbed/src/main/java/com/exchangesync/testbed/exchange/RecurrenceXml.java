package com.exchangesync.testbed.exchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Reads and writes {@code t:Recurrence} ({@code RecurrenceType}): one of the six
 * patterns, then one of the three ranges. Range dates are {@code xs:date}s;
 * Exchange writes them with the offset of the series' time zone on that day
 * ({@code 2026-03-02+01:00}), and reads them with or without one.
 */
final class RecurrenceXml {

  private RecurrenceXml() {}

  static Recurrence read(Element element) {
    try {
      return parse(element);
    } catch (IllegalArgumentException e) {
      // A number, month or day that is not one (the schema check stops most of these first).
      throw new ResponseMessageError("ErrorCalendarInvalidRecurrence", "The recurrence is not valid: " + e.getMessage());
    }
  }

  private static Recurrence parse(Element element) {
    List<Element> parts = Xml.children(element);
    if (parts.size() != 2) {
      throw new ResponseMessageError("ErrorCalendarInvalidRecurrence", "A Recurrence needs a pattern and a range.");
    }
    Element p = parts.get(0);
    RecurrencePattern.Kind kind = RecurrencePattern.Kind.ofElement(p.getLocalName());
    Element r = parts.get(1);
    RecurrenceRange.Kind rangeKind = RecurrenceRange.Kind.ofElement(r.getLocalName());
    if (kind == null || rangeKind == null) {
      throw new ResponseMessageError("ErrorUnsupportedRecurrence", "The specified recurrence is not supported.");
    }
    List<DayOfWeek> days = new ArrayList<>();
    String relativeDay = null;
    String daysText = Xml.childText(p, "DaysOfWeek").orElse("").trim();
    if (kind == RecurrencePattern.Kind.WEEKLY) {
      for (String d : daysText.split("\\s+")) {
        if (!d.isEmpty()) {
          days.add(weekday(d));
        }
      }
    } else {
      relativeDay = daysText.isEmpty() ? null : daysText;
    }
    RecurrencePattern pattern = new RecurrencePattern(kind, integer(p, "Interval", 1), days,
        Xml.childText(p, "FirstDayOfWeek").map(String::trim).map(RecurrenceXml::weekday).orElse(null),
        integer(p, "DayOfMonth", 0), relativeDay, Xml.childText(p, "DayOfWeekIndex").map(String::trim).orElse(null),
        Xml.childText(p, "Month").map(m -> Month.valueOf(m.trim().toUpperCase(Locale.ROOT))).orElse(null));
    LocalDate start = date(Xml.childText(r, "StartDate").orElse(""));
    RecurrenceRange range = new RecurrenceRange(rangeKind, start,
        rangeKind == RecurrenceRange.Kind.END_DATE ? date(Xml.childText(r, "EndDate").orElse("")) : null,
        integer(r, "NumberOfOccurrences", 0));
    Recurrence recurrence = new Recurrence(pattern, range);
    recurrence.validate();
    return recurrence;
  }

  private static DayOfWeek weekday(String name) {
    try {
      return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseMessageError("ErrorCalendarInvalidDayForWeeklyRecurrence",
          "'" + name + "' is not a day of the week a weekly recurrence can fall on.");
    }
  }

  private static int integer(Element e, String child, int absent) {
    return Xml.childText(e, child).map(String::trim).map(Integer::parseInt).orElse(absent);
  }

  /** An xs:date, with or without a zone suffix: the date part is the series' local date. */
  private static LocalDate date(String text) {
    String t = text.trim();
    try {
      return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    } catch (DateTimeParseException e) {
      throw new ResponseMessageError("ErrorCalendarInvalidRecurrence", "'" + text + "' is not a valid recurrence date.");
    }
  }

  /** Writes {@code recurrence}; {@code zone} gives the offsets its dates carry. */
  static void write(StringBuilder out, Recurrence recurrence, CalendarZone zone) {
    RecurrencePattern p = recurrence.pattern();
    out.append("<t:Recurrence><t:").append(p.kind().element).append('>');
    switch (p.kind()) {
      case DAILY -> interval(out, p);
      case WEEKLY -> {
        interval(out, p);
        List<String> names = p.daysOfWeek().stream().map(TimeZoneXml::dayName).toList();
        out.append("<t:DaysOfWeek>").append(String.join(" ", names)).append("</t:DaysOfWeek><t:FirstDayOfWeek>")
            .append(TimeZoneXml.dayName(p.firstDayOfWeek())).append("</t:FirstDayOfWeek>");
      }
      case ABSOLUTE_MONTHLY -> {
        interval(out, p);
        out.append("<t:DayOfMonth>").append(p.dayOfMonth()).append("</t:DayOfMonth>");
      }
      case RELATIVE_MONTHLY -> {
        interval(out, p);
        relative(out, p);
      }
      case ABSOLUTE_YEARLY -> out.append("<t:DayOfMonth>").append(p.dayOfMonth()).append("</t:DayOfMonth><t:Month>")
          .append(TimeZoneXml.monthName(p.month())).append("</t:Month>");
      case RELATIVE_YEARLY -> {
        relative(out, p);
        out.append("<t:Month>").append(TimeZoneXml.monthName(p.month())).append("</t:Month>");
      }
    }
    RecurrenceRange r = recurrence.range();
    out.append("</t:").append(p.kind().element).append("><t:").append(r.kind().element).append("><t:StartDate>")
        .append(zonedDate(r.startDate(), zone)).append("</t:StartDate>");
    switch (r.kind()) {
      case END_DATE -> out.append("<t:EndDate>").append(zonedDate(r.endDate(), zone)).append("</t:EndDate>");
      case NUMBERED -> out.append("<t:NumberOfOccurrences>").append(r.count()).append("</t:NumberOfOccurrences>");
      case NO_END -> { }
    }
    out.append("</t:").append(r.kind().element).append("></t:Recurrence>");
  }

  private static void interval(StringBuilder out, RecurrencePattern p) {
    out.append("<t:Interval>").append(p.interval()).append("</t:Interval>");
  }

  private static void relative(StringBuilder out, RecurrencePattern p) {
    out.append("<t:DaysOfWeek>").append(p.relativeDay()).append("</t:DaysOfWeek><t:DayOfWeekIndex>").append(p.weekIndex())
        .append("</t:DayOfWeekIndex>");
  }

  private static String zonedDate(LocalDate date, CalendarZone zone) {
    String offset = zone.offsetAt(zone.toInstant(date.atStartOfDay())).getId();
    return date + (offset.equals("Z") ? "Z" : offset);
  }
}
