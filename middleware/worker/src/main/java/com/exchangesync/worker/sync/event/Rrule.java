package com.exchangesync.worker.sync.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A series' pattern as an RFC 5545 RRULE, in the subset both Exchange's
 * recurrence patterns and Salesforce's Recurrence2 can state: {@code FREQ}
 * (daily, weekly, monthly, yearly), {@code INTERVAL}, {@code BYDAY} (with an
 * ordinal for monthly and yearly rules: {@code 2TU}, {@code -1FR}),
 * {@code BYMONTHDAY}, {@code BYMONTH}, {@code BYSETPOS}, {@code WKST}, and an end
 * ({@code COUNT} or {@code UNTIL}) or none. {@link #canonical} writes it one way
 * (parts in a fixed order, default parts dropped, {@code UNTIL} as a date), so the
 * same pattern compares equal whichever side stated it.
 */
record Rrule(String freq, int interval, List<String> byDay, List<Integer> byMonthDay, List<Integer> byMonth,
             Optional<Integer> bySetPos, Optional<String> wkst, Optional<Integer> count, Optional<LocalDate> until) {

  private static final Set<String> FREQS = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
  private static final Set<String> DAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  private static final List<String> ORDER = List.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS",
      "WKST", "COUNT", "UNTIL");

  /** The rule, or why it is not one this product can carry from one side to the other. */
  static Parsed parse(String text) {
    if (text == null || text.isBlank()) {
      return Parsed.refused("no recurrence rule");
    }
    String t = text.trim();
    if (t.regionMatches(true, 0, "RRULE:", 0, 6)) {
      t = t.substring(6);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : t.split(";")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        return Parsed.refused("'" + part + "' is not NAME=VALUE");
      }
      String name = kv[0].trim().toUpperCase(Locale.ROOT);
      if (!ORDER.contains(name)) {
        return Parsed.refused(name + " is not a rule part both Exchange and Salesforce can state");
      }
      if (parts.put(name, kv[1].trim().toUpperCase(Locale.ROOT)) != null) {
        return Parsed.refused(name + " appears twice");
      }
    }
    String freq = parts.get("FREQ");
    if (freq == null || !FREQS.contains(freq)) {
      return Parsed.refused("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
    }
    try {
      int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
      if (interval < 1 || interval > 999) {
        return Parsed.refused("INTERVAL must be 1 to 999");
      }
      List<String> byDay = new ArrayList<>();
      if (parts.containsKey("BYDAY")) {
        for (String d : parts.get("BYDAY").split(",")) {
          String day = d.substring(Math.max(0, d.length() - 2));
          String ordinal = d.substring(0, d.length() - 2);
          if (!DAYS.contains(day) || (!ordinal.isEmpty() && !ordinal.matches("[+-]?[1-5]"))) {
            return Parsed.refused("BYDAY '" + d + "' is not a weekday with an ordinal from -5 to 5");
          }
          if (!ordinal.isEmpty() && (freq.equals("DAILY") || freq.equals("WEEKLY"))) {
            return Parsed.refused("an ordinal weekday needs FREQ=MONTHLY or YEARLY");
          }
          byDay.add(ordinal.replace("+", "") + day);
        }
      }
      List<Integer> byMonthDay = numbers(parts.get("BYMONTHDAY"), -31, 31);
      List<Integer> byMonth = numbers(parts.get("BYMONTH"), 1, 12);
      Optional<Integer> bySetPos = parts.containsKey("BYSETPOS") ? Optional.of(Integer.parseInt(parts.get("BYSETPOS")))
          : Optional.empty();
      if (bySetPos.isPresent() && (bySetPos.get() == 0 || Math.abs(bySetPos.get()) > 5)) {
        return Parsed.refused("BYSETPOS must be one position from -5 to 5");
      }
      Optional<String> wkst = Optional.ofNullable(parts.get("WKST"));
      if (wkst.isPresent() && !DAYS.contains(wkst.get())) {
        return Parsed.refused("WKST must be a weekday");
      }
      Optional<Integer> count = parts.containsKey("COUNT") ? Optional.of(Integer.parseInt(parts.get("COUNT"))) : Optional.empty();
      if (count.isPresent() && count.get() < 1) {
        return Parsed.refused("COUNT must be at least 1");
      }
      Optional<LocalDate> until = parts.containsKey("UNTIL") ? Optional.of(untilDate(parts.get("UNTIL"))) : Optional.empty();
      if (count.isPresent() && until.isPresent()) {
        return Parsed.refused("COUNT and UNTIL cannot both end a rule");
      }
      return new Parsed(Optional.of(new Rrule(freq, interval, List.copyOf(byDay), byMonthDay, byMonth, bySetPos, wkst,
          count, until)), "");
    } catch (NumberFormatException | DateTimeParseException e) {
      return Parsed.refused("a number or date in the rule cannot be read: " + e.getMessage());
    }
  }

  private static List<Integer> numbers(String text, int min, int max) {
    if (text == null) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (String n : text.split(",")) {
      int v = Integer.parseInt(n.trim());
      if (v < min || v > max || v == 0) {
        throw new NumberFormatException(n + " is out of range");
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  /** {@code UNTIL} as a date: a series ends on a day (Exchange's end date, Salesforce's pattern end). */
  private static LocalDate untilDate(String text) {
    if (text.length() == 8) {
      return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE);
    }
    String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
    return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The rule written one way: parts in a fixed order, defaults dropped, days sorted as the week runs. */
  String canonical() {
    Map<String, String> parts = new TreeMap<>((a, b) -> Integer.compare(ORDER.indexOf(a), ORDER.indexOf(b)));
    parts.put("FREQ", freq);
    if (interval != 1) {
      parts.put("INTERVAL", Integer.toString(interval));
    }
    if (!byDay.isEmpty()) {
      List<String> days = new ArrayList<>(byDay);
      days.sort((a, b) -> Integer.compare(dayIndex(a), dayIndex(b)));
      parts.put("BYDAY", String.join(",", days));
    }
    if (!byMonthDay.isEmpty()) {
      parts.put("BYMONTHDAY", join(byMonthDay));
    }
    if (!byMonth.isEmpty()) {
      parts.put("BYMONTH", join(byMonth));
    }
    bySetPos.ifPresent(p -> parts.put("BYSETPOS", p.toString()));
    wkst.filter(w -> !w.equals("MO")).ifPresent(w -> parts.put("WKST", w));
    count.ifPresent(c -> parts.put("COUNT", c.toString()));
    until.ifPresent(u -> parts.put("UNTIL", u.format(DateTimeFormatter.BASIC_ISO_DATE)));
    List<String> out = new ArrayList<>();
    parts.forEach((k, v) -> out.add(k + "=" + v));
    return String.join(";", out);
  }

  /** Whether the series ends (a count or a last day): Salesforce's Recurrence2 needs one. */
  boolean ends() {
    return count.isPresent() || until.isPresent();
  }

  private static int dayIndex(String day) {
    return Arrays.asList("MO", "TU", "WE", "TH", "FR", "SA", "SU").indexOf(day.substring(day.length() - 2)) * 10
        + (day.length() > 2 ? Integer.parseInt(day.substring(0, day.length() - 2)) + 5 : 0);
  }

  private static String join(List<Integer> numbers) {
    List<String> s = new ArrayList<>();
    numbers.stream().sorted().forEach(n -> s.add(n.toString()));
    return String.join(",", s);
  }

  /** A parse: the rule, or why not. */
  record Parsed(Optional<Rrule> rule, String problem) {
    static Parsed refused(String why) {
      return new Parsed(Optional.empty(), why);
    }
  }
}
