package com.exchangesync.worker.exchange.ews;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the calendar views of one mailbox open listed (ids and UIDs of occurrences and exceptions, by window), kept
 * until the worker changes the calendar. A pass reads the occurrences of each series it pairs, often twice for one
 * series (before and after making its Salesforce twin), and each read asks a view over the whole sync window: the
 * second and later reads take the listing from here and read only the occurrences themselves again. The worker's
 * own creates, deletes and content updates of events forget it ({@link #forget}); marking items with their
 * Salesforce ids does not, since it moves no occurrence. An occurrence someone adds while the pass runs is found
 * by the next pass, whose feed reports its master changed.
 */
final class CalendarViews {

  /** One occurrence or exception a view listed. */
  record Entry(String id, String uid) {}

  private final Map<EwsCalendarWindow, List<Entry>> listed = new HashMap<>();

  Optional<List<Entry>> listed(EwsCalendarWindow window) {
    return Optional.ofNullable(listed.get(window));
  }

  void remember(EwsCalendarWindow window, List<Entry> entries) {
    listed.put(window, List.copyOf(entries));
  }

  void forget() {
    listed.clear();
  }
}
