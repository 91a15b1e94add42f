package com.exchangesync.testbed.salesforce;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The days a {@link Recurrence2Rule} falls on, as RFC 5545 expands a rule:
 * period by period ({@code INTERVAL} apart, weeks starting on {@code WKST}),
 * each period's candidate days narrowed by the {@code BY…} parts and picked by
 * {@code BYSETPOS}, never before the series' first day, ending at {@code COUNT}
 * occurrences or the last day {@code UNTIL} allows. A day a month lacks
 * ({@code BYMONTHDAY=31} in April, February 29) is skipped, not moved. Times
 * are the caller's business: an occurrence keeps the series' local time of
 * day in the series' time zone, whatever the offset that day.
 */
final class Recurrence2Expander {

  /** Periods looked at without finding an occurrence before giving up (a rule such as BYMONTH=2;BYMONTHDAY=30). */
  private static final int BARREN_PERIODS = 4000;

  private Recurrence2Expander() {}

  /**
   * The first up to {@code limit} days of {@code rule} from {@code first} on; {@code lastDay} (null = none) and the
   * rule's {@code COUNT} end it earlier.
   */
  static List<LocalDate> days(Recurrence2Rule rule, LocalDate first, LocalDate lastDay, int limit) {
    List<LocalDate> out = new ArrayList<>();
    int max = rule.count() == null ? limit : Math.min(limit, rule.count());
    int barren = 0;
    for (long k = 0; out.size() < max && barren < BARREN_PERIODS; k++) {
      LocalDate period = periodStart(rule, first, k);
      if (lastDay != null && period.isAfter(lastDay)) {
        break;
      }
      int before = out.size();
      for (LocalDate day : pick(rule, candidates(rule, period, first))) {
        if (day.isBefore(first)) {
          continue;
        }
        if ((lastDay != null && day.isAfter(lastDay)) || out.size() == max) {
          return out;
        }
        out.add(day);
      }
      barren = out.size() > before ? 0 : barren + 1;
    }
    return out;
  }

  /** The first day of the k-th period of the rule counted from the one holding {@code first}. */
  private static LocalDate periodStart(Recurrence2Rule rule, LocalDate first, long k) {
    long step = k * rule.interval();
    return switch (rule.freq()) {
      case DAILY -> first.plusDays(step);
      case WEEKLY -> first.with(TemporalAdjusters.previousOrSame(rule.weekStart())).plusWeeks(step);
      case MONTHLY -> first.withDayOfMonth(1).plusMonths(step);
      case YEARLY -> first.withDayOfYear(1).plusYears(step);
    };
  }

  /** The period's days the rule allows, in order. */
  private static TreeSet<LocalDate> candidates(Recurrence2Rule rule, LocalDate period, LocalDate first) {
    TreeSet<LocalDate> days = new TreeSet<>();
    switch (rule.freq()) {
      case DAILY -> {
        if (weekdayAllowed(rule, period)) {
          days.add(period);
        }
      }
      case WEEKLY -> {
        List<DayOfWeek> weekdays = rule.byDay().isEmpty() ? List.of(first.getDayOfWeek())
            : rule.byDay().stream().map(Recurrence2Rule.WeekdayNum::day).toList();
        for (DayOfWeek d : weekdays) {
          days.add(period.with(TemporalAdjusters.nextOrSame(d)));
        }
      }
      case MONTHLY -> days.addAll(inMonth(rule, YearMonth.from(period), first));
      case YEARLY -> {
        List<Integer> months = rule.byMonth().isEmpty() ? List.of(first.getMonthValue()) : rule.byMonth();
        for (int m : months) {
          days.addAll(inMonth(rule, YearMonth.of(period.getYear(), m), first));
        }
      }
    }
    days.removeIf(d -> !rule.byMonth().isEmpty() && !rule.byMonth().contains(d.getMonthValue()));
    return days;
  }

  private static boolean weekdayAllowed(Recurrence2Rule rule, LocalDate day) {
    return rule.byDay().isEmpty() || rule.byDay().stream().anyMatch(w -> w.day() == day.getDayOfWeek());
  }

  /** A month's days for a monthly rule, or for one month of a yearly rule. */
  private static List<LocalDate> inMonth(Recurrence2Rule rule, YearMonth month, LocalDate first) {
    List<LocalDate> days = new ArrayList<>();
    if (!rule.byMonthDay().isEmpty()) {
      for (int n : rule.byMonthDay()) {
        int day = n > 0 ? n : month.lengthOfMonth() + n + 1;
        if (day >= 1 && day <= month.lengthOfMonth()) {
          days.add(month.atDay(day));
        }
      }
      days.removeIf(d -> !weekdayAllowed(rule, d));
      return days;
    }
    if (!rule.byDay().isEmpty()) {
      for (Recurrence2Rule.WeekdayNum w : rule.byDay()) {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate d = month.atDay(1).with(TemporalAdjusters.nextOrSame(w.day())); !d.isAfter(month.atEndOfMonth());
            d = d.plusWeeks(1)) {
          all.add(d);
        }
        int i = w.ordinal() > 0 ? w.ordinal() - 1 : all.size() + w.ordinal();
        if (w.ordinal() == 0) {
          days.addAll(all);
        } else if (i >= 0 && i < all.size()) {
          days.add(all.get(i));
        }
      }
      return days;
    }
    if (first.getDayOfMonth() <= month.lengthOfMonth()) {
      days.add(month.atDay(first.getDayOfMonth()));
    }
    return days;
  }

  /** {@code BYSETPOS}: the period's n-th days (negative: from the end); all of them without it. */
  private static List<LocalDate> pick(Recurrence2Rule rule, TreeSet<LocalDate> candidates) {
    List<LocalDate> all = new ArrayList<>(candidates);
    if (rule.bySetPos().isEmpty()) {
      return all;
    }
    TreeSet<LocalDate> picked = new TreeSet<>();
    for (int pos : rule.bySetPos()) {
      int i = pos > 0 ? pos - 1 : all.size() + pos;
      if (i >= 0 && i < all.size()) {
        picked.add(all.get(i));
      }
    }
    return new ArrayList<>(picked);
  }
}
