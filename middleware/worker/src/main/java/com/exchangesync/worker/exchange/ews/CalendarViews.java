package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the calendar views of one mailbox open listed (ids and UIDs of occurrences and exceptions, by window), kept
 * until the worker changes the calendar. A pass reads the occurrences of each series it pairs, often twice for one
 * series (before and after making its Salesforce twin), and each read asks a view over the whole sync window: the
 * second and later reads take the listing from here and read only the occurrences themselves again. The worker's
 * own creates of series, deletes and content updates of events forget it ({@link #forget}); marking items with
 * their Salesforce ids does not, since it moves no occurrence, nor does creating single events, which are no
 * series' occurrences (a pass makes a rep's new Salesforce events in Outlook between reading a new series'
 * occurrences and reading them again once its Salesforce twin is made). An occurrence someone adds while the pass runs is found
 * by the next pass, whose feed reports its master changed. The UIDs of the series
 * masters read in the open are kept too ({@link #learn}): the occurrences of a
 * master whose UID is known are found without reading the master again.
 */
final class CalendarViews {

  /** One occurrence or exception a view listed. */
  record Entry(String id, String uid) {}

  private final Map<EwsCalendarWindow, List<Entry>> listed = new HashMap<>();
  /** The iCalendar UIDs of the series masters read in this open, by master id (a UID never changes). */
  private final Map<String, String> masterUids = new HashMap<>();

  /** Notes the UID of a series master read in full, so finding its occurrences need not read it again. */
  void learn(ExchangeItem item) {
    if (item.value(ExchangeField.CALENDAR_ITEM_TYPE).filter("RecurringMaster"::equals).isPresent()) {
      item.value(ExchangeField.ICAL_UID).ifPresent(uid -> masterUids.put(item.id(), uid));
    }
  }

  /** The UID of a master read in this open, if it was. */
  Optional<String> masterUid(String masterId) {
    return Optional.ofNullable(masterUids.get(masterId));
  }

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
