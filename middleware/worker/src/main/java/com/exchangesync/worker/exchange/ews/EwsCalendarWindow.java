package com.exchangesync.worker.exchange.ews;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A time window of one {@code CalendarView} call. Exchange refuses a view over
 * two years ({@code ErrorCalendarViewRangeTooBig}) and returns at most 1,000
 * entries (more is {@code ErrorExceededFindCountLimit}; fewer asked for leaves
 * {@code IncludesLastItemInRange="false"}), and a calendar view has no paging: a
 * longer window is cut into {@link #chunks}, and one that holds too much is cut
 * in {@link #halves} until each holds what one call can return.
 */
record EwsCalendarWindow(Instant from, Instant to) {

  /** At most two years whatever the start: 730 days never span more than two calendar years. */
  static final Duration LONGEST = Duration.ofDays(730);

  /** The shortest window worth halving: entries that all start within it cannot be told apart by time. */
  static final Duration SHORTEST = Duration.ofSeconds(2);

  EwsCalendarWindow {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a calendar window ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** [{@code from}, {@code to}) as consecutive windows of at most {@link #LONGEST}. */
  static List<EwsCalendarWindow> chunks(Instant from, Instant to) {
    List<EwsCalendarWindow> out = new ArrayList<>();
    Instant start = from;
    do {
      Instant end = start.plus(LONGEST).isBefore(to) ? start.plus(LONGEST) : to;
      out.add(new EwsCalendarWindow(start, end));
      start = end;
    } while (start.isBefore(to));
    return out;
  }

  /** The two halves of this window, or empty when it is too short to halve. */
  Optional<List<EwsCalendarWindow>> halves() {
    Duration length = Duration.between(from, to);
    if (length.compareTo(SHORTEST) < 0) {
      return Optional.empty();
    }
    Instant middle = from.plus(length.dividedBy(2));
    return Optional.of(List.of(new EwsCalendarWindow(from, middle), new EwsCalendarWindow(middle, to)));
  }
}
