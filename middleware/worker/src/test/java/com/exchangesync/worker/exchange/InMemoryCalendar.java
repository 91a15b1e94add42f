package com.exchangesync.worker.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar rules of the in-memory mailbox twin, as Exchange (and so the EWS
 * adapter) keeps and reads calendar items: times through {@link EventTimes}, the
 * zone read back as CLDR's zone for its Windows zone, a series' pattern through
 * {@link RecurrenceRules} (a rule Exchange cannot state is refused the same way),
 * a master starting on its first occurrence, the defaults Exchange fills in
 * ({@code Normal}, {@code Busy}, the organizer, a UID), and a series' occurrences
 * expanded by {@link RecurrenceExpander} at the master's local time of day in its
 * zone, with its exceptions and cancelled occurrences.
 */
final class InMemoryCalendar {

  /** What one occurrence may differ in from its series. */
  static final Set<ExchangeField> OCCURRENCE_FIELDS = Set.of(ExchangeField.SUBJECT, ExchangeField.LOCATION, ExchangeField.BODY,
      ExchangeField.START, ExchangeField.END, ExchangeField.IS_ALL_DAY, ExchangeField.SENSITIVITY, ExchangeField.SHOW_AS);

  /** What changes a series' occurrences: setting any of it on a master drops its exceptions, as Exchange does. */
  static final Set<ExchangeField> SERIES_SHAPE = Set.of(ExchangeField.START, ExchangeField.END, ExchangeField.IS_ALL_DAY,
      ExchangeField.START_TIME_ZONE, ExchangeField.RECURRENCE);

  private static final List<String> SHOW_AS = List.of("Free", "Tentative", "Busy", "OOF", "WorkingElsewhere");
  private static final List<String> SENSITIVITY = List.of("Normal", "Personal", "Private", "Confidential");

  private InMemoryCalendar() {}

  /**
   * A single or master as Exchange stores and reads it back.
   *
   * @throws IllegalArgumentException saying what Exchange would refuse
   */
  static Map<ExchangeField, String> stored(Map<ExchangeField, String> values, String organizer, String uid) {
    Map<ExchangeField, String> out = new EnumMap<>(ExchangeField.class);
    values.forEach((f, v) -> {
      if (v != null && !v.isEmpty()) {
        out.put(f, v);
      }
    });
    EventTimes t = EventTimes.of(out);
    ZoneId readZone = WindowsTimeZones.cldr().ianaOrUtc(t.windowsZone());
    Instant start = t.start();
    Instant end = t.end();
    if (out.containsKey(ExchangeField.RECURRENCE)) {
      ExchangeRecurrence r = RecurrenceRules.fromRrule(out.get(ExchangeField.RECURRENCE), t.firstDay(), t.zone());
      LocalDate first = RecurrenceExpander.first(r, 1).stream().findFirst()
          .orElseThrow(() -> new IllegalArgumentException("the recurrence has no occurrence"));
      // A master starts on its first occurrence, at the same local time.
      long shift = ChronoUnit.DAYS.between(t.firstDay(), first);
      start = start.atZone(t.zone()).plusDays(shift).toInstant();
      end = end.atZone(t.zone()).plusDays(shift).toInstant();
      out.put(ExchangeField.RECURRENCE, RecurrenceRules.toRrule(r.startingOn(first)));
      out.put(ExchangeField.CALENDAR_ITEM_TYPE, "RecurringMaster");
    } else {
      out.put(ExchangeField.CALENDAR_ITEM_TYPE, "Single");
    }
    out.put(ExchangeField.START, EventTimes.value(start, t.allDay(), readZone));
    out.put(ExchangeField.END, EventTimes.value(end, t.allDay(), readZone));
    out.put(ExchangeField.IS_ALL_DAY, Boolean.toString(t.allDay()));
    out.put(ExchangeField.START_TIME_ZONE, readZone.getId());
    out.put(ExchangeField.SENSITIVITY, choice(out.get(ExchangeField.SENSITIVITY), SENSITIVITY, "Normal", "sensitivity"));
    out.put(ExchangeField.SHOW_AS, choice(out.get(ExchangeField.SHOW_AS), SHOW_AS, "Busy", "showAs"));
    String attendees = Attendees.canonical(out.get(ExchangeField.ATTENDEES));
    if (attendees == null) {
      out.remove(ExchangeField.ATTENDEES);
    } else {
      out.put(ExchangeField.ATTENDEES, attendees);
    }
    out.put(ExchangeField.ORGANIZER, organizer);
    out.put(ExchangeField.ICAL_UID, uid);
    out.remove(ExchangeField.SERIES_ID);
    out.remove(ExchangeField.ORIGINAL_START);
    return out;
  }

  /** A sensitivity or free/busy status as Exchange spells it ({@code null}: its default). */
  static String choice(ExchangeField field, String v) {
    return field == ExchangeField.SENSITIVITY ? choice(v, SENSITIVITY, "Normal", "sensitivity") : choice(v, SHOW_AS, "Busy", "showAs");
  }

  private static String choice(String v, List<String> allowed, String absent, String name) {
    if (v == null) {
      return absent;
    }
    return allowed.stream().filter(a -> a.equalsIgnoreCase(v.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " must be one of " + allowed + ", not '" + v + "'"));
  }

  /** An occurrence's id: its master's and its original start. */
  static String occurrenceId(String masterId, String originalStart) {
    return masterId + "!" + originalStart;
  }

  /** The master id and original start an occurrence id names, if it is one. */
  static Optional<String[]> parseOccurrenceId(String id) {
    int bang = id.lastIndexOf('!');
    return bang <= 0 ? Optional.empty() : Optional.of(new String[] {id.substring(0, bang), id.substring(bang + 1)});
  }

  /** A series' own state beside its master: changed occurrences and cancelled ones, by original start. */
  static final class Series {
    record Change(Map<ExchangeField, String> values, Optional<String> salesforceId) {}

    final Map<String, Change> exceptions = new java.util.LinkedHashMap<>();
    final Set<String> cancelled = new java.util.HashSet<>();
  }

  /** One occurrence of a series, as it now stands. */
  record Occurrence(int index, String originalStart, Instant start, Instant end, Series.Change change) {}

  /** Expands a master: its occurrences (cancelled ones left out) in order of original start. */
  static final class Expansion {
    private final ExchangeItem master;
    private final Series series;
    private final ZoneId zone;
    private final boolean allDay;
    private final LocalTime timeOfDay;
    private final Duration duration;
    private final long days;
    private final ExchangeRecurrence recurrence;

    Expansion(ExchangeItem master, Series series) {
      this.master = master;
      this.series = series;
      EventTimes t = EventTimes.of(master.values());
      this.zone = t.zone();
      this.allDay = t.allDay();
      this.timeOfDay = t.start().atZone(zone).toLocalTime();
      this.duration = Duration.between(t.start(), t.end());
      this.days = ChronoUnit.DAYS.between(t.firstDay(), t.end().atZone(zone).toLocalDate());
      this.recurrence = RecurrenceRules.fromRrule(master.values().get(ExchangeField.RECURRENCE), t.firstDay(), zone);
    }

    /** The occurrences ending at or after {@code from} and starting before {@code to}, in order of start. */
    List<Occurrence> between(Instant from, Instant to) {
      Instant lastException = series.exceptions.keySet().stream().map(this::instantOf).max(Instant::compareTo).orElse(null);
      List<Occurrence> out = new ArrayList<>();
      int index = 0;
      for (RecurrenceExpander days = new RecurrenceExpander(recurrence); days.hasNext(); ) {
        Instant original = originalStart(days.next());
        index++;
        if (!original.isBefore(to) && (lastException == null || original.isAfter(lastException))) {
          break;
        }
        Optional<Occurrence> o = occurrence(index, original);
        if (o.isPresent() && !o.get().end().isBefore(from) && o.get().start().isBefore(to)) {
          out.add(o.get());
        }
      }
      out.sort((a, b) -> a.start().compareTo(b.start()));
      return out;
    }

    /**
     * The occurrence originally at {@code originalStart} with the live occurrences
     * just before and after it ({@code null} at the series' ends), or empty when
     * there is no such occurrence or it was cancelled.
     */
    Optional<Occurrence[]> withNeighbours(String originalStart) {
      Instant wanted = instantOf(originalStart);
      Occurrence before = null;
      Occurrence self = null;
      int index = 0;
      for (RecurrenceExpander days = new RecurrenceExpander(recurrence); days.hasNext(); ) {
        Instant original = originalStart(days.next());
        index++;
        if (self == null && original.isAfter(wanted)) {
          return Optional.empty();
        }
        Optional<Occurrence> o = occurrence(index, original);
        if (original.equals(wanted)) {
          if (o.isEmpty()) {
            return Optional.empty();
          }
          self = o.get();
        } else if (o.isPresent()) {
          if (self != null) {
            return Optional.of(new Occurrence[] {before, self, o.get()});
          }
          before = o.get();
        }
      }
      return self == null ? Optional.empty() : Optional.of(new Occurrence[] {before, self, null});
    }

    /** The occurrence originally at {@code originalStart}, unless there is none or it was cancelled. */
    Optional<Occurrence> at(String originalStart) {
      return withNeighbours(originalStart).map(o -> o[1]);
    }

    /** What the occurrence reads as: the master's fields, its own changes, its times and series fields. */
    ExchangeItem item(Occurrence o) {
      Map<ExchangeField, String> values = new EnumMap<>(ExchangeField.class);
      values.putAll(master.values());
      values.remove(ExchangeField.RECURRENCE);
      Optional<String> salesforceId = master.salesforceId();
      if (o.change() != null) {
        o.change().values().forEach((f, v) -> {
          if (v == null) {
            values.remove(f);
          } else {
            values.put(f, v);
          }
        });
        salesforceId = o.change().salesforceId().or(() -> master.salesforceId());
      }
      boolean occurrenceAllDay = Boolean.parseBoolean(values.get(ExchangeField.IS_ALL_DAY));
      values.put(ExchangeField.START, EventTimes.value(o.start(), occurrenceAllDay, zone));
      values.put(ExchangeField.END, EventTimes.value(o.end(), occurrenceAllDay, zone));
      values.put(ExchangeField.SERIES_ID, master.id());
      values.put(ExchangeField.ORIGINAL_START, o.originalStart());
      values.put(ExchangeField.CALENDAR_ITEM_TYPE, o.change() == null ? "Occurrence" : "Exception");
      return new ExchangeItem(occurrenceId(master.id(), o.originalStart()), master.changeKey(), ItemKind.EVENT, values,
          salesforceId);
    }

    /** The original start and end an occurrence had before any change, as field values. */
    Map<ExchangeField, String> originalTimes(String originalStart) {
      Instant start = instantOf(originalStart);
      return Map.of(ExchangeField.START, EventTimes.value(start, allDay, zone),
          ExchangeField.END, EventTimes.value(originalEnd(start), allDay, zone));
    }

    ZoneId zone() {
      return zone;
    }

    private Optional<Occurrence> occurrence(int index, Instant original) {
      String key = EventTimes.value(original, allDay, zone);
      if (series.cancelled.contains(key)) {
        return Optional.empty();
      }
      Series.Change change = series.exceptions.get(key);
      Instant start = original;
      Instant end = originalEnd(original);
      if (change != null) {
        Map<ExchangeField, String> v = new EnumMap<>(ExchangeField.class);
        v.putAll(originalTimes(key));
        v.put(ExchangeField.IS_ALL_DAY, Boolean.toString(allDay));
        v.put(ExchangeField.START_TIME_ZONE, zone.getId());
        change.values().forEach((f, val) -> {
          if (val != null) {
            v.put(f, val);
          }
        });
        EventTimes t = EventTimes.of(v);
        start = t.start();
        end = t.end();
      }
      return Optional.of(new Occurrence(index, key, start, end, change));
    }

    private Instant originalStart(LocalDate day) {
      return allDay ? day.atStartOfDay(zone).toInstant() : ZonedDateTime.of(day, timeOfDay, zone).toInstant();
    }

    private Instant originalEnd(Instant originalStart) {
      return allDay ? originalStart.atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant()
          : originalStart.plus(duration);
    }

    private Instant instantOf(String value) {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
    }
  }

  /** Whether two field values are the same as Exchange keeps them (absent and empty alike). */
  static boolean same(String a, String b) {
    String x = a == null || a.isEmpty() ? null : a;
    String y = b == null || b.isEmpty() ? null : b;
    return Objects.equals(x == null ? null : x.toLowerCase(Locale.ROOT), y == null ? null : y.toLowerCase(Locale.ROOT));
  }
}
