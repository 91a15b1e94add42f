package com.exchangesync.testbed.exchange;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What Exchange does to a calendar item once a create's or an update's
 * properties are all applied: it takes the request's {@code TimeZoneContext}
 * (else UTC) as the zone of an item that names none, makes an all-day event a
 * whole number of days from local midnight in that zone (each end moved back
 * to its day's midnight, at least one day), moves a recurring
 * master onto its first occurrence, gives a new item an iCalendar UID, and
 * refuses an end before the start or a recurrence without occurrences.
 */
public final class CalendarRules {

  private CalendarRules() {}

  public static void settle(Item item, CalendarZone context) {
    CalendarState cal = item.calendar;
    if (cal.zone == null && item.occurrence == null) {
      cal.zone = context != null ? context : CalendarZone.UTC;
    }
    CalendarZone zone = cal.zone();
    String start = item.fields.get("calendar:Start");
    String end = item.fields.get("calendar:End");
    if (start != null && end != null && Instant.parse(end).isBefore(Instant.parse(start))) {
      throw new ResponseMessageError("ErrorCalendarEndDateIsEarlierThanStartDate", "The end date occurs before the start date.");
    }
    if (start != null && end != null && "true".equals(item.fields.get("calendar:IsAllDayEvent"))) {
      LocalDate first = zone.toLocal(Instant.parse(start)).toLocalDate();
      // Both ends fall back to their local midnight; an event of less than a day becomes one day.
      LocalDate after = zone.toLocal(Instant.parse(end)).toLocalDate();
      if (!after.isAfter(first)) {
        after = first.plusDays(1);
      }
      item.fields.put("calendar:Start", zone.toInstant(first.atStartOfDay()).toString());
      item.fields.put("calendar:End", zone.toInstant(after.atStartOfDay()).toString());
    }
    if (cal.recurrence != null && item.occurrence == null) {
      moveOntoFirstOccurrence(item, zone);
    }
    if (cal.uid == null && item.occurrence == null) {
      cal.uid = newUid(item.created);
    }
  }

  /** A master's Start and End are those of its first occurrence (the range's first day at the master's local time). */
  private static void moveOntoFirstOccurrence(Item item, CalendarZone zone) {
    CalendarState cal = item.calendar;
    LocalDate firstDay = RecurrenceDates.first(cal.recurrence, 1).stream().findFirst().orElseThrow(
        () -> new ResponseMessageError("ErrorRecurrenceHasNoOccurrence", "Recurrence has no occurrences in the specified range."));
    String start = item.fields.get("calendar:Start");
    String end = item.fields.get("calendar:End");
    Instant s = start == null ? zone.toInstant(firstDay.atTime(9, 0)) : Instant.parse(start);
    Instant e = end == null ? s.plus(Duration.ofMinutes(30)) : Instant.parse(end);
    LocalDateTime localStart = zone.toLocal(s);
    Instant newStart;
    Instant newEnd;
    if ("true".equals(item.fields.get("calendar:IsAllDayEvent"))) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(localStart.toLocalDate(), zone.toLocal(e).toLocalDate());
      newStart = zone.toInstant(firstDay.atStartOfDay());
      newEnd = zone.toInstant(firstDay.plusDays(days).atStartOfDay());
    } else {
      newStart = zone.toInstant(firstDay.atTime(localStart.toLocalTime()));
      newEnd = newStart.plus(Duration.between(s, e));
    }
    item.fields.put("calendar:Start", newStart.toString());
    item.fields.put("calendar:End", newEnd.toString());
  }

  /**
   * After an update of a master: a change of its recurrence, its times or its
   * time zone drops its exceptions and deleted occurrences, as Exchange (and
   * Outlook's "any exceptions will be lost") does.
   */
  public static void dropExceptionsIfSeriesChanged(Item master, CalendarState before, Map<String, String> fieldsBefore) {
    CalendarState cal = master.calendar;
    boolean changed = !Objects.equals(cal.recurrence, before.recurrence) || !Objects.equals(cal.zone, before.zone)
        || !Objects.equals(master.fields.get("calendar:Start"), fieldsBefore.get("calendar:Start"))
        || !Objects.equals(master.fields.get("calendar:End"), fieldsBefore.get("calendar:End"))
        || !Objects.equals(master.fields.get("calendar:IsAllDayEvent"), fieldsBefore.get("calendar:IsAllDayEvent"));
    if (changed) {
      cal.exceptions.clear();
      cal.deleted.clear();
    }
  }

  /** An iCalendar UID in Exchange's form: a Global Object Id (Outlook's class id, creation time, a GUID) in hex. */
  public static String newUid(Instant created) {
    long fileTime = (created.getEpochSecond() + 11_644_473_600L) * 10_000_000L;
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(56);
    b.put(HexFormat.of().parseHex("040000008200E00074C5B7101A82E008")).putInt(0)
        .putLong(Long.reverseBytes(fileTime)).putLong(0).putInt(Integer.reverseBytes(16))
        .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return HexFormat.of().withUpperCase().formatHex(b.array());
  }
}
