package com.exchangesync.worker.exchange;

import static com.exchangesync.worker.exchange.InMemoryMailboxes.problem;

import com.exchangesync.worker.exchange.InMemoryCalendar.Expansion;
import com.exchangesync.worker.exchange.InMemoryCalendar.Occurrence;
import com.exchangesync.worker.exchange.InMemoryCalendar.Series;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The calendar operations of the in-memory mailbox, on one {@link InMemoryStore}:
 * singles and masters stored as Exchange keeps them, an occurrence's update
 * becoming an exception that keeps what differs from its series, a cancellation,
 * each a change of the master, and reads of occurrences by id and by window.
 */
final class InMemoryCalendarWrites {

  private InMemoryCalendarWrites() {}

  /** A new calendar item, as Exchange stores it; the values are checked first. */
  static ItemResult create(InMemoryStore s, Map<ExchangeField, String> values, Optional<String> salesforceId) {
    Optional<String> problem = problem(ItemKind.EVENT, values);
    if (problem.isPresent()) {
      return ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, problem.get());
    }
    String id = UUID.randomUUID().toString();
    // A meeting received from someone else keeps the organizer's UID; one made here gets its own.
    String uid = values.get(ExchangeField.ICAL_UID) != null ? values.get(ExchangeField.ICAL_UID) : "uid-" + id;
    ExchangeItem item = s.put(id, ItemKind.EVENT, InMemoryCalendar.stored(values, s.smtp, uid), salesforceId);
    return ItemResult.written(item.id(), item.changeKey());
  }

  /** An update of a single, a master or (by its id) one occurrence. */
  static ItemResult update(InMemoryStore s, ItemUpdate u) {
    Optional<String[]> occurrence = InMemoryCalendar.parseOccurrenceId(u.id());
    if (occurrence.isPresent() && !s.items.containsKey(u.id())) {
      return updateOccurrence(s, occurrence.get()[0], occurrence.get()[1], u);
    }
    ExchangeItem old = s.items.get(u.id());
    if (old == null || old.kind() != ItemKind.EVENT) {
      return notThere(s, u.id());
    }
    if (u.expectedChangeKey().filter(k -> !k.equals(old.changeKey())).isPresent()) {
      return stale(u.id());
    }
    Map<ExchangeField, String> merged = new HashMap<>(old.values());
    merged.putAll(u.values());
    Optional<String> problem = problem(ItemKind.EVENT, merged);
    if (problem.isPresent()) {
      return ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, problem.get());
    }
    Map<ExchangeField, String> stored = InMemoryCalendar.stored(merged, s.smtp, old.values().get(ExchangeField.ICAL_UID));
    if (stored.equals(old.values()) && (u.salesforceId().isEmpty() || u.salesforceId().equals(old.salesforceId()))) {
      return ItemResult.written(old.id(), old.changeKey());
    }
    if (InMemoryCalendar.SERIES_SHAPE.stream().anyMatch(f -> !Objects.equals(old.values().get(f), stored.get(f)))) {
      s.series.remove(old.id()); // Exchange drops a series' exceptions when its times or pattern are set
    }
    ExchangeItem item = s.put(old.id(), ItemKind.EVENT, stored, u.salesforceId().or(old::salesforceId));
    return ItemResult.written(item.id(), item.changeKey());
  }

  /** One occurrence changed: it becomes an exception keeping what differs from its series, and its master changes. */
  private static ItemResult updateOccurrence(InMemoryStore s, String masterId, String originalStart, ItemUpdate u) {
    ExchangeItem master = master(s, masterId);
    Optional<Occurrence[]> found = master == null ? Optional.empty() : expansion(s, master).withNeighbours(originalStart);
    if (found.isEmpty()) {
      return notThere(s, u.id());
    }
    if (u.expectedChangeKey().filter(k -> !k.equals(master.changeKey())).isPresent()) {
      return stale(u.id());
    }
    Expansion expansion = expansion(s, master);
    Occurrence[] o = found.get();
    ExchangeItem view = expansion.item(o[1]);
    for (Map.Entry<ExchangeField, String> e : u.values().entrySet()) {
      if (!InMemoryCalendar.OCCURRENCE_FIELDS.contains(e.getKey()) && !sameSeriesValue(e.getKey(), view, e.getValue())) {
        return ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, e.getKey().apiName()
            + " belongs to the series and cannot be set on one occurrence; change the series (its master) instead");
      }
    }
    Map<ExchangeField, String> merged = new HashMap<>(view.values());
    merged.putAll(u.values());
    merged.put(ExchangeField.START_TIME_ZONE, expansion.zone().getId());
    Optional<String> problem = problem(ItemKind.EVENT, merged);
    if (problem.isPresent()) {
      return ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, problem.get());
    }
    EventTimes times = EventTimes.of(merged);
    if ((o[0] != null && !times.start().isAfter(o[0].start())) || (o[2] != null && !times.start().isBefore(o[2].start()))) {
      return ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE,
          "ErrorOccurrenceCrossingBoundary: Modified occurrence is crossing or overlapping adjacent occurrence.");
    }
    Map<ExchangeField, String> base = new HashMap<>(master.values());
    base.putAll(expansion.originalTimes(originalStart));
    merged.put(ExchangeField.START, times.startValue());
    merged.put(ExchangeField.END, times.endValue());
    Map<ExchangeField, String> differs = new HashMap<>();
    for (ExchangeField f : InMemoryCalendar.OCCURRENCE_FIELDS) {
      String v = merged.get(f) == null || merged.get(f).isEmpty() ? null : merged.get(f);
      if (f == ExchangeField.SENSITIVITY || f == ExchangeField.SHOW_AS) {
        v = InMemoryCalendar.choice(f, v);
      }
      if (!Objects.equals(v, base.get(f))) {
        differs.put(f, v);
      }
    }
    Series state = s.series.computeIfAbsent(masterId, k -> new Series());
    Optional<String> salesforceId = u.salesforceId().or(() -> Optional.ofNullable(state.exceptions.get(originalStart))
        .flatMap(Series.Change::salesforceId));
    state.exceptions.put(originalStart, new Series.Change(differs, salesforceId));
    ExchangeItem bumped = s.put(masterId, ItemKind.EVENT, master.values(), master.salesforceId());
    return ItemResult.written(u.id(), bumped.changeKey());
  }

  /** Deletes a single or a whole series, or cancels one occurrence; what is gone counts as deleted. */
  static ItemResult delete(InMemoryStore s, String id) {
    Optional<String[]> occurrence = InMemoryCalendar.parseOccurrenceId(id);
    if (occurrence.isPresent() && !s.items.containsKey(id)) {
      ExchangeItem master = master(s, occurrence.get()[0]);
      String originalStart = occurrence.get()[1];
      if (master != null && expansion(s, master).at(originalStart).isPresent()) {
        Series state = s.series.computeIfAbsent(master.id(), k -> new Series());
        state.exceptions.remove(originalStart);
        state.cancelled.add(originalStart);
        s.put(master.id(), ItemKind.EVENT, master.values(), master.salesforceId());
      }
      return ItemResult.deleted(id);
    }
    ExchangeItem old = s.items.get(id);
    if (old != null && old.kind() == ItemKind.EVENT) {
      s.items.remove(id);
      s.series.remove(id);
      s.record(id, ItemKind.EVENT);
    }
    return ItemResult.deleted(id);
  }

  /** A stored single or master, or the occurrence an occurrence id names (absent when cancelled or past the series). */
  static Optional<ExchangeItem> event(InMemoryStore s, String id) {
    ExchangeItem item = s.items.get(id);
    if (item != null) {
      return item.kind() == ItemKind.EVENT ? Optional.of(item) : Optional.empty();
    }
    Optional<String[]> occurrence = InMemoryCalendar.parseOccurrenceId(id);
    ExchangeItem master = occurrence.map(o -> master(s, o[0])).orElse(null);
    if (master == null) {
      return Optional.empty();
    }
    Expansion expansion = expansion(s, master);
    return expansion.at(occurrence.get()[1]).map(expansion::item);
  }

  /** The occurrences of a series the calendar shows in a window (none for an id of no series). */
  static List<ExchangeItem> occurrences(InMemoryStore s, String seriesId, Instant from, Instant to) {
    ExchangeItem master = master(s, seriesId);
    if (master == null) {
      return List.of();
    }
    Expansion expansion = expansion(s, master);
    return expansion.between(from, to).stream().map(expansion::item).toList();
  }

  private static ExchangeItem master(InMemoryStore s, String id) {
    ExchangeItem item = s.items.get(id);
    return item != null && item.value(ExchangeField.CALENDAR_ITEM_TYPE).filter("RecurringMaster"::equals).isPresent()
        ? item : null;
  }

  private static Expansion expansion(InMemoryStore s, ExchangeItem master) {
    return new Expansion(master, s.series.getOrDefault(master.id(), new Series()));
  }

  private static boolean sameSeriesValue(ExchangeField field, ExchangeItem view, String value) {
    String now = view.values().get(field);
    try {
      return switch (field) {
        case ATTENDEES -> Objects.equals(Attendees.canonical(now), Attendees.canonical(value));
        case START_TIME_ZONE -> value != null && !value.isEmpty() && now != null && WindowsTimeZones.cldr()
            .windowsFor(WindowsTimeZones.parseIana(value)).equals(WindowsTimeZones.cldr().windowsFor(WindowsTimeZones.parseIana(now)));
        default -> InMemoryCalendar.same(now, value);
      };
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ItemResult notThere(InMemoryStore s, String id) {
    return ItemResult.failed(MailboxError.ITEM_NOT_FOUND, "The item " + id + " is no longer in " + s.smtp + ".");
  }

  private static ItemResult stale(String id) {
    return ItemResult.failed(MailboxError.CONFLICT, "The item " + id + " changed in Exchange since it was read.");
  }
}
