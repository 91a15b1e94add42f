package com.exchangesync.worker.exchange.graph;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The span of the calendar the events' delta watches. Graph's
 * {@code calendarView/delta} is bound to the window of its first request, so the
 * window moves only by starting a new round; it is anchored on the first of the
 * month, from seven months back to fourteen ahead, so it moves once a month and
 * always covers what the sync looks at (from at most 180 days back, or the start
 * of last month, to a year and a day ahead, in any time zone).
 *
 * @param from the window's start (inclusive)
 * @param to its end (exclusive)
 */
record DeltaWindow(Instant from, Instant to) {

  static final int MONTHS_BACK = 7;
  static final int MONTHS_AHEAD = 14;

  /** The window for the month {@code clock} is in (UTC). */
  static DeltaWindow current(Clock clock) {
    YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    return new DeltaWindow(month.minusMonths(MONTHS_BACK).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        month.plusMonths(MONTHS_AHEAD).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
