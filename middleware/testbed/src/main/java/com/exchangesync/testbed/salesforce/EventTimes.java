package com.exchangesync.testbed.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * An event's times as the org keeps them, whichever of them a save writes:
 * <ul>
 *   <li>a timed event has {@code StartDateTime} (= {@code ActivityDateTime}), {@code EndDateTime} and
 *       {@code DurationInMinutes}, each following from the others (a save that moves only the start
 *       keeps the length); {@code ActivityDate} is the start's date in the time zone of the user who
 *       saves;</li>
 *   <li>an all-day event is a run of whole days: {@code ActivityDate} is the first, {@code StartDateTime}
 *       is its midnight GMT, {@code EndDateTime} the last day's midnight GMT, {@code DurationInMinutes}
 *       1440 per day, and {@code ActivityDateTime} is empty.</li>
 * </ul>
 * Refusals: an end before the start, a length over 14 days, no end for a timed event, and values
 * that contradict each other.
 */
final class EventTimes {

  /** The longest event: 14 days. */
  static final int MAX_MINUTES = 14 * 1440;

  private EventTimes() {}

  /** Completes the times of {@code row} after {@code change} ({@code before}: as stored, null on create); null or the refusal. */
  static SaveError derive(Row before, Row row, Change change, ZoneId userZone) {
    Instant start = (Instant) change.value("StartDateTime");
    Instant activity = (Instant) change.value("ActivityDateTime");
    if (start != null && activity != null && !start.equals(activity)) {
      return mismatch("ActivityDateTime", "StartDateTime");
    }
    start = start != null ? start : activity;
    Integer duration = (Integer) change.value("DurationInMinutes");
    if (duration != null && (duration < 0 || duration > MAX_MINUTES)) {
      return tooLong();
    }
    Instant end = (Instant) change.value("EndDateTime");
    return Boolean.TRUE.equals(row.get("IsAllDayEvent")) ? allDay(before, row, change, start, end, duration, userZone)
        : timed(before, row, start, end, duration, userZone);
  }

  private static SaveError allDay(Row before, Row row, Change change, Instant start, Instant end, Integer duration,
      ZoneId userZone) {
    LocalDate day = (LocalDate) change.value("ActivityDate");
    if (day != null && start != null && !day.equals(utcDate(start))) {
      return mismatch("ActivityDate", "StartDateTime");
    }
    if (day == null && start != null) {
      day = utcDate(start);
    }
    if (day == null && row.get("ActivityDate") instanceof LocalDate stored) {
      day = stored;
    }
    if (day == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [ActivityDate]", "ActivityDate");
    }
    long days;
    if (end != null) {
      LocalDate last = utcDate(end);
      if (last.isBefore(day)) {
        return endBeforeStart();
      }
      days = ChronoUnit.DAYS.between(day, last) + 1;
    } else if (duration != null) {
      days = Math.max(1, (duration + 1439) / 1440);
    } else if (before != null && before.get("StartDateTime") instanceof Instant s && before.get("EndDateTime") instanceof Instant e) {
      // the length it had: whole days already, or the calendar days a timed event touched
      days = Boolean.TRUE.equals(before.get("IsAllDayEvent")) ? ChronoUnit.DAYS.between(utcDate(s), utcDate(e)) + 1
          : ChronoUnit.DAYS.between(s.atZone(userZone).toLocalDate(), e.atZone(userZone).toLocalDate()) + 1;
    } else {
      days = 1;
    }
    if (days * 1440 > MAX_MINUTES) {
      return tooLong();
    }
    placeAllDay(row, day, (int) days);
    return null;
  }

  private static SaveError timed(Row before, Row row, Instant start, Instant end, Integer duration, ZoneId userZone) {
    Instant s = start != null ? start : (Instant) row.get("StartDateTime");
    if (s == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [StartDateTime]", "StartDateTime");
    }
    Instant e;
    if (end != null) {
      if (duration != null && !end.equals(s.plus(Duration.ofMinutes(duration)))) {
        return mismatch("DurationInMinutes", "EndDateTime");
      }
      e = end;
    } else if (duration != null) {
      e = s.plus(Duration.ofMinutes(duration));
    } else if (before != null && before.get("DurationInMinutes") instanceof Integer kept) {
      e = s.plus(Duration.ofMinutes(kept)); // only the start (or nothing) moved: the event keeps its length
    } else {
      e = null;
    }
    if (e == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [DurationInMinutes]", "DurationInMinutes");
    }
    if (e.isBefore(s)) {
      return endBeforeStart();
    }
    long minutes = Duration.between(s, e).toMinutes();
    if (minutes > MAX_MINUTES) {
      return tooLong();
    }
    placeTimed(row, s, (int) minutes, userZone);
    return null;
  }

  /** Moves {@code row} (times already derived) to {@code day}, at {@code time} in {@code zone} unless it is all-day. */
  static void moveTo(Row row, LocalDate day, LocalTime time, ZoneId zone, ZoneId userZone) {
    int minutes = (Integer) row.get("DurationInMinutes");
    if (Boolean.TRUE.equals(row.get("IsAllDayEvent"))) {
      placeAllDay(row, day, minutes / 1440);
    } else {
      placeTimed(row, day.atTime(time).atZone(zone).toInstant(), minutes, userZone);
    }
  }

  private static void placeAllDay(Row row, LocalDate day, int days) {
    row.values.put("ActivityDate", day);
    row.values.put("ActivityDateTime", null);
    row.values.put("StartDateTime", day.atStartOfDay(ZoneOffset.UTC).toInstant());
    row.values.put("EndDateTime", day.plusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant());
    row.values.put("DurationInMinutes", days * 1440);
  }

  private static void placeTimed(Row row, Instant start, int minutes, ZoneId userZone) {
    row.values.put("StartDateTime", start);
    row.values.put("ActivityDateTime", start);
    row.values.put("EndDateTime", start.plus(Duration.ofMinutes(minutes)));
    row.values.put("ActivityDate", start.atZone(userZone).toLocalDate());
    row.values.put("DurationInMinutes", minutes);
  }

  private static LocalDate utcDate(Instant i) {
    return i.atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static SaveError endBeforeStart() {
    return SaveError.of("FIELD_INTEGRITY_EXCEPTION", "End Date/Time: End Date/Time can't be before Start Date/Time", "EndDateTime");
  }

  private static SaveError tooLong() {
    return SaveError.of("FIELD_INTEGRITY_EXCEPTION", "Duration must be between 0 and " + MAX_MINUTES + " minutes",
        "DurationInMinutes");
  }

  private static SaveError mismatch(String field, String other) {
    return SaveError.of("FIELD_INTEGRITY_EXCEPTION", field + ": the values of " + field + " and " + other
        + " must match, or one of them must be empty", field);
  }
}
