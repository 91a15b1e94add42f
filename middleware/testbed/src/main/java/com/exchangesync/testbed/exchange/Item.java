package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored item (a contact or a calendar item). Mutable, and only ever
 * touched while holding the {@link MailboxStore}'s lock.
 *
 * <p>Fields are keyed by their EWS path: {@code contacts:GivenName}, or for
 * indexed properties {@code contacts:EmailAddress/EmailAddress1} and
 * {@code contacts:PhysicalAddress:Street/Business}.
 */
public final class Item {

  /** What kind of item this is. */
  public enum Kind { CONTACT, CALENDAR }

  public final String id;
  public final Kind kind;
  public final Instant created;
  public String folderId;
  public String changeKey;
  public Instant modified;
  public final Map<String, String> fields = new TreeMap<>();
  public final Map<ExtendedKey, String> extended = new LinkedHashMap<>();
  public String bodyType = "Text";
  /** A calendar item's time zones, recurrence, attendees and exceptions; null for a contact. */
  public final CalendarState calendar;
  /** The folder this item was moved out of (for a restore from Deleted Items); null if never moved. */
  public String movedFrom;
  /** Set when this item is a view of one occurrence of {@link Occurrence#master()}, not a stored item. */
  public Occurrence occurrence;

  public Item(String id, Kind kind, String folderId, Instant created) {
    this.id = id;
    this.kind = kind;
    this.folderId = folderId;
    this.created = created;
    this.modified = created;
    this.calendar = kind == Kind.CALENDAR ? new CalendarState() : null;
  }

  public String itemClass() {
    return kind == Kind.CONTACT ? "IPM.Contact" : "IPM.Appointment";
  }

  /** The calendar item type: {@code Single}, {@code RecurringMaster}, or an occurrence's {@code Occurrence}/{@code Exception}. */
  public String calendarItemType() {
    if (occurrence != null) {
      return occurrence.type();
    }
    return calendar.recurrence != null ? "RecurringMaster" : "Single";
  }
}
