package com.exchangesync.testbed.salesforce;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Salesforce time zones: a user's {@code TimeZoneSidKey} (and an event
 * series' {@code Recurrence2PatternTimeZone}) is a tz database name such as
 * {@code America/Los_Angeles}, or {@code GMT}. Dates that depend on a time
 * zone (an event's {@code ActivityDate}, a series' days) are taken in the zone
 * of the user who saves.
 */
final class TimeZones {

  /** The org's default time zone, which users get unless {@code /sim/org} gives them another. */
  static final String ORG_DEFAULT = "GMT";

  private TimeZones() {}

  /** The zone a time-zone SID key names, or null if it names none. */
  static ZoneId zone(String sidKey) {
    if (sidKey == null) {
      return null;
    }
    if (sidKey.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    if (!sidKey.contains("/")) {
      return null; // offsets and abbreviations (EST, +01:00) are not SID keys
    }
    try {
      return ZoneId.of(sidKey);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The {@code TimeZoneSidKey} of the user {@code userId} (the org default if the user has none). */
  static String sidKey(RecordStore store, String userId) {
    Row user = userId == null ? null : store.row(userId);
    Object key = user == null ? null : user.get("TimeZoneSidKey");
    return key == null || zone(key.toString()) == null ? ORG_DEFAULT : key.toString();
  }

  /** The zone of the user {@code userId}. */
  static ZoneId ofUser(RecordStore store, String userId) {
    return zone(sidKey(store, userId));
  }
}
