package com.exchangesync.testbed.exchange;

import java.time.Instant;

/**
 * One occurrence of a series as the calendar shows it: its 1-based index in
 * the series (what {@code OccurrenceItemId InstanceIndex} counts, deleted
 * occurrences included), its original start, where it is now, and its
 * exception, if it has been changed.
 */
public record Occurrence(Item master, int index, Instant originalStart, Instant start, Instant end, ModifiedOccurrence exception) {

  public String id() {
    return OccurrenceIds.of(master.id, originalStart);
  }

  /** {@code Occurrence} or {@code Exception}, as EWS's {@code CalendarItemType}. */
  public String type() {
    return exception == null ? "Occurrence" : "Exception";
  }
}
