package com.exchangesync.worker.exchange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * When an event is, as Exchange keeps it: two instants and the item's time zone,
 * and whether it is all-day (then the instants are local midnights in the zone).
 * Built from the field values the engine gives ({@code START}/{@code END} as UTC
 * instants, or as dates for an all-day event, the end exclusive), and turned back
 * into them, so an all-day event keeps its dates in every zone.
 *
 * @param windowsZone the Windows id Exchange knows the zone by
 */
public record EventTimes(ZoneId zone, String windowsZone, boolean allDay, Instant start, Instant end) {

  /**
   * The times {@code values} state ({@code START}, {@code END}, {@code IS_ALL_DAY},
   * {@code START_TIME_ZONE}; a missing zone is UTC).
   *
   * @throws IllegalArgumentException saying which value is wrong and what is expected
   */
  public static EventTimes of(Map<ExchangeField, String> values) {
    String start = values.get(ExchangeField.START);
    String end = values.get(ExchangeField.END);
    if (start == null || start.isBlank() || end == null || end.isBlank()) {
      throw new IllegalArgumentException("start and end are required on a calendar item");
    }
    String zoneText = values.get(ExchangeField.START_TIME_ZONE);
    ZoneId zone = zoneText == null || zoneText.isBlank() ? WindowsTimeZones.UTC : WindowsTimeZones.parseIana(zoneText);
    String windows = WindowsTimeZones.cldr().windowsFor(zone).orElseThrow(() -> new IllegalArgumentException(
        "startTimeZone " + zone.getId() + " has no Windows time zone Exchange knows (CLDR windowsZones)"));
    boolean allDay = flag(values.get(ExchangeField.IS_ALL_DAY));
    if (allDay) {
      LocalDate first = date(start, "start");
      LocalDate after = date(end, "end");
      if (!after.isAfter(first)) {
        throw new IllegalArgumentException("an all-day event ends (exclusive) on a later day than it starts: " + start + " to " + end);
      }
      return new EventTimes(zone, windows, true, first.atStartOfDay(zone).toInstant(), after.atStartOfDay(zone).toInstant());
    }
    Instant s = instant(start, "start");
    Instant e = instant(end, "end");
    if (e.isBefore(s)) {
      throw new IllegalArgumentException("the end (" + end + ") is before the start (" + start + ")");
    }
    return new EventTimes(zone, windows, false, s, e);
  }

  /** The first day, in the item's zone (a series' range starts on it). */
  public LocalDate firstDay() {
    return start.atZone(zone).toLocalDate();
  }

  /** {@code START} as the engine reads it. */
  public String startValue() {
    return value(start, allDay, zone);
  }

  /** {@code END} as the engine reads it. */
  public String endValue() {
    return value(end, allDay, zone);
  }

  /** A time as {@code START}/{@code END}/{@code ORIGINAL_START} give it: a UTC instant to the second, or the date in {@code zone}. */
  public static String value(Instant instant, boolean allDay, ZoneId zone) {
    return allDay ? instant.atZone(zone).toLocalDate().toString() : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static boolean flag(String v) {
    if (v == null || v.isBlank() || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException("isAllDay must be true or false, not '" + v + "'");
  }

  private static LocalDate date(String v, String name) {
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(name + " of an all-day event must be a date such as 2026-12-01, not '" + v + "'");
    }
  }

  private static Instant instant(String v, String name) {
    try {
      return Instant.parse(v.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-12-01T09:30:00Z, not '" + v + "'");
    }
  }
}
