package com.exchangesync.worker.exchange;

import com.exchangesync.worker.exchange.ExchangeRecurrence.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * RRULEs ({@code RECURRENCE}: the subset of {@code sync/event/Rrule}) to Exchange's
 * recurrence patterns and back, exactly: a rule whose occurrences Exchange would
 * place differently is refused, naming the part, rather than approximated.
 *
 * <p>What differs, and how it is said: Exchange moves "the 31st" to the last day
 * of shorter months, where an RRULE skips them, so Exchange's day 31 reads as
 * {@code BYMONTHDAY=28,29,30,31;BYSETPOS=-1} and only that form writes it; "every
 * weekday" is a weekly pattern ({@code FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR} is written
 * as one and reads back {@code FREQ=WEEKLY}); yearly patterns have no interval;
 * weeks start on Sunday in Exchange (see {@link ExchangeRecurrence#WEEK_START}),
 * so {@code WKST} is read and written only where it changes the occurrences. Rules
 * read back in the order and form of the subset's canonical rules.
 */
public final class RecurrenceRules {

  private static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

  private RecurrenceRules() {}

  /**
   * The pattern and range {@code rule} states for a series whose first occurrence
   * falls on {@code firstDay} (in {@code zone}, which also places an {@code UNTIL}
   * given as a UTC time).
   *
   * @throws UnstatableRecurrenceException naming the part Exchange cannot state
   */
  public static ExchangeRecurrence fromRrule(String rule, LocalDate firstDay, ZoneId zone) {
    RruleParts p = RruleParts.parse(rule);
    String freq = p.get("FREQ").orElseThrow(() -> new UnstatableRecurrenceException("FREQ", "a rule needs one"));
    int interval = p.has("INTERVAL") ? p.number("INTERVAL", 1, 999) : 1;
    List<Day> byDay = byDay(p);
    Pattern pattern = switch (freq) {
      case "DAILY" -> daily(p, byDay, interval);
      case "WEEKLY" -> weekly(p, byDay, interval, firstDay);
      case "MONTHLY" -> monthly(p, byDay, interval, firstDay);
      case "YEARLY" -> yearly(p, byDay, interval, firstDay);
      default -> throw new UnstatableRecurrenceException("FREQ=" + freq, "Exchange repeats daily, weekly, monthly or yearly");
    };
    if (p.has("COUNT") && p.has("UNTIL")) {
      throw new UnstatableRecurrenceException(p.named("UNTIL"), "a rule ends after COUNT or on UNTIL, not both");
    }
    int count = p.has("COUNT") ? p.number("COUNT", 1, 999) : 0;
    Optional<LocalDate> until = p.get("UNTIL").map(u -> untilDate(p, u, zone));
    if (until.isPresent() && until.get().isBefore(firstDay)) {
      throw new UnstatableRecurrenceException(p.named("UNTIL"), "it is before the series' first day, " + firstDay);
    }
    return new ExchangeRecurrence(pattern.kind, pattern.interval, pattern.days, pattern.dayOfMonth, pattern.weekIndex,
        pattern.month, firstDay, count, until);
  }

  /** The RRULE for {@code r}, in the subset's canonical form. */
  public static String toRrule(ExchangeRecurrence r) {
    Map<String, String> parts = new TreeMap<>((a, b) -> Integer.compare(RruleParts.ORDER.indexOf(a), RruleParts.ORDER.indexOf(b)));
    switch (r.kind()) {
      case DAILY -> parts.put("FREQ", "DAILY");
      case WEEKLY -> {
        parts.put("FREQ", "WEEKLY");
        parts.put("BYDAY", days(r.days()));
        if (r.interval() > 1 && weekStartMatters(r.days(), r.startDate(), DayOfWeek.MONDAY)) {
          parts.put("WKST", code(ExchangeRecurrence.WEEK_START));
        }
      }
      case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> parts.put("FREQ", "MONTHLY");
      case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> {
        parts.put("FREQ", "YEARLY");
        parts.put("BYMONTH", Integer.toString(r.month().getValue()));
      }
    }
    if (r.interval() != 1) {
      parts.put("INTERVAL", Integer.toString(r.interval()));
    }
    switch (r.kind()) {
      case ABSOLUTE_MONTHLY -> monthDay(parts, r.dayOfMonth(), 28);
      case ABSOLUTE_YEARLY -> monthDay(parts, r.dayOfMonth(), r.month().minLength());
      case RELATIVE_MONTHLY, RELATIVE_YEARLY -> relativeDay(parts, r);
      default -> { }
    }
    if (r.count() > 0) {
      parts.put("COUNT", Integer.toString(r.count()));
    }
    r.endDate().ifPresent(d -> parts.put("UNTIL", d.format(DateTimeFormatter.BASIC_ISO_DATE)));
    List<String> out = new ArrayList<>();
    parts.forEach((k, v) -> out.add(k + "=" + v));
    return String.join(";", out);
  }

  /**
   * Whether weeks starting on {@code a} or on {@code b} give a weekly pattern
   * (with an interval over 1) from {@code firstDay} different occurrences: a day
   * then falls into another week than the first day's.
   */
  static boolean weekStartMatters(List<DayOfWeek> days, LocalDate firstDay, DayOfWeek a) {
    int first = firstDay.getDayOfWeek().getValue();
    int offA = Math.floorMod(first - a.getValue(), 7);
    int offB = Math.floorMod(first - ExchangeRecurrence.WEEK_START.getValue(), 7);
    for (DayOfWeek d : days) {
      int r = Math.floorMod(d.getValue() - first, 7);
      if ((r + offA) / 7 != (r + offB) / 7) {
        return true;
      }
    }
    return false;
  }

  private record Pattern(Kind kind, int interval, List<DayOfWeek> days, int dayOfMonth, int weekIndex, Month month) {}

  private record Day(int ordinal, DayOfWeek day) {}

  private static Pattern daily(RruleParts p, List<Day> byDay, int interval) {
    refuse(p, "BYMONTHDAY", "a daily rule cannot have it");
    refuse(p, "BYMONTH", "a daily rule cannot have it");
    refuse(p, "BYSETPOS", "a daily rule cannot have it");
    if (byDay.isEmpty()) {
      return new Pattern(Kind.DAILY, interval, List.of(), 0, 0, null);
    }
    if (interval != 1) {
      throw new UnstatableRecurrenceException(p.named("BYDAY"), "Exchange states days of the week only weekly,"
          + " and every " + interval + " days on some weekdays is not weekly");
    }
    return new Pattern(Kind.WEEKLY, 1, plainDays(p, byDay), 0, 0, null);
  }

  private static Pattern weekly(RruleParts p, List<Day> byDay, int interval, LocalDate firstDay) {
    refuse(p, "BYMONTHDAY", "a weekly rule cannot have it");
    refuse(p, "BYMONTH", "a weekly rule cannot have it");
    refuse(p, "BYSETPOS", "a weekly rule cannot have it");
    List<DayOfWeek> days = byDay.isEmpty() ? List.of(firstDay.getDayOfWeek()) : plainDays(p, byDay);
    DayOfWeek wkst = p.get("WKST").map(w -> day(p, "WKST", w)).orElse(DayOfWeek.MONDAY);
    if (interval > 1 && weekStartMatters(days, firstDay, wkst)) {
      throw new UnstatableRecurrenceException("WKST=" + code(wkst), "Exchange's weeks start on Sunday here (ews-java-api"
          + " cannot send FirstDayOfWeek), and these days then fall in other weeks");
    }
    return new Pattern(Kind.WEEKLY, interval, days, 0, 0, null);
  }

  private static Pattern monthly(RruleParts p, List<Day> byDay, int interval, LocalDate firstDay) {
    refuse(p, "BYMONTH", "a monthly rule cannot have it");
    if (!byDay.isEmpty()) {
      Pattern relative = relative(p, byDay, Kind.RELATIVE_MONTHLY, interval, null);
      return relative;
    }
    int day = absoluteDay(p, firstDay.getDayOfMonth(), 28);
    return day == -1 ? new Pattern(Kind.RELATIVE_MONTHLY, interval, List.copyOf(EVERY_DAY), 0, -1, null)
        : new Pattern(Kind.ABSOLUTE_MONTHLY, interval, List.of(), day, 0, null);
  }

  private static Pattern yearly(RruleParts p, List<Day> byDay, int interval, LocalDate firstDay) {
    if (interval != 1) {
      throw new UnstatableRecurrenceException(p.named("INTERVAL"), "Exchange's yearly patterns repeat every year");
    }
    Month month = p.has("BYMONTH") ? Month.of(p.number("BYMONTH", 1, 12)) : firstDay.getMonth();
    if (!byDay.isEmpty()) {
      return relative(p, byDay, Kind.RELATIVE_YEARLY, 1, month);
    }
    int day = absoluteDay(p, firstDay.getDayOfMonth(), month.minLength());
    return day == -1 ? new Pattern(Kind.RELATIVE_YEARLY, 1, List.copyOf(EVERY_DAY), 0, -1, month)
        : new Pattern(Kind.ABSOLUTE_YEARLY, 1, List.of(), day, 0, month);
  }

  /** A day of the month Exchange places as the rule does (-1: the last day); {@code shortest} is the month's fewest days. */
  private static int absoluteDay(RruleParts p, int firstDayOfMonth, int shortest) {
    if (!p.has("BYMONTHDAY")) {
      refuse(p, "BYSETPOS", "it needs BYDAY or BYMONTHDAY");
      if (firstDayOfMonth > shortest) {
        throw new UnstatableRecurrenceException("BYMONTHDAY", "the series starts on day " + firstDayOfMonth + ", which the"
            + " rule skips in shorter months and Exchange moves to their last day");
      }
      return firstDayOfMonth;
    }
    String text = p.get("BYMONTHDAY").orElseThrow();
    List<Integer> days = new ArrayList<>();
    for (String d : text.split(",")) {
      try {
        days.add(Integer.parseInt(d.trim()));
      } catch (NumberFormatException e) {
        throw new UnstatableRecurrenceException(p.named("BYMONTHDAY"), "'" + d + "' is not a day of the month");
      }
    }
    if (days.size() == 1 && !p.has("BYSETPOS")) {
      int d = days.get(0);
      if (d == -1 || (d >= 1 && d <= shortest)) {
        return d;
      }
      throw new UnstatableRecurrenceException(p.named("BYMONTHDAY"), d > shortest && d <= 31
          ? "the rule skips months without that day, where Exchange moves it to their last day (BYMONTHDAY="
              + clampForm(d, shortest) + ";BYSETPOS=-1 says what Exchange does)"
          : "Exchange takes one day from 1 to 31, or -1 for the last");
    }
    // The last of shortest..d: day d, or the month's last day when shorter, which is Exchange's day d.
    int last = days.get(days.size() - 1);
    boolean clamp = p.get("BYSETPOS").filter("-1"::equals).isPresent() && last > shortest && last <= 31
        && days.equals(range(shortest, last));
    if (!clamp) {
      throw new UnstatableRecurrenceException(p.named("BYMONTHDAY"), "Exchange's patterns fall on one day of the month");
    }
    return last;
  }

  private static Pattern relative(RruleParts p, List<Day> byDay, Kind kind, int interval, Month month) {
    if (p.has("BYMONTHDAY")) {
      throw new UnstatableRecurrenceException(p.named("BYMONTHDAY"), "Exchange's patterns take BYDAY or BYMONTHDAY, not both");
    }
    int index;
    List<DayOfWeek> days = new ArrayList<>();
    if (byDay.size() == 1 && byDay.get(0).ordinal() != 0) {
      if (p.has("BYSETPOS")) {
        throw new UnstatableRecurrenceException(p.named("BYSETPOS"), "the day already has an ordinal");
      }
      index = byDay.get(0).ordinal();
      days.add(byDay.get(0).day());
    } else {
      if (byDay.stream().anyMatch(d -> d.ordinal() != 0)) {
        throw new UnstatableRecurrenceException(p.named("BYDAY"), "Exchange takes one day with an ordinal (2TU, -1FR)");
      }
      if (!p.has("BYSETPOS")) {
        throw new UnstatableRecurrenceException(p.named("BYDAY"), "Exchange's monthly and yearly patterns fall on one day"
            + " of the month: give the day an ordinal (2TU, -1FR) or a BYSETPOS");
      }
      index = p.number("BYSETPOS", -5, 5);
      byDay.forEach(d -> days.add(d.day()));
      Set<DayOfWeek> set = EnumSet.copyOf(days);
      boolean known = set.size() == 1 || set.equals(WEEKDAYS) || set.equals(WEEKEND) || set.equals(EVERY_DAY);
      if (!known || set.size() != days.size()) {
        throw new UnstatableRecurrenceException(p.named("BYDAY"), "Exchange's relative patterns take one day, the weekdays,"
            + " the weekend days or every day");
      }
    }
    if (index == 0 || index > 4 || index < -1) {
      String part = p.has("BYSETPOS") ? p.named("BYSETPOS") : p.named("BYDAY");
      throw new UnstatableRecurrenceException(part, "Exchange takes the 1st to 4th or the last (-1) of its kind in the month");
    }
    List<DayOfWeek> sorted = EnumSet.copyOf(days).stream().toList();
    return new Pattern(kind, interval, sorted, 0, index, month);
  }

  private static List<Day> byDay(RruleParts p) {
    List<Day> out = new ArrayList<>();
    for (String entry : p.get("BYDAY").map(v -> v.split(",")).orElse(new String[0])) {
      String e = entry.trim();
      if (e.length() < 2) {
        throw new UnstatableRecurrenceException(p.named("BYDAY"), "'" + e + "' is not a day");
      }
      String ordinal = e.substring(0, e.length() - 2).replace("+", "");
      DayOfWeek day = day(p, "BYDAY", e.substring(e.length() - 2));
      try {
        out.add(new Day(ordinal.isEmpty() ? 0 : Integer.parseInt(ordinal), day));
      } catch (NumberFormatException ex) {
        throw new UnstatableRecurrenceException(p.named("BYDAY"), "'" + e + "' is not a day with an ordinal");
      }
    }
    return out;
  }

  private static List<DayOfWeek> plainDays(RruleParts p, List<Day> byDay) {
    if (byDay.stream().anyMatch(d -> d.ordinal() != 0)) {
      throw new UnstatableRecurrenceException(p.named("BYDAY"), "an ordinal day needs FREQ=MONTHLY or YEARLY");
    }
    return EnumSet.copyOf(byDay.stream().map(Day::day).toList()).stream().toList();
  }

  private static DayOfWeek day(RruleParts p, String part, String code) {
    int i = CODES.indexOf(code);
    if (i < 0) {
      throw new UnstatableRecurrenceException(p.named(part), "'" + code + "' is not MO, TU, WE, TH, FR, SA or SU");
    }
    return DayOfWeek.of(i + 1);
  }

  private static LocalDate untilDate(RruleParts p, String until, ZoneId zone) {
    try {
      if (until.length() == 8) {
        return LocalDate.parse(until, DateTimeFormatter.BASIC_ISO_DATE);
      }
      DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
      if (until.endsWith("Z")) {
        return LocalDateTime.parse(until.substring(0, until.length() - 1), f).atOffset(ZoneOffset.UTC)
            .atZoneSameInstant(zone).toLocalDate();
      }
      return LocalDateTime.parse(until, f).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new UnstatableRecurrenceException(p.named("UNTIL"), "it is not a date (YYYYMMDD) or a time (YYYYMMDDTHHMMSSZ)");
    }
  }

  private static void refuse(RruleParts p, String part, String why) {
    if (p.has(part)) {
      throw new UnstatableRecurrenceException(p.named(part), why);
    }
  }

  private static void monthDay(Map<String, String> parts, int day, int shortest) {
    if (day > shortest) {
      parts.put("BYMONTHDAY", clampForm(day, shortest));
      parts.put("BYSETPOS", "-1");
    } else {
      parts.put("BYMONTHDAY", Integer.toString(day));
    }
  }

  private static void relativeDay(Map<String, String> parts, ExchangeRecurrence r) {
    Set<DayOfWeek> set = EnumSet.copyOf(r.days());
    if (set.equals(EVERY_DAY)) {
      parts.put("BYMONTHDAY", Integer.toString(r.weekIndex())); // the n-th (or last) day of the month
    } else if (set.size() == 1) {
      parts.put("BYDAY", r.weekIndex() + code(r.days().get(0)));
    } else {
      parts.put("BYDAY", days(r.days()));
      parts.put("BYSETPOS", Integer.toString(r.weekIndex()));
    }
  }

  private static String clampForm(int day, int shortest) {
    return String.join(",", range(shortest, day).stream().map(String::valueOf).toList());
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private static String days(List<DayOfWeek> days) {
    return String.join(",", EnumSet.copyOf(days).stream().map(RecurrenceRules::code).toList());
  }

  private static String code(DayOfWeek d) {
    return CODES.get(d.getValue() - 1);
  }
}
