package com.exchangesync.testbed.exchange;

/** A series' recurrence: its pattern and its range. */
public record Recurrence(RecurrencePattern pattern, RecurrenceRange range) {

  public void validate() {
    pattern.validate();
    range.validate();
  }

  /** The same recurrence starting on another date (Exchange moves the range's start with the series). */
  public Recurrence startingOn(java.time.LocalDate date) {
    return new Recurrence(pattern, range.from(date));
  }
}
