package com.exchangesync.worker.exchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The days a series falls on, in order and lazily (a series without end is
 * endless), as Exchange places them: the pattern's candidate days from the range's
 * first day on, cut by its end date or count; a day of the month past the month's
 * end falls on its last day; weeks start on {@link ExchangeRecurrence#WEEK_START}.
 * Days, not times: the in-memory calendar puts each at the series' local time of
 * day in its own zone, so a 09:00 Berlin meeting stays at 09:00 across the change
 * to summer time. For the in-memory mailbox twin.
 */
final class RecurrenceExpander implements Iterator<LocalDate> {

  /** Exchange's last day a series may reach (ErrorRecurrenceEndDateTooBig after it). */
  static final LocalDate LAST_DAY = LocalDate.of(4500, 8, 31);

  private final ExchangeRecurrence r;
  private final List<LocalDate> block = new ArrayList<>();
  private int blockIndex;
  private int position;
  private int emitted;
  private LocalDate next;

  RecurrenceExpander(ExchangeRecurrence r) {
    this.r = r;
    advance();
  }

  /** The first {@code n} days (fewer when the series ends first). */
  static List<LocalDate> first(ExchangeRecurrence r, int n) {
    List<LocalDate> out = new ArrayList<>();
    for (RecurrenceExpander it = new RecurrenceExpander(r); it.hasNext() && out.size() < n; ) {
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
    if (r.count() > 0 && emitted >= r.count()) {
      return;
    }
    LocalDate last = r.endDate().orElse(LAST_DAY);
    while (true) {
      while (position >= block.size()) {
        LocalDate blockStart = blockStart(blockIndex++);
        if (blockStart.isAfter(last)) {
          return;
        }
        block.clear();
        block.addAll(candidates(blockStart));
        position = 0;
      }
      LocalDate d = block.get(position++);
      if (d.isBefore(r.startDate())) {
        continue;
      }
      if (d.isAfter(last)) {
        return;
      }
      next = d;
      return;
    }
  }

  /** Block {@code i}: a day, week, month or year times the interval, from the range's first day. */
  private LocalDate blockStart(int i) {
    LocalDate start = r.startDate();
    long step = (long) i * r.interval();
    return switch (r.kind()) {
      case DAILY -> start.plusDays(step);
      case WEEKLY -> start.with(TemporalAdjusters.previousOrSame(ExchangeRecurrence.WEEK_START)).plusWeeks(step);
      case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> start.withDayOfMonth(1).plusMonths(step);
      case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> start.withDayOfYear(1).plusYears(i);
    };
  }

  private List<LocalDate> candidates(LocalDate blockStart) {
    return switch (r.kind()) {
      case DAILY -> List.of(blockStart);
      case WEEKLY -> {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
          if (r.days().contains(blockStart.plusDays(d).getDayOfWeek())) {
            days.add(blockStart.plusDays(d));
          }
        }
        yield days;
      }
      case ABSOLUTE_MONTHLY -> List.of(dayOf(YearMonth.from(blockStart), r.dayOfMonth()));
      case RELATIVE_MONTHLY -> List.of(relative(YearMonth.from(blockStart)));
      case ABSOLUTE_YEARLY -> List.of(dayOf(YearMonth.of(blockStart.getYear(), r.month()), r.dayOfMonth()));
      case RELATIVE_YEARLY -> List.of(relative(YearMonth.of(blockStart.getYear(), r.month())));
    };
  }

  private static LocalDate dayOf(YearMonth month, int day) {
    return month.atDay(Math.min(day, month.lengthOfMonth()));
  }

  /** The 1st to 4th or last day of the month of the pattern's kind (a day, a weekday, a weekend day, a Tuesday). */
  private LocalDate relative(YearMonth month) {
    List<LocalDate> matching = new ArrayList<>();
    for (int d = 1; d <= month.lengthOfMonth(); d++) {
      DayOfWeek dow = month.atDay(d).getDayOfWeek();
      if (r.days().contains(dow)) {
        matching.add(month.atDay(d));
      }
    }
    return r.weekIndex() == -1 ? matching.get(matching.size() - 1) : matching.get(r.weekIndex() - 1);
  }
}
