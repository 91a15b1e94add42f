package com.exchangesync.testbed.salesforce;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An event series' pattern ({@code Recurrence2PatternText}): one RFC 5545
 * {@code RRULE} line in the subset a Lightning Experience event series uses —
 * {@code FREQ} {@code DAILY}, {@code WEEKLY}, {@code MONTHLY} or {@code YEARLY}
 * (nothing finer than a day), {@code INTERVAL}, {@code COUNT} or {@code UNTIL},
 * {@code BYDAY} (with an ordinal such as {@code 2TU} or {@code -1FR} for monthly
 * and yearly rules), {@code BYMONTHDAY}, {@code BYMONTH}, {@code BYSETPOS} and
 * {@code WKST}. Anything else is refused with the reason.
 *
 * @param freq how often the period repeats
 * @param interval every how many periods (1 and up)
 * @param count how many occurrences, or null
 * @param until the last moment an occurrence may start ({@link Until}), or null
 * @param byDay weekdays, each with an ordinal within the month or year (0 = every one)
 * @param byMonthDay days of the month (negative: from the end)
 * @param byMonth months (1-12)
 * @param bySetPos which of each period's occurrences to keep (negative: from the end)
 * @param weekStart the first day of a week ({@code WKST}; RFC 5545's default is Monday)
 */
record Recurrence2Rule(Freq freq, int interval, Integer count, Until until, List<WeekdayNum> byDay, List<Integer> byMonthDay,
    List<Integer> byMonth, List<Integer> bySetPos, DayOfWeek weekStart) {

  /** The periods a rule repeats in. */
  enum Freq { DAILY, WEEKLY, MONTHLY, YEARLY }

  /** A {@code BYDAY} entry: a weekday and its ordinal within the month or year (0 = every such weekday). */
  record WeekdayNum(int ordinal, DayOfWeek day) {}

  /** {@code UNTIL}: a date (the series' last day) or a UTC date-time (the last moment an occurrence may start). */
  record Until(LocalDate date, Instant instant) {

    /** The last day an occurrence starting at {@code time} local time in {@code zone} may fall on. */
    LocalDate lastDay(ZoneId zone, LocalTime time, boolean allDay) {
      if (date != null) {
        return date;
      }
      LocalDate day = instant.atZone(allDay ? ZoneOffset.UTC : zone).toLocalDate();
      return !allDay && LocalDateTime.of(day, time).atZone(zone).toInstant().isAfter(instant) ? day.minusDays(1) : day;
    }
  }

  private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY, "WE",
      DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY, "SU", DayOfWeek.SUNDAY);
  private static final Set<String> FINER = Set.of("SECONDLY", "MINUTELY", "HOURLY");
  private static final Set<String> UNSUPPORTED_PARTS = Set.of("BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO");
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
  private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

  /** The rule {@code text} states; one that is not in the subset throws {@link IllegalArgumentException} saying why. */
  static Recurrence2Rule parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.contains("\n") || t.contains("\r")) {
      throw new IllegalArgumentException("the pattern is one RRULE line, without DTSTART or other properties");
    }
    if (!t.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
      throw new IllegalArgumentException("the pattern must start with RRULE: (for example RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5)");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : t.substring(6).split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new IllegalArgumentException("'" + part + "' is not a NAME=VALUE rule part");
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      if (parts.put(name, part.substring(eq + 1).trim().toUpperCase(Locale.ROOT)) != null) {
        throw new IllegalArgumentException(name + " is given twice");
      }
    }
    String f = parts.remove("FREQ");
    if (f == null) {
      throw new IllegalArgumentException("FREQ is required");
    }
    if (FINER.contains(f)) {
      throw new IllegalArgumentException("FREQ=" + f + " is not supported: an event series repeats daily at the most");
    }
    Freq freq;
    try {
      freq = Freq.valueOf(f);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("FREQ=" + f + " is not DAILY, WEEKLY, MONTHLY or YEARLY");
    }
    int interval = number(parts.remove("INTERVAL"), "INTERVAL", 1, 999, 1);
    String c = parts.remove("COUNT");
    String u = parts.remove("UNTIL");
    if (c != null && u != null) {
      throw new IllegalArgumentException("COUNT and UNTIL can't both be given");
    }
    Integer count = c == null ? null : number(c, "COUNT", 1, 999, 0);
    Until until = u == null ? null : until(u);
    List<WeekdayNum> byDay = byDay(parts.remove("BYDAY"), freq);
    List<Integer> byMonthDay = list(parts.remove("BYMONTHDAY"), "BYMONTHDAY", -31, 31);
    List<Integer> byMonth = list(parts.remove("BYMONTH"), "BYMONTH", 1, 12);
    List<Integer> bySetPos = list(parts.remove("BYSETPOS"), "BYSETPOS", -366, 366);
    String wkst = parts.remove("WKST");
    DayOfWeek weekStart = wkst == null ? DayOfWeek.MONDAY : DAYS.get(wkst);
    if (weekStart == null) {
      throw new IllegalArgumentException("WKST=" + wkst + " is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
    }
    if (!parts.isEmpty()) {
      String name = parts.keySet().iterator().next();
      throw new IllegalArgumentException(UNSUPPORTED_PARTS.contains(name) ? name + " is not supported: an event series has one"
          + " occurrence a day at the most, at the time of its start" : name + " is not an RRULE part an event series uses");
    }
    if (!bySetPos.isEmpty() && byDay.isEmpty() && byMonthDay.isEmpty()) {
      throw new IllegalArgumentException("BYSETPOS needs BYDAY or BYMONTHDAY to pick from");
    }
    if (freq == Freq.YEARLY && byMonth.isEmpty() && (!byDay.isEmpty() || !byMonthDay.isEmpty())) {
      throw new IllegalArgumentException("a yearly rule with BYDAY or BYMONTHDAY needs BYMONTH");
    }
    if ((freq == Freq.DAILY || freq == Freq.WEEKLY) && !byMonthDay.isEmpty()) {
      throw new IllegalArgumentException("BYMONTHDAY is for monthly and yearly rules");
    }
    return new Recurrence2Rule(freq, interval, count, until, byDay, byMonthDay, byMonth, bySetPos, weekStart);
  }

  private static int number(String value, String name, int min, int max, int absent) {
    if (value == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + "=" + value + " is not a number from " + min + " to " + max);
  }

  private static List<Integer> list(String value, String name, int min, int max) {
    List<Integer> out = new ArrayList<>();
    if (value != null) {
      for (String v : value.split(",")) {
        int n = number(v.trim(), name, min, max, 0);
        if (n == 0) {
          throw new IllegalArgumentException(name + "=0 is not allowed");
        }
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  private static List<WeekdayNum> byDay(String value, Freq freq) {
    List<WeekdayNum> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String v : value.split(",")) {
      String s = v.trim();
      DayOfWeek day = s.length() < 2 ? null : DAYS.get(s.substring(s.length() - 2));
      if (day == null) {
        throw new IllegalArgumentException("BYDAY=" + s + " is not a weekday such as MO, 2TU or -1FR");
      }
      int ordinal = 0;
      if (s.length() > 2) {
        int limit = freq == Freq.YEARLY ? 53 : 5;
        ordinal = number(s.substring(0, s.length() - 2).replace("+", ""), "BYDAY ordinal", -limit, limit, 0);
        if (ordinal == 0 || freq == Freq.DAILY || freq == Freq.WEEKLY) {
          throw new IllegalArgumentException("BYDAY=" + s + ": an ordinal is for monthly and yearly rules, and is not 0");
        }
      }
      out.add(new WeekdayNum(ordinal, day));
    }
    return List.copyOf(out);
  }

  private static Until until(String value) {
    try {
      if (value.length() == 8) {
        return new Until(LocalDate.parse(value, BASIC_DATE), null);
      }
      if (value.length() == 16 && value.endsWith("Z")) {
        return new Until(null, LocalDateTime.parse(value.substring(0, 15), BASIC_DATE_TIME).toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException("UNTIL=" + value + " is not a date (20300401) or a UTC date-time (20300401T170000Z)");
  }
}
