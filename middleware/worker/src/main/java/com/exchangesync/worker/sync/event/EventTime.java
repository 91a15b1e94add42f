package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.sync.Mapped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's time as one value, so the merge moves start, end and the all-day
 * flag together: an ISO-8601 interval, of instants in UTC for a timed event
 * ({@code 2026-12-01T08:00:00Z/2026-12-01T09:00:00Z}) and of dates for an all-day
 * event ({@code 2026-12-01/2026-12-02}, the end exclusive). An all-day event is a
 * date on both sides, never an instant: the same calendar days whatever the time
 * zone of the rep or of the event.
 *
 * <p>Salesforce keeps an all-day event as {@code ActivityDate}, a midnight-GMT
 * {@code StartDateTime} and whole days of {@code DurationInMinutes}; a timed one
 * as {@code StartDateTime} and {@code EndDateTime} (the org derives the rest).
 * Exchange keeps an all-day event as whole days from midnight in its time zone;
 * the mailbox adapter gives and takes them as dates.
 */
final class EventTime implements Mapped {

  static final String KEY = "when";
  private static final long DAY_MINUTES = 24 * 60;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public List<String> salesforceFields() {
    return List.of("StartDateTime", "EndDateTime", "IsAllDayEvent", "ActivityDate", "DurationInMinutes");
  }

  @Override
  public List<ExchangeField> exchangeFields() {
    return List.of(ExchangeField.START, ExchangeField.END, ExchangeField.IS_ALL_DAY);
  }

  @Override
  public String fromSalesforce(Map<String, String> f) {
    try {
      if (Boolean.parseBoolean(f.get("IsAllDayEvent"))) {
        LocalDate first = f.get("ActivityDate") != null && !f.get("ActivityDate").isBlank()
            ? LocalDate.parse(f.get("ActivityDate").substring(0, 10))
            : instant(f.get("StartDateTime")).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return first + "/" + first.plusDays(days(f, first));
      }
      Instant start = instant(f.get("StartDateTime"));
      Instant end = f.get("EndDateTime") == null ? start.plus(minutes(f.get("DurationInMinutes")), ChronoUnit.MINUTES)
          : instant(f.get("EndDateTime"));
      return start + "/" + end;
    } catch (DateTimeParseException | NullPointerException | NumberFormatException e) {
      return null; // no time at all (or one Salesforce would not store): nothing to compare
    }
  }

  /** Whole days of an all-day event: its duration, else its start and end dates inclusive. */
  private static long days(Map<String, String> f, LocalDate first) {
    String duration = f.get("DurationInMinutes");
    if (duration != null && !duration.isBlank()) {
      return Math.max(1, Math.round(minutes(duration) / (double) DAY_MINUTES));
    }
    if (f.get("EndDateTime") != null) {
      LocalDate last = instant(f.get("EndDateTime")).atZone(java.time.ZoneOffset.UTC).toLocalDate();
      return Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
    }
    return 1;
  }

  @Override
  public String fromExchange(Map<ExchangeField, String> v) {
    String start = v.get(ExchangeField.START);
    String end = v.get(ExchangeField.END);
    if (start == null || end == null) {
      return null;
    }
    try {
      if (Boolean.parseBoolean(v.get(ExchangeField.IS_ALL_DAY))) {
        return LocalDate.parse(start.substring(0, 10)) + "/" + LocalDate.parse(end.substring(0, 10));
      }
      return instant(start) + "/" + instant(end);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public Map<String, String> toSalesforce(String value) {
    Map<String, String> out = new HashMap<>();
    if (value == null) {
      return out; // an event always has a time: nothing to clear
    }
    String[] parts = value.split("/", 2);
    if (isDate(parts[0])) {
      LocalDate first = LocalDate.parse(parts[0]);
      long days = Math.max(1, ChronoUnit.DAYS.between(first, LocalDate.parse(parts[1])));
      out.put("IsAllDayEvent", "true");
      out.put("ActivityDate", first.toString());
      out.put("StartDateTime", first + "T00:00:00Z");
      out.put("DurationInMinutes", Long.toString(days * DAY_MINUTES));
    } else {
      out.put("IsAllDayEvent", "false");
      out.put("StartDateTime", parts[0]);
      out.put("EndDateTime", parts[1]);
    }
    return out;
  }

  @Override
  public Map<ExchangeField, String> toExchange(String value) {
    Map<ExchangeField, String> out = new HashMap<>();
    if (value == null) {
      return out;
    }
    String[] parts = value.split("/", 2);
    out.put(ExchangeField.START, parts[0]);
    out.put(ExchangeField.END, parts[1]);
    out.put(ExchangeField.IS_ALL_DAY, Boolean.toString(isDate(parts[0])));
    return out;
  }

  /** Whether an interval (or its start) is of dates, i.e. an all-day event. */
  static boolean isDate(String text) {
    return text.length() == 10;
  }

  /** The start of a canonical interval: an instant, or the first day's date. */
  static String start(String interval) {
    return interval.split("/", 2)[0];
  }

  /** The end of a canonical interval: an instant, or the day after the last, as a date. */
  static String end(String interval) {
    return interval.split("/", 2)[1];
  }

  private static Instant instant(String text) {
    return Instant.parse(text.trim()).truncatedTo(ChronoUnit.SECONDS);
  }

  private static long minutes(String text) {
    return (long) Double.parseDouble(text.trim());
  }
}
