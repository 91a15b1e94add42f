package com.exchangesync.testbed.salesforce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields the org computes on save: {@code Name} of contacts and users, the
 * related times of an event ({@code ActivityDateTime}, {@code ActivityDate},
 * {@code DurationInMinutes}, all-day events at midnight UTC — the test bed's
 * org time zone), and auto-numbers.
 */
final class DerivedFields {

  private static final Pattern AUTO_NUMBER = Pattern.compile("\\{(0+)\\}");

  private DerivedFields() {}

  /** Fills in the derived fields of {@code row} after {@code change}; an impossible combination is an error. */
  static List<SaveError> apply(Row row, Change change, boolean created, RecordStore store) {
    switch (row.type.name) {
      case "Contact", "User" -> row.values.put("Name", join(row.get("FirstName"), row.get("LastName")));
      case "Event" -> {
        SaveError e = event(row, change);
        if (e != null) {
          return List.of(e);
        }
      }
      default -> { }
    }
    if (created) {
      row.type.autoNumberFormats.forEach((field, format) ->
          row.values.put(field, autoNumber(format, store.nextAutoNumber(row.type, field))));
    }
    return List.of();
  }

  private static String join(Object first, Object last) {
    String f = first == null ? "" : first.toString();
    String l = last == null ? "" : last.toString();
    String name = (f + " " + l).trim();
    return name.isEmpty() ? null : name;
  }

  private static SaveError event(Row row, Change change) {
    boolean allDay = Boolean.TRUE.equals(row.get("IsAllDayEvent"));
    Instant start = (Instant) row.get("StartDateTime");
    if (start == null && change.value("ActivityDateTime") != null) {
      start = (Instant) change.value("ActivityDateTime");
    }
    if (allDay) {
      LocalDate day = (LocalDate) row.get("ActivityDate");
      if (change.value("StartDateTime") != null || day == null) {
        day = start == null ? null : start.atZone(ZoneOffset.UTC).toLocalDate();
      }
      if (day == null) {
        return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [ActivityDate]", "ActivityDate");
      }
      long days = 1;
      Instant end = (Instant) row.get("EndDateTime");
      if (change.value("DurationInMinutes") != null && change.value("EndDateTime") == null) {
        days = Math.max(1, ((Integer) change.value("DurationInMinutes") + 1439) / 1440);
      } else if (end != null) {
        days = Math.max(1, Duration.between(day.atStartOfDay(ZoneOffset.UTC).toInstant(), end).toDays() + 1);
      }
      row.values.put("ActivityDate", day);
      row.values.put("ActivityDateTime", null);
      row.values.put("StartDateTime", day.atStartOfDay(ZoneOffset.UTC).toInstant());
      row.values.put("EndDateTime", day.plusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant());
      row.values.put("DurationInMinutes", (int) (days * 1440));
      return null;
    }
    if (start == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [StartDateTime]", "StartDateTime");
    }
    Instant end = (Instant) row.get("EndDateTime");
    Integer duration = (Integer) change.value("DurationInMinutes");
    boolean endGiven = change.value("EndDateTime") != null;
    if (!endGiven && duration != null) {
      end = start.plus(Duration.ofMinutes(duration));
    } else if (!endGiven && change.value("StartDateTime") != null && row.get("DurationInMinutes") != null && end != null) {
      end = start.plus(Duration.ofMinutes((Integer) row.get("DurationInMinutes")));
    }
    if (end == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [DurationInMinutes]", "DurationInMinutes");
    }
    if (end.isBefore(start)) {
      return SaveError.of("FIELD_INTEGRITY_EXCEPTION", "End Date/Time: End Date/Time can't be before Start Date/Time", "EndDateTime");
    }
    row.values.put("StartDateTime", start);
    row.values.put("EndDateTime", end);
    row.values.put("ActivityDateTime", start);
    row.values.put("ActivityDate", start.atZone(ZoneOffset.UTC).toLocalDate());
    row.values.put("DurationInMinutes", (int) Duration.between(start, end).toMinutes());
    return null;
  }

  static String autoNumber(String format, long n) {
    Matcher m = AUTO_NUMBER.matcher(format);
    if (!m.find()) {
      return format + n;
    }
    String digits = String.format("%0" + m.group(1).length() + "d", n);
    return format.substring(0, m.start()) + digits + format.substring(m.end());
  }
}
