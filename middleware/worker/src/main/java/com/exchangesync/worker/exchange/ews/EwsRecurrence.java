package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.ExchangeRecurrence.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.core.enumeration.property.time.Month;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;

/**
 * {@link ExchangeRecurrence} to ews-java-api's {@link Recurrence} patterns and back.
 *
 * <p>The library writes a range's dates with {@code SimpleDateFormat("yyyy-MM-dd")}
 * in the JVM's default zone, so a day goes out as noon of that day there; it reads
 * them back as the instant of midnight at the offset Exchange wrote (the series'
 * zone: {@code 2026-03-02+01:00}), so a day comes back as the date of that instant
 * in the series' zone (or in UTC, when Exchange wrote no offset). A weekly
 * pattern's {@code FirstDayOfWeek} cannot go through the library (it types it as
 * a {@code Calendar}): none is sent, and Exchange's default, Sunday, applies.
 */
final class EwsRecurrence {

  private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

  private EwsRecurrence() {}

  /** The library's pattern and range for {@code r}. */
  static Recurrence toEws(ExchangeRecurrence r) throws Exception {
    Date start = day(r.startDate());
    Recurrence out = switch (r.kind()) {
      case DAILY -> new Recurrence.DailyPattern(start, r.interval());
      case WEEKLY -> new Recurrence.WeeklyPattern(start, r.interval(), r.days().stream().map(EwsRecurrence::day)
          .toArray(DayOfTheWeek[]::new));
      case ABSOLUTE_MONTHLY -> new Recurrence.MonthlyPattern(start, r.interval(), r.dayOfMonth());
      case RELATIVE_MONTHLY -> new Recurrence.RelativeMonthlyPattern(start, r.interval(), relativeDay(r.days()), index(r.weekIndex()));
      case ABSOLUTE_YEARLY -> new Recurrence.YearlyPattern(start, month(r.month()), r.dayOfMonth());
      case RELATIVE_YEARLY -> new Recurrence.RelativeYearlyPattern(start, month(r.month()), relativeDay(r.days()),
          index(r.weekIndex()));
    };
    if (r.count() > 0) {
      out.setNumberOfOccurrences(r.count());
    } else if (r.endDate().isPresent()) {
      out.setEndDate(day(r.endDate().get()));
    }
    return out;
  }

  /**
   * The pattern of a series whose first occurrence falls on {@code firstDay} in
   * {@code zone}, or empty for a pattern a calendar item cannot have (the
   * regeneration patterns of tasks).
   */
  static Optional<ExchangeRecurrence> fromEws(Recurrence rec, LocalDate firstDay, ZoneId zone) throws Exception {
    int count = rec.getNumberOfOccurrences() == null ? 0 : rec.getNumberOfOccurrences();
    Optional<LocalDate> end = count > 0 || rec.getEndDate() == null ? Optional.empty()
        : Optional.of(localDate(rec.getEndDate(), zone));
    ExchangeRecurrence r;
    if (rec instanceof Recurrence.DailyPattern p) {
      r = new ExchangeRecurrence(Kind.DAILY, p.getInterval(), List.of(), 0, 0, null, firstDay, count, end);
    } else if (rec instanceof Recurrence.WeeklyPattern p) {
      List<DayOfWeek> days = new ArrayList<>();
      p.getDaysOfTheWeek().forEach(d -> days.addAll(days(d)));
      r = new ExchangeRecurrence(Kind.WEEKLY, p.getInterval(), days, 0, 0, null, firstDay, count, end);
    } else if (rec instanceof Recurrence.MonthlyPattern p) {
      r = new ExchangeRecurrence(Kind.ABSOLUTE_MONTHLY, p.getInterval(), List.of(), p.getDayOfMonth(), 0, null, firstDay, count, end);
    } else if (rec instanceof Recurrence.RelativeMonthlyPattern p) {
      r = new ExchangeRecurrence(Kind.RELATIVE_MONTHLY, p.getInterval(), days(p.getDayOfTheWeek()), 0, index(p.getDayOfTheWeekIndex()),
          null, firstDay, count, end);
    } else if (rec instanceof Recurrence.YearlyPattern p) {
      r = new ExchangeRecurrence(Kind.ABSOLUTE_YEARLY, 1, List.of(), p.getDayOfMonth(), 0, month(p.getMonth()), firstDay, count, end);
    } else if (rec instanceof Recurrence.RelativeYearlyPattern p) {
      r = new ExchangeRecurrence(Kind.RELATIVE_YEARLY, 1, days(p.getDayOfTheWeek()), 0, index(p.getDayOfTheWeekIndex()),
          month(p.getMonth()), firstDay, count, end);
    } else {
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /** A day as the library writes it: noon of that day in the JVM's zone, which its date format uses. */
  static Date day(LocalDate d) {
    return Date.from(d.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
  }

  /** A range date as the library read it: midnight at Exchange's offset for the series' zone, else at UTC. */
  static LocalDate localDate(Date read, ZoneId zone) {
    Instant instant = read.toInstant();
    ZonedDateTime inZone = instant.atZone(zone);
    return inZone.toLocalTime().equals(LocalTime.MIDNIGHT) ? inZone.toLocalDate() : instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static DayOfTheWeek day(DayOfWeek d) {
    return switch (d) {
      case MONDAY -> DayOfTheWeek.Monday;
      case TUESDAY -> DayOfTheWeek.Tuesday;
      case WEDNESDAY -> DayOfTheWeek.Wednesday;
      case THURSDAY -> DayOfTheWeek.Thursday;
      case FRIDAY -> DayOfTheWeek.Friday;
      case SATURDAY -> DayOfTheWeek.Saturday;
      case SUNDAY -> DayOfTheWeek.Sunday;
    };
  }

  /** A relative pattern's kind of day: one day, weekdays, weekend days or any day. */
  private static DayOfTheWeek relativeDay(List<DayOfWeek> days) {
    Set<DayOfWeek> set = EnumSet.copyOf(days);
    return set.size() == 1 ? day(days.get(0)) : set.equals(WEEKDAYS) ? DayOfTheWeek.Weekday
        : set.equals(WEEKEND) ? DayOfTheWeek.WeekendDay : DayOfTheWeek.Day;
  }

  private static List<DayOfWeek> days(DayOfTheWeek d) {
    return switch (d) {
      case Day -> List.copyOf(EnumSet.allOf(DayOfWeek.class));
      case Weekday -> List.copyOf(WEEKDAYS);
      case WeekendDay -> List.copyOf(WEEKEND);
      default -> List.of(DayOfWeek.valueOf(d.name().toUpperCase(java.util.Locale.ROOT)));
    };
  }

  private static DayOfTheWeekIndex index(int weekIndex) {
    return weekIndex == -1 ? DayOfTheWeekIndex.Last : DayOfTheWeekIndex.values()[weekIndex - 1];
  }

  private static int index(DayOfTheWeekIndex i) {
    return i == DayOfTheWeekIndex.Last ? -1 : i.ordinal() + 1;
  }

  private static Month month(java.time.Month m) {
    return Month.values()[m.ordinal()];
  }

  private static java.time.Month month(Month m) {
    return java.time.Month.of(m.ordinal() + 1);
  }
}
