package com.exchangesync.testbed.exchange;

import java.time.LocalDate;

/**
 * When a series starts and stops: {@code NoEndRecurrence}, {@code EndDateRecurrence}
 * (the end date is the last day an occurrence may fall on) or
 * {@code NumberedRecurrence}. Dates are in the series' own time zone.
 */
public record RecurrenceRange(Kind kind, LocalDate startDate, LocalDate endDate, int count) {

  /** The three ranges, by their EWS element names. */
  public enum Kind {
    NO_END("NoEndRecurrence"), END_DATE("EndDateRecurrence"), NUMBERED("NumberedRecurrence");

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

  /** Exchange refuses recurrences that end after 31 August 4500 ({@code ErrorRecurrenceEndDateTooBig}). */
  public static final LocalDate LAST_DAY = LocalDate.of(4500, 8, 31);

  /** The same range from another start date. */
  public RecurrenceRange from(LocalDate start) {
    return new RecurrenceRange(kind, start, endDate, count);
  }

  public void validate() {
    if (kind == Kind.NUMBERED && (count < 1 || count > RecurrencePattern.MAX_INTERVAL)) {
      throw new ResponseMessageError("ErrorCalendarOutOfRange", "The value " + count + " of NumberOfOccurrences is out of range.");
    }
    if (kind == Kind.END_DATE && endDate.isAfter(LAST_DAY)) {
      throw new ResponseMessageError("ErrorRecurrenceEndDateTooBig", "Recurrence end date can not exceed Sep 1, 4500 00:00:00.");
    }
  }
}
