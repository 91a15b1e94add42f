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
final class Item {

  /** What kind of item this is. */
  enum Kind { CONTACT, CALENDAR }

  final String id;
  final Kind kind;
  final Instant created;
  String folderId;
  String changeKey;
  Instant modified;
  final Map<String, String> fields = new TreeMap<>();
  final Map<ExtendedKey, String> extended = new LinkedHashMap<>();
  String bodyType = "Text";

  Item(String id, Kind kind, String folderId, Instant created) {
    this.id = id;
    this.kind = kind;
    this.folderId = folderId;
    this.created = created;
    this.modified = created;
  }

  String itemClass() {
    return kind == Kind.CONTACT ? "IPM.Contact" : "IPM.Appointment";
  }

  /** The calendar item type: recurring masters are made through the admin API's {@code isRecurring}. */
  String calendarItemType() {
    return "true".equals(fields.get("calendar:IsRecurring")) ? "RecurringMaster" : "Single";
  }
}
