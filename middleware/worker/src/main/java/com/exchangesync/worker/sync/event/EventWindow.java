package com.exchangesync.worker.sync.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The span of the calendar a configuration syncs: from the start its event filter
 * names (the guide's "Greater or equal to": events that end on or after it) to a
 * year ahead, the reach of a series' occurrences. Days begin at midnight in the
 * rep's time zone.
 *
 * @param firstDay the first day whose events sync (an event must end on it or later)
 * @param start that day's midnight in the rep's time zone: the earliest end a timed event may have
 * @param end how far ahead a series' occurrences are taken
 */
record EventWindow(LocalDate firstDay, Instant start, Instant end) {

  /** The longest "LAST N DAYS" the guide allows. */
  static final int MAX_DAYS = 180;

  EventWindow {
    Objects.requireNonNull(firstDay);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
  }

  /**
   * The window of a configuration's filter, or the reason it cannot be read.
   *
   * @param filter {@code TODAY}, {@code LAST MONTH} or {@code LAST N DAYS} (as the picklist stores it); blank is {@code TODAY}
   * @param days N of {@code LAST N DAYS}
   */
  static Result of(String filter, Integer days, ZoneId zone, Clock clock) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    String f = filter == null || filter.isBlank() ? "TODAY" : filter.trim().toUpperCase(Locale.ROOT);
    LocalDate first;
    if (f.equals("TODAY")) {
      first = today;
    } else if (f.equals("LAST MONTH")) {
      first = today.minusMonths(1).withDayOfMonth(1); // the first day of last month
    } else if (f.equals("LAST N DAYS") || f.matches("LAST \\d+ DAYS")) {
      Integer n = f.equals("LAST N DAYS") ? days : Integer.valueOf(f.replaceAll("\\D", ""));
      if (n == null || n < 1 || n > MAX_DAYS) {
        return new Result(Optional.empty(), "The event filter LAST N DAYS needs a number of days from 1 to " + MAX_DAYS
            + " (it is " + n + ").");
      }
      first = today.minusDays(n);
    } else {
      return new Result(Optional.empty(), "The event filter '" + filter + "' is not TODAY, LAST MONTH or LAST N DAYS.");
    }
    Instant start = first.atStartOfDay(zone).toInstant();
    Instant end = today.plusYears(1).plusDays(1).atStartOfDay(zone).toInstant();
    return new Result(Optional.of(new EventWindow(first, start, end)), "");
  }

  /** The window, or why there is none. */
  record Result(Optional<EventWindow> window, String problem) {}

  /** Whether an event with this canonical time ends on or after the window's start. */
  boolean endsInside(String interval) {
    String end = EventTime.end(interval);
    if (EventTime.isDate(end)) {
      // An all-day event's end is the day after its last: its last day is the first day or later.
      return LocalDate.parse(end).isAfter(firstDay);
    }
    return !Instant.parse(end).isBefore(start);
  }
}
