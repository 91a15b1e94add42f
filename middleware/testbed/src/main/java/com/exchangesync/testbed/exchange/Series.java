package com.exchangesync.testbed.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The occurrences of a recurring master. Each falls on a day of the
 * recurrence at the master's local time of day in the series' own time zone,
 * so a 09:00 Europe/Berlin meeting stays at 09:00 local across daylight-saving
 * changes; it lasts as long as the master (an all-day series: as many whole
 * local days). Deleted occurrences keep their index; exceptions sit where they
 * were moved.
 */
public final class Series {

  private final Item master;
  private final CalendarState cal;
  private final CalendarZone zone;
  private final LocalTime timeOfDay;
  private final Duration duration;
  private final long allDayDays;

  public Series(Item master) {
    this.master = master;
    this.cal = master.calendar;
    this.zone = cal.zone();
    Instant start = Instant.parse(master.fields.get("calendar:Start"));
    Instant end = Instant.parse(master.fields.get("calendar:End"));
    LocalDateTime localStart = zone.toLocal(start);
    this.timeOfDay = localStart.toLocalTime();
    this.duration = Duration.between(start, end);
    this.allDayDays = "true".equals(master.fields.get("calendar:IsAllDayEvent"))
        ? ChronoUnit.DAYS.between(localStart.toLocalDate(), zone.toLocal(end).toLocalDate()) : -1;
  }

  /** The occurrences (not deleted) whose time overlaps [from, to): ending at or after {@code from}, starting before {@code to}. */
  public List<Occurrence> between(Instant from, Instant to) {
    List<Occurrence> out = new ArrayList<>();
    // An exception may have moved into the window from later on: go on until past the last one.
    Instant lastException = cal.exceptions.isEmpty() ? null : cal.exceptions.lastKey();
    int index = 0;
    for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
      Instant original = originalStart(dates.next());
      index++;
      if (!original.isBefore(to) && (lastException == null || original.isAfter(lastException))) {
        break;
      }
      if (cal.deleted.contains(original)) {
        continue;
      }
      Occurrence o = occurrence(index, original);
      if (!o.end().isBefore(from) && o.start().isBefore(to)) {
        out.add(o);
      }
    }
    out.sort((a, b) -> a.start().compareTo(b.start()));
    return out;
  }

  /** The occurrence at {@code index} (1-based), as {@code OccurrenceItemId} names it. */
  public Occurrence atIndex(int index) {
    if (index >= 1) {
      int i = 0;
      for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
        Instant original = originalStart(dates.next());
        if (++i == index) {
          return live(i, original);
        }
      }
    }
    throw new ResponseMessageError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
        "Occurrence index is out of recurrence range.");
  }

  /** The occurrence originally starting at {@code originalStart}. */
  public Occurrence at(Instant originalStart) {
    int i = 0;
    for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
      Instant original = originalStart(dates.next());
      i++;
      if (original.equals(originalStart)) {
        return live(i, original);
      }
      if (original.isAfter(originalStart)) {
        break;
      }
    }
    throw ResponseMessageError.itemNotFound();
  }

  /** The first occurrence that is not deleted. */
  public Optional<Occurrence> first() {
    int i = 0;
    for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
      Instant original = originalStart(dates.next());
      i++;
      if (!cal.deleted.contains(original)) {
        return Optional.of(occurrence(i, original));
      }
    }
    return Optional.empty();
  }

  /** The last occurrence that is not deleted; empty for a series without end. */
  public Optional<Occurrence> last() {
    if (cal.recurrence.range().kind() == RecurrenceRange.Kind.NO_END) {
      return Optional.empty();
    }
    Occurrence last = null;
    int i = 0;
    for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
      Instant original = originalStart(dates.next());
      i++;
      if (!cal.deleted.contains(original)) {
        last = occurrence(i, original);
      }
    }
    return Optional.ofNullable(last);
  }

  /** The exceptions, in order of original start. */
  public List<Occurrence> exceptions() {
    List<Occurrence> out = new ArrayList<>();
    for (Map.Entry<Instant, ModifiedOccurrence> e : cal.exceptions.entrySet()) {
      out.add(occurrence(indexOf(e.getKey()), e.getKey()));
    }
    return out;
  }

  private int indexOf(Instant originalStart) {
    int i = 0;
    for (RecurrenceDates dates = new RecurrenceDates(cal.recurrence); dates.hasNext(); ) {
      i++;
      if (!originalStart(dates.next()).isBefore(originalStart)) {
        return i;
      }
    }
    return i;
  }

  private Occurrence live(int index, Instant original) {
    if (cal.deleted.contains(original)) {
      throw new ResponseMessageError("ErrorCalendarOccurrenceIsDeletedFromRecurrence",
          "Occurrence with this index was previously deleted from the recurrence.");
    }
    return occurrence(index, original);
  }

  private Occurrence occurrence(int index, Instant original) {
    ModifiedOccurrence ex = cal.exceptions.get(original);
    Instant start = original;
    Instant end = originalEnd(original);
    if (ex != null) {
      start = ex.fields.containsKey("calendar:Start") ? Instant.parse(ex.fields.get("calendar:Start")) : start;
      end = ex.fields.containsKey("calendar:End") ? Instant.parse(ex.fields.get("calendar:End")) : end;
    }
    return new Occurrence(master, index, original, start, end, ex);
  }

  public Instant originalStart(LocalDate day) {
    return allDayDays >= 0 ? zone.toInstant(day.atStartOfDay()) : zone.toInstant(day.atTime(timeOfDay));
  }

  public Instant originalEnd(Instant originalStart) {
    if (allDayDays >= 0) {
      return zone.toInstant(zone.toLocal(originalStart).toLocalDate().plusDays(allDayDays).atStartOfDay());
    }
    return originalStart.plus(duration);
  }
}
