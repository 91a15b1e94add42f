package com.exchangesync.testbed.exchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The days a recurrence falls on, in order, lazily (a series without end is
 * endless): the pattern's candidate days from the range's start date on, cut
 * by the range's end date or count. Days, not times: a series keeps its local
 * time of day on every one of them, in its own time zone.
 */
final class RecurrenceDates implements Iterator<LocalDate> {

  private final RecurrencePattern pattern;
  private final RecurrenceRange range;
  /** Candidates of the current block (a day, a week, a month or a year), in order. */
  private final List<LocalDate> block = new ArrayList<>();
  private int blockIndex;
  private int positionInBlock;
  private int emitted;
  private LocalDate next;

  RecurrenceDates(Recurrence recurrence) {
    this.pattern = recurrence.pattern();
    this.range = recurrence.range();
    advance();
  }

  /** The first {@code n} days, or fewer if the series ends first. */
  static List<LocalDate> first(Recurrence recurrence, int n) {
    List<LocalDate> out = new ArrayList<>();
    for (RecurrenceDates it = new RecurrenceDates(recurrence); it.hasNext() && out.size() < n; ) {
      out.add(it.next());
    }
    return out;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public LocalDate next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    LocalDate d = next;
    emitted++;
    advance();
    return d;
  }

  private void advance() {
    next = null;
    if (range.kind() == RecurrenceRange.Kind.NUMBERED && emitted >= range.count()) {
      return;
    }
    while (true) {
      while (positionInBlock >= block.size()) {
        LocalDate blockStart = blockStart(blockIndex++);
        if (blockStart.isAfter(RecurrenceRange.LAST_DAY)) {
          return;
        }
        block.clear();
        block.addAll(candidates(blockStart));
        positionInBlock = 0;
      }
      LocalDate d = block.get(positionInBlock++);
      if (d.isBefore(range.startDate())) {
        continue;
      }
      LocalDate last = range.kind() == RecurrenceRange.Kind.END_DATE ? range.endDate() : RecurrenceRange.LAST_DAY;
      if (d.isAfter(last)) {
        return;
      }
      next = d;
      return;
    }
  }

  /** The first day of block {@code i}: blocks are the pattern's unit times its interval, from the range start. */
  private LocalDate blockStart(int i) {
    LocalDate start = range.startDate();
    long step = (long) i * pattern.interval();
    return switch (pattern.kind()) {
      case DAILY -> start.plusDays(step);
      case WEEKLY -> start.with(TemporalAdjusters.previousOrSame(pattern.firstDayOfWeek())).plusWeeks(step);
      case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> start.withDayOfMonth(1).plusMonths(step);
      case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> start.withDayOfYear(1).plusYears(i);
    };
  }

  private List<LocalDate> candidates(LocalDate blockStart) {
    return switch (pattern.kind()) {
      case DAILY -> List.of(blockStart);
      case WEEKLY -> {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
          LocalDate day = blockStart.plusDays(d);
          if (pattern.daysOfWeek().contains(day.getDayOfWeek())) {
            days.add(day);
          }
        }
        yield days;
      }
      case ABSOLUTE_MONTHLY -> List.of(dayOf(YearMonth.from(blockStart), pattern.dayOfMonth()));
      case RELATIVE_MONTHLY -> List.of(relative(YearMonth.from(blockStart), pattern.relativeDay(), pattern.weekIndex()));
      case ABSOLUTE_YEARLY -> List.of(dayOf(YearMonth.of(blockStart.getYear(), pattern.month()), pattern.dayOfMonth()));
      case RELATIVE_YEARLY -> List.of(relative(YearMonth.of(blockStart.getYear(), pattern.month()), pattern.relativeDay(),
          pattern.weekIndex()));
    };
  }

  /** Day {@code day} of the month, or its last day when the month is shorter (as Outlook schedules "the 31st"). */
  private static LocalDate dayOf(YearMonth month, int day) {
    return month.atDay(Math.min(day, month.lengthOfMonth()));
  }

  /** E.g. the second Tuesday, the last weekday, the first weekend day of {@code month}. */
  static LocalDate relative(YearMonth month, String relativeDay, String weekIndex) {
    List<LocalDate> matching = new ArrayList<>();
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      LocalDate day = month.atDay(d);
      if (matches(day.getDayOfWeek(), relativeDay)) {
        matching.add(day);
      }
    }
    int index = RecurrencePattern.WEEK_INDEXES.indexOf(weekIndex);
    return index == 4 ? matching.get(matching.size() - 1) : matching.get(index);
  }

  private static boolean matches(DayOfWeek day, String relativeDay) {
    boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    return switch (relativeDay) {
      case "Day" -> true;
      case "Weekday" -> !weekend;
      case "WeekendDay" -> weekend;
      default -> day.name().equalsIgnoreCase(relativeDay);
    };
  }
}
