package com.exchangesync.worker.exchange;

/**
 * An RRULE (or a part of one) that Exchange's recurrence patterns cannot state:
 * the item that carries it fails on its own, with a message naming the part.
 */
public final class UnstatableRecurrenceException extends IllegalArgumentException {

  private final String part;

  public UnstatableRecurrenceException(String part, String why) {
    super("recurrence " + part + " cannot be stated in Exchange: " + why);
    this.part = part;
  }

  /** The rule part at fault, as written ({@code BYMONTHDAY=31}). */
  public String part() {
    return part;
  }
}
