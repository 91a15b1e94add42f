package com.exchangesync.worker.exchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A series' pattern and range as Exchange states them (EWS {@code Recurrence} and
 * Microsoft Graph's {@code patternedRecurrence} alike), free of any protocol type.
 * {@link RecurrenceRules} turns it into an RRULE and back.
 *
 * <p>Exchange's semantics, which its expansion follows: a weekly pattern's weeks
 * start on {@link #WEEK_START} (the default when none is sent, and the adapter
 * sends none); a day of the month past the month's end falls on its last day; a
 * relative day is the 1st to 4th or the last ({@code -1}) of its kind in the month.
 *
 * @param kind which of Exchange's six patterns
 * @param interval every how many days, weeks or months (1 for yearly patterns)
 * @param days a weekly pattern's days; a relative pattern's kind of day (one day,
 *     the five weekdays, the two weekend days, or all seven for "day")
 * @param dayOfMonth an absolute pattern's day, 1 to 31 (0 otherwise)
 * @param weekIndex a relative pattern's position, 1 to 4 or -1 for the last (0 otherwise)
 * @param month a yearly pattern's month (null otherwise)
 * @param startDate the range's first day, in the series' time zone
 * @param count how many occurrences (0: not a numbered range)
 * @param endDate the last day an occurrence may fall on (a range with an end date)
 */
public record ExchangeRecurrence(Kind kind, int interval, List<DayOfWeek> days, int dayOfMonth, int weekIndex, Month month,
                                 LocalDate startDate, int count, Optional<LocalDate> endDate) {

  /** Where the weeks of a weekly pattern start. */
  public static final DayOfWeek WEEK_START = DayOfWeek.SUNDAY;

  /** Exchange's patterns. */
  public enum Kind { DAILY, WEEKLY, ABSOLUTE_MONTHLY, RELATIVE_MONTHLY, ABSOLUTE_YEARLY, RELATIVE_YEARLY }

  public ExchangeRecurrence {
    Objects.requireNonNull(kind, "kind");
    days = List.copyOf(days);
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
    if (count > 0 && endDate.isPresent()) {
      throw new IllegalArgumentException("a range ends after a count or on a date, not both");
    }
  }

  /** Whether the series ends (after a count or on a day). */
  public boolean ends() {
    return count > 0 || endDate.isPresent();
  }

  /** The same pattern with its range starting on {@code day}. */
  public ExchangeRecurrence startingOn(LocalDate day) {
    return new ExchangeRecurrence(kind, interval, days, dayOfMonth, weekIndex, month, day, count, endDate);
  }
}
