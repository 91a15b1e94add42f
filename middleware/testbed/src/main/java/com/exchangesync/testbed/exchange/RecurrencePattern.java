package com.exchangesync.testbed.exchange;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;

/**
 * How a series repeats, as EWS states it: one of the six calendar patterns of
 * {@code t:RecurrenceType}. Unused fields are zero or null.
 *
 * @param kind which pattern
 * @param interval every n days, weeks or months (yearly patterns have none: 1)
 * @param daysOfWeek the days of a weekly pattern, in the order given
 * @param firstDayOfWeek where a week starts for a weekly pattern with an interval over 1 (Exchange's default: Sunday)
 * @param dayOfMonth the day of an absolute monthly or yearly pattern (1–31; a shorter month uses its last day)
 * @param relativeDay a relative pattern's day: {@code Sunday}…{@code Saturday}, {@code Day}, {@code Weekday} or {@code WeekendDay}
 * @param weekIndex a relative pattern's {@code First}, {@code Second}, {@code Third}, {@code Fourth} or {@code Last}
 * @param month the month of a yearly pattern
 */
public record RecurrencePattern(Kind kind, int interval, List<DayOfWeek> daysOfWeek, DayOfWeek firstDayOfWeek, int dayOfMonth,
                         String relativeDay, String weekIndex, Month month) {

  /** The six patterns, by their EWS element names. */
  public enum Kind {
    DAILY("DailyRecurrence"), WEEKLY("WeeklyRecurrence"), ABSOLUTE_MONTHLY("AbsoluteMonthlyRecurrence"),
    RELATIVE_MONTHLY("RelativeMonthlyRecurrence"), ABSOLUTE_YEARLY("AbsoluteYearlyRecurrence"),
    RELATIVE_YEARLY("RelativeYearlyRecurrence");

    final String element;

    Kind(String element) {
      this.element = element;
    }

    static Kind ofElement(String element) {
      for (Kind k : values()) {
        if (k.element.equals(element)) {
          return k;
        }
      }
      return null;
    }
  }

  public static final List<String> RELATIVE_DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Day", "Weekday", "WeekendDay");
  public static final List<String> WEEK_INDEXES = List.of("First", "Second", "Third", "Fourth", "Last");

  /** Exchange's largest interval and the largest count of a numbered range. */
  public static final int MAX_INTERVAL = 999;

  public RecurrencePattern {
    daysOfWeek = daysOfWeek == null ? List.of() : List.copyOf(daysOfWeek);
    firstDayOfWeek = firstDayOfWeek == null ? DayOfWeek.SUNDAY : firstDayOfWeek;
  }

  /**
   * Refuses what Exchange refuses.
   *
   * @throws ResponseMessageError {@code ErrorCalendarOutOfRange} for a value out of its range,
   *     {@code ErrorCalendarInvalidDayForWeeklyRecurrence} for a weekly pattern without days
   */
  public void validate() {
    if (interval < 1 || interval > MAX_INTERVAL) {
      throw outOfRange("Interval", interval);
    }
    switch (kind) {
      case WEEKLY -> {
        if (daysOfWeek.isEmpty()) {
          throw new ResponseMessageError("ErrorCalendarInvalidDayForWeeklyRecurrence",
              "A weekly recurrence needs at least one day of the week.");
        }
      }
      case ABSOLUTE_MONTHLY, ABSOLUTE_YEARLY -> {
        if (dayOfMonth < 1 || dayOfMonth > 31) {
          throw outOfRange("DayOfMonth", dayOfMonth);
        }
      }
      default -> { }
    }
    if ((kind == Kind.ABSOLUTE_YEARLY || kind == Kind.RELATIVE_YEARLY) && month == null) {
      throw new ResponseMessageError("ErrorCalendarInvalidRecurrence", "A yearly recurrence needs a month.");
    }
    if ((kind == Kind.RELATIVE_MONTHLY || kind == Kind.RELATIVE_YEARLY)
        && (!RELATIVE_DAYS.contains(relativeDay) || !WEEK_INDEXES.contains(weekIndex))) {
      throw new ResponseMessageError("ErrorCalendarInvalidRecurrence", "A relative recurrence needs a day and a week index.");
    }
  }

  private static ResponseMessageError outOfRange(String what, int value) {
    return new ResponseMessageError("ErrorCalendarOutOfRange", "The value " + value + " of " + what + " is out of range.");
  }
}
