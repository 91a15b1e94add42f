package com.exchangesync.worker.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an org does with an {@code Event} on save, for the in-memory twin: an
 * all-day event is a date ({@code ActivityDate}, a midnight-GMT
 * {@code StartDateTime} and {@code EndDateTime} of its last day, whole days of
 * {@code DurationInMinutes}); a timed event's duration follows its start and
 * end (or its end follows start and duration); an end before the start, or a
 * timed event longer than 14 days, is refused.
 */
final class InMemoryEvents implements InMemorySalesforce.ObjectRules {

  private static final long DAY = 24 * 60;

  @Override
  public Map<String, String> derive(Map<String, String> changed, Map<String, String> after) {
    Map<String, String> e = new HashMap<>(after);
    if (Boolean.parseBoolean(e.get("IsAllDayEvent"))) {
      LocalDate first = e.get("ActivityDate") != null && !changed.containsKey("StartDateTime")
          ? LocalDate.parse(e.get("ActivityDate"))
          : Instant.parse(e.get("StartDateTime")).atZone(ZoneOffset.UTC).toLocalDate();
      long days = e.get("DurationInMinutes") != null ? Math.max(1, Long.parseLong(e.get("DurationInMinutes")) / DAY) : 1;
      if (changed.containsKey("EndDateTime") && !changed.containsKey("DurationInMinutes")) {
        LocalDate last = Instant.parse(e.get("EndDateTime")).atZone(ZoneOffset.UTC).toLocalDate();
        days = Math.max(1, last.toEpochDay() - first.toEpochDay() + 1);
      }
      e.put("ActivityDate", first.toString());
      e.put("StartDateTime", first + "T00:00:00.000Z");
      e.put("EndDateTime", first.plusDays(days - 1) + "T00:00:00.000Z");
      e.put("DurationInMinutes", Long.toString(days * DAY));
      return e;
    }
    if (e.get("StartDateTime") == null) {
      return e;
    }
    Instant start = Instant.parse(e.get("StartDateTime"));
    if (e.get("EndDateTime") != null && (changed.containsKey("EndDateTime") || !changed.containsKey("DurationInMinutes"))) {
      e.put("DurationInMinutes", Long.toString(Duration.between(start, Instant.parse(e.get("EndDateTime"))).toMinutes()));
    } else if (e.get("DurationInMinutes") != null) {
      e.put("EndDateTime", start.plus(Duration.ofMinutes(Long.parseLong(e.get("DurationInMinutes")))).toString());
    }
    e.put("ActivityDate", start.atZone(ZoneOffset.UTC).toLocalDate().toString());
    return e;
  }

  @Override
  public Optional<String> problem(Map<String, String> e) {
    if (e.get("StartDateTime") == null || (e.get("EndDateTime") == null && e.get("DurationInMinutes") == null)) {
      return Optional.of("REQUIRED_FIELD_MISSING:Required fields are missing: [DurationInMinutes]");
    }
    long minutes = Long.parseLong(e.get("DurationInMinutes"));
    if (minutes < 0) {
      return Optional.of("FIELD_INTEGRITY_EXCEPTION:End Date Time cannot be earlier than Start Date Time");
    }
    if (!Boolean.parseBoolean(e.get("IsAllDayEvent")) && minutes > 14 * DAY) {
      return Optional.of("FIELD_INTEGRITY_EXCEPTION:Event duration cannot exceed 14 days");
    }
    return Optional.empty();
  }
}
