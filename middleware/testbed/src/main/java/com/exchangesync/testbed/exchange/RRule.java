package com.exchangesync.testbed.exchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's recurrences: RFC 5545 RRULEs (as Salesforce's
 * {@code Recurrence2PatternText} holds them) to and from Exchange's patterns.
 * Only what Exchange can express is taken: {@code FREQ} DAILY, WEEKLY, MONTHLY
 * or YEARLY; {@code INTERVAL} (not for YEARLY); {@code BYDAY} (weekdays, or one
 * day with an ordinal 1–4/-1, or a day set with {@code BYSETPOS}); {@code BYMONTHDAY};
 * {@code BYMONTH}; {@code WKST}; {@code COUNT} or {@code UNTIL}. The first day and
 * the missing parts come from the series' start, as in Outlook.
 */
final class RRule {

  private static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR");

  private RRule() {}

  /**
   * Parses {@code rule} for a series starting on {@code start} (its local date).
   *
   * @throws IllegalArgumentException naming the part that Exchange cannot express
   */
  static Recurrence parse(String rule, LocalDate start) {
    Map<String, String> parts = new LinkedHashMap<>();
    String text = rule.trim();
    if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
      text = text.substring(6);
    }
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + part + "' is not NAME=VALUE");
      }
      parts.put(part.substring(0, eq).trim().toUpperCase(Locale.ROOT), part.substring(eq + 1).trim().toUpperCase(Locale.ROOT));
    }
    for (String name : parts.keySet()) {
      if (!List.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST", "COUNT", "UNTIL").contains(name)) {
        throw new IllegalArgumentException("Exchange cannot express the RRULE part " + name);
      }
    }
    String freq = parts.get("FREQ");
    int interval = parts.containsKey("INTERVAL") ? positive(parts.get("INTERVAL"), "INTERVAL") : 1;
    DayOfWeek wkst = parts.containsKey("WKST") ? day(parts.get("WKST")) : null;
    List<String> byDay = parts.containsKey("BYDAY") ? List.of(parts.get("BYDAY").split(",")) : List.of();
    Month month = parts.containsKey("BYMONTH") ? Month.of(positive(parts.get("BYMONTH"), "BYMONTH")) : start.getMonth();
    int monthDay = parts.containsKey("BYMONTHDAY") ? positive(parts.get("BYMONTHDAY"), "BYMONTHDAY") : start.getDayOfMonth();
    if (freq == null) {
      throw new IllegalArgumentException("an RRULE needs FREQ");
    }
    RecurrencePattern pattern = switch (freq) {
      case "DAILY" -> byDay.isEmpty()
          ? new RecurrencePattern(RecurrencePattern.Kind.DAILY, interval, null, null, 0, null, null, null)
          : weekly(byDay, 1, wkst);  // "every weekday" is a weekly pattern in Exchange
      case "WEEKLY" -> weekly(byDay.isEmpty() ? List.of(CODES.get(start.getDayOfWeek().ordinal())) : byDay, interval, wkst);
      case "MONTHLY" -> byDay.isEmpty()
          ? new RecurrencePattern(RecurrencePattern.Kind.ABSOLUTE_MONTHLY, interval, null, null, monthDay, null, null, null)
          : relative(RecurrencePattern.Kind.RELATIVE_MONTHLY, byDay, parts.get("BYSETPOS"), interval, null);
      case "YEARLY" -> {
        if (interval != 1) {
          throw new IllegalArgumentException("Exchange's yearly recurrences have no INTERVAL");
        }
        yield byDay.isEmpty()
            ? new RecurrencePattern(RecurrencePattern.Kind.ABSOLUTE_YEARLY, 1, null, null, monthDay, null, null, month)
            : relative(RecurrencePattern.Kind.RELATIVE_YEARLY, byDay, parts.get("BYSETPOS"), 1, month);
      }
      default -> throw new IllegalArgumentException("FREQ=" + freq + " is not DAILY, WEEKLY, MONTHLY or YEARLY");
    };
    RecurrenceRange range;
    if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
      throw new IllegalArgumentException("an RRULE has COUNT or UNTIL, not both");
    } else if (parts.containsKey("COUNT")) {
      range = new RecurrenceRange(RecurrenceRange.Kind.NUMBERED, start, null, positive(parts.get("COUNT"), "COUNT"));
    } else if (parts.containsKey("UNTIL")) {
      range = new RecurrenceRange(RecurrenceRange.Kind.END_DATE, start,
          LocalDate.parse(parts.get("UNTIL").substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE), 0);
    } else {
      range = new RecurrenceRange(RecurrenceRange.Kind.NO_END, start, null, 0);
    }
    Recurrence recurrence = new Recurrence(pattern, range);
    try {
      recurrence.validate();
    } catch (ResponseMessageError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
    return recurrence;
  }

  private static RecurrencePattern weekly(List<String> byDay, int interval, DayOfWeek wkst) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String d : byDay) {
      days.add(day(d));
    }
    return new RecurrencePattern(RecurrencePattern.Kind.WEEKLY, interval, days, wkst, 0, null, null, null);
  }

  /** {@code BYDAY=2TU}, {@code BYDAY=-1FR}, or a day set with {@code BYSETPOS} (weekdays, weekend days, every day). */
  private static RecurrencePattern relative(RecurrencePattern.Kind kind, List<String> byDay, String setPos, int interval,
                                            Month month) {
    String relativeDay;
    int ordinal;
    if (byDay.size() == 1 && byDay.get(0).matches("[+-]?\\d+[A-Z]{2}")) {
      String d = byDay.get(0);
      ordinal = Integer.parseInt(d.substring(0, d.length() - 2));
      relativeDay = TimeZoneXml.dayName(day(d.substring(d.length() - 2)));
    } else if (setPos != null) {
      ordinal = Integer.parseInt(setPos);
      relativeDay = byDay.size() == 1 ? TimeZoneXml.dayName(day(byDay.get(0)))
          : byDay.equals(WEEKDAYS) ? "Weekday" : byDay.equals(List.of("SA", "SU")) || byDay.equals(List.of("SU", "SA"))
          ? "WeekendDay" : byDay.size() == 7 ? "Day" : null;
      if (relativeDay == null) {
        throw new IllegalArgumentException("Exchange's relative recurrences take one day, weekdays, weekend days or every day");
      }
    } else {
      throw new IllegalArgumentException("a monthly or yearly BYDAY needs an ordinal (2TU, -1FR) or BYSETPOS");
    }
    if (ordinal == 0 || ordinal > 4 || ordinal < -1) {
      throw new IllegalArgumentException("Exchange's relative recurrences take the 1st to 4th or the last (-1) day");
    }
    String index = RecurrencePattern.WEEK_INDEXES.get(ordinal < 0 ? 4 : ordinal - 1);
    return new RecurrencePattern(kind, interval, null, null, 0, relativeDay, index, month);
  }

  /** The RRULE for {@code recurrence}. */
  static String format(Recurrence recurrence) {
    RecurrencePattern p = recurrence.pattern();
    StringBuilder out = new StringBuilder("FREQ=");
    switch (p.kind()) {
      case DAILY -> out.append("DAILY");
      case WEEKLY -> out.append("WEEKLY");
      case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> out.append("MONTHLY");
      case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> out.append("YEARLY");
    }
    if (p.interval() != 1) {
      out.append(";INTERVAL=").append(p.interval());
    }
    switch (p.kind()) {
      case WEEKLY -> {
        out.append(";BYDAY=").append(String.join(",", p.daysOfWeek().stream().map(d -> CODES.get(d.ordinal())).toList()));
        if (p.firstDayOfWeek() != DayOfWeek.SUNDAY) {
          out.append(";WKST=").append(CODES.get(p.firstDayOfWeek().ordinal()));
        }
      }
      case ABSOLUTE_MONTHLY -> out.append(";BYMONTHDAY=").append(p.dayOfMonth());
      case ABSOLUTE_YEARLY -> out.append(";BYMONTH=").append(p.month().getValue()).append(";BYMONTHDAY=").append(p.dayOfMonth());
      case RELATIVE_MONTHLY, RELATIVE_YEARLY -> {
        if (p.kind() == RecurrencePattern.Kind.RELATIVE_YEARLY) {
          out.append(";BYMONTH=").append(p.month().getValue());
        }
        int index = RecurrencePattern.WEEK_INDEXES.indexOf(p.weekIndex());
        int ordinal = index == 4 ? -1 : index + 1;
        switch (p.relativeDay()) {
          case "Day" -> out.append(";BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=").append(ordinal);
          case "Weekday" -> out.append(";BYDAY=MO,TU,WE,TH,FR;BYSETPOS=").append(ordinal);
          case "WeekendDay" -> out.append(";BYDAY=SA,SU;BYSETPOS=").append(ordinal);
          default -> out.append(";BYDAY=").append(ordinal).append(CODES.get(day(p.relativeDay().substring(0, 2)).ordinal()));
        }
      }
      case DAILY -> { }
    }
    RecurrenceRange r = recurrence.range();
    switch (r.kind()) {
      case NUMBERED -> out.append(";COUNT=").append(r.count());
      case END_DATE -> out.append(";UNTIL=").append(r.endDate().format(DateTimeFormatter.BASIC_ISO_DATE));
      case NO_END -> { }
    }
    return out.toString();
  }

  private static DayOfWeek day(String code) {
    int i = CODES.indexOf(code.toUpperCase(Locale.ROOT));
    if (i < 0) {
      throw new IllegalArgumentException("'" + code + "' is not a day (MO, TU, WE, TH, FR, SA, SU)");
    }
    return DayOfWeek.values()[i];
  }

  private static int positive(String value, String name) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " takes a positive whole number, not '" + value + "'");
  }
}
