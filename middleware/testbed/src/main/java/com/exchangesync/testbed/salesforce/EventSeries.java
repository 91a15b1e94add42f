package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lightning Experience event series ({@code IsRecurrence2}): an event created
 * with {@code IsRecurrence2 = true} and a {@code Recurrence2PatternText} becomes
 * one Event record per occurrence, each carrying the pattern. The created
 * record is the first occurrence (moved to the pattern's first day if its start
 * is not one); the others follow at the same local time of day in
 * {@code Recurrence2PatternTimeZone} (default: the saving user's time zone),
 * across daylight-saving changes. A series needs an end ({@code COUNT} or
 * {@code UNTIL}) and holds at most {@value #MAX_OCCURRENCES} occurrences.
 * <p>
 * Changing one occurrence makes it an exception ({@code IsRecurrence2Exception});
 * deleting one deletes only it. Changing the pattern ({@code Recurrence2PatternText},
 * {@code …StartDate}, {@code …TimeZone}) is a change of the whole series and is
 * made on its first occurrence: the series is made again from it, its other
 * occurrences (exceptions included) are deleted and new ones made, except
 * past occurrences before the new first one, which stay as history
 * ({@code IsRecurrence2Exclusion}). The first occurrence's invitees are invited
 * to each new occurrence.
 */
final class EventSeries {

  /** The most occurrences a series has. */
  static final int MAX_OCCURRENCES = 100;
  /** Where an occurrence keeps its series' id (not on the SOAP API; the org calls it ActivityRecurrence2Id). */
  static final String SERIES = "ActivityRecurrence2Id";
  /** Marks the series' first occurrence, the one its pattern is changed on. */
  static final String FIRST = "$FirstOccurrence";
  private static final Set<String> PATTERN = Set.of("Recurrence2PatternText", "Recurrence2PatternStartDate",
      "Recurrence2PatternTimeZone");

  private final RecordStore store;
  private final EventRelations relations;

  EventSeries(RecordStore store, EventRelations relations) {
    this.store = store;
    this.relations = relations;
  }

  /** Checks a save of {@code row} as a series' pattern and occurrences demand; null or the refusal. */
  SaveError check(Row before, Row row, String actor) {
    boolean series = Boolean.TRUE.equals(row.get("IsRecurrence2"));
    if (!series) {
      return PATTERN.stream().anyMatch(f -> row.get(f) != null) ? integrity("Recurrence2PatternText", "only an event series"
          + " (IsRecurrence2 = true, set when the event is created) has a recurrence pattern") : null;
    }
    if (before == null) {
      return plan(row, (Instant) row.get("Recurrence2PatternStartDate"), actor);
    }
    if (patternChanged(before, row)) {
      if (!Boolean.TRUE.equals(before.get(FIRST))) {
        return integrity("Recurrence2PatternText", "the pattern of an event series is changed on the series' first"
            + " occurrence; to change this occurrence alone, leave the pattern fields as they are");
      }
      Instant start = (Instant) row.get("Recurrence2PatternStartDate");
      if (Objects.equals(start, before.get("Recurrence2PatternStartDate"))
          && !Objects.equals(row.get("StartDateTime"), before.get("StartDateTime"))) {
        start = (Instant) row.get("StartDateTime"); // the first occurrence moved: the series starts there
      }
      return plan(row, start, actor);
    }
    if (changed(before, row)) {
      row.values.put("IsRecurrence2Exception", Boolean.TRUE);
    }
    return null;
  }

  /** After a save: the occurrences a new or changed pattern makes (stored), or none. */
  List<Row> saved(Row before, Row row, String actor, Instant now) {
    if (!Boolean.TRUE.equals(row.get(FIRST)) || (before != null && !patternChanged(before, row))) {
      return List.of();
    }
    Instant firstStart = (Instant) row.get("StartDateTime");
    if (before != null) {
      for (Row o : occurrences(row.get(SERIES))) {
        Instant start = (Instant) o.get("StartDateTime");
        if (o.id.equals(row.id)) {
          continue;
        }
        if (start.isBefore(firstStart) && start.isBefore(now)) {
          if (Boolean.TRUE.equals(o.get("IsRecurrence2Exclusion"))) {
            continue; // history already
          }
          Row history = o.copy();
          history.values.put("IsRecurrence2Exclusion", Boolean.TRUE);
          RowStamps.modified(history, actor, now);
          store.put(history, false);
        } else {
          store.put(RowStamps.deleted(o, now), false);
          relations.removeAll(o.id, now);
        }
      }
    }
    List<Row> invitations = relations.invitees(row.id);
    ZoneId zone = TimeZones.zone((String) row.get("Recurrence2PatternTimeZone"));
    LocalDateTime local = local(row, zone);
    List<Row> made = new ArrayList<>();
    List<LocalDate> days = days(row, local, zone);
    for (LocalDate day : days.subList(1, days.size())) {
      Row o = new Row(row.type, SalesforceIds.next(row.type.keyPrefix));
      for (FieldDef f : row.type.fields()) {
        o.values.put(f.name(), row.get(f.name()));
      }
      o.values.put(SERIES, row.get(SERIES));
      EventTimes.moveTo(o, day, local.toLocalTime(), zone, TimeZones.ofUser(store, actor));
      o.values.put("IsGroupEvent", Boolean.FALSE);
      o.values.put("GroupEventType", "0");
      RowStamps.created(o, actor, now);
      store.put(o, true);
      invitations.forEach(i -> relations.inviteAsIn(i, o, actor, now));
      made.add(o);
    }
    return made;
  }

  /**
   * Checks the pattern of {@code row} from {@code start} (null: the event's start) and makes {@code row} the
   * series' first occurrence; null or the refusal.
   */
  private SaveError plan(Row row, Instant start, String actor) {
    if (row.get("Recurrence2PatternText") == null) {
      return SaveError.of("REQUIRED_FIELD_MISSING", "Required fields are missing: [Recurrence2PatternText]",
          "Recurrence2PatternText");
    }
    String key = row.get("Recurrence2PatternTimeZone") != null ? row.get("Recurrence2PatternTimeZone").toString()
        : TimeZones.sidKey(store, actor);
    ZoneId zone = TimeZones.zone(key);
    if (zone == null) {
      return integrity("Recurrence2PatternTimeZone", "'" + key + "' is not a time zone Salesforce knows (a time zone SID key"
          + " such as America/Los_Angeles or GMT)");
    }
    row.values.put("Recurrence2PatternTimeZone", key);
    boolean allDay = Boolean.TRUE.equals(row.get("IsAllDayEvent"));
    LocalDateTime local = start == null ? local(row, zone)
        : allDay ? start.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay() : LocalDateTime.ofInstant(start, zone);
    Recurrence2Rule rule;
    try {
      rule = Recurrence2Rule.parse(row.get("Recurrence2PatternText").toString());
    } catch (IllegalArgumentException e) {
      return integrity("Recurrence2PatternText", e.getMessage());
    }
    if (rule.count() == null && rule.until() == null) {
      return integrity("Recurrence2PatternText", "an event series needs an end: give the pattern COUNT or UNTIL (a series"
          + " holds at most " + MAX_OCCURRENCES + " occurrences)");
    }
    List<LocalDate> days = days(rule, local, zone, allDay);
    if (days.isEmpty()) {
      return integrity("Recurrence2PatternText", "the pattern makes no occurrence on or after the series' start");
    }
    if (days.size() > MAX_OCCURRENCES) {
      return integrity("Recurrence2PatternText", "the pattern makes more than " + MAX_OCCURRENCES + " occurrences; an event"
          + " series holds at most " + MAX_OCCURRENCES);
    }
    EventTimes.moveTo(row, days.get(0), local.toLocalTime(), zone, TimeZones.ofUser(store, actor));
    row.values.put("Recurrence2PatternStartDate", row.get("StartDateTime"));
    row.values.put("Recurrence2PatternVersion", "1");
    row.values.put("IsRecurrence2Exception", Boolean.FALSE);
    row.values.put("IsRecurrence2Exclusion", Boolean.FALSE);
    row.values.putIfAbsent(SERIES, SalesforceIds.next("828"));
    row.values.put(FIRST, Boolean.TRUE);
    return null;
  }

  private List<LocalDate> days(Row first, LocalDateTime local, ZoneId zone) {
    Recurrence2Rule rule = Recurrence2Rule.parse(first.get("Recurrence2PatternText").toString());
    return days(rule, local, zone, Boolean.TRUE.equals(first.get("IsAllDayEvent")));
  }

  private static List<LocalDate> days(Recurrence2Rule rule, LocalDateTime local, ZoneId zone, boolean allDay) {
    LocalDate last = rule.until() == null ? null : rule.until().lastDay(zone, local.toLocalTime(), allDay);
    return Recurrence2Expander.days(rule, local.toLocalDate(), last, MAX_OCCURRENCES + 1);
  }

  /** Where the series of {@code row} starts, in local time: an all-day series' first day, else its start in {@code zone}. */
  private static LocalDateTime local(Row row, ZoneId zone) {
    if (Boolean.TRUE.equals(row.get("IsAllDayEvent"))) {
      return ((LocalDate) row.get("ActivityDate")).atStartOfDay();
    }
    return LocalDateTime.ofInstant((Instant) row.get("StartDateTime"), zone == null ? ZoneOffset.UTC : zone);
  }

  private List<Row> occurrences(Object series) {
    if (series == null) {
      return List.of();
    }
    return store.rowsWhere(store.schema.type("Event"), SERIES, RecordStore.Match.QUERY, series).stream()
        .filter(r -> !r.deleted() && series.equals(r.get(SERIES))).toList();
  }

  private static boolean patternChanged(Row before, Row row) {
    return PATTERN.stream().anyMatch(f -> !Objects.equals(before.get(f), row.get(f)));
  }

  /** Whether a save changed any field a client writes. */
  private static boolean changed(Row before, Row row) {
    return row.type.fields().stream().anyMatch(f -> f.updateable() && !Objects.equals(before.get(f.name()), row.get(f.name())));
  }

  private static SaveError integrity(String field, String message) {
    return SaveError.of("FIELD_INTEGRITY_EXCEPTION", field + ": " + message, field);
  }
}
