package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Occurrences as items: a view that reads like a calendar item of its own
 * (the master's properties, the exception's overrides, the occurrence's
 * times) so GetItem, FindItem and UpdateItem treat it as Exchange treats an
 * occurrence; and the way back, where an updated view becomes (or stays) an
 * exception that keeps only what differs from the master.
 */
public final class OccurrenceViews {

  private OccurrenceViews() {}

  public static Item view(Occurrence o) {
    Item m = o.master();
    Item v = new Item(o.id(), Item.Kind.CALENDAR, m.folderId, m.created);
    ModifiedOccurrence ex = o.exception();
    v.changeKey = m.changeKey;
    v.modified = ex != null && ex.modified != null ? ex.modified : m.modified;
    v.fields.putAll(m.fields);
    v.extended.putAll(m.extended);
    v.bodyType = m.bodyType;
    if (ex != null) {
      ex.fields.forEach((k, val) -> {
        if (val == null) {
          v.fields.remove(k);
        } else {
          v.fields.put(k, val);
        }
      });
      ex.extended.forEach((k, val) -> {
        if (val == null) {
          v.extended.remove(k);
        } else {
          v.extended.put(k, val);
        }
      });
      v.bodyType = ex.bodyType != null ? ex.bodyType : v.bodyType;
    }
    v.fields.put("calendar:Start", o.start().toString());
    v.fields.put("calendar:End", o.end().toString());
    v.calendar.restore(m.calendar);
    v.calendar.recurrence = null;
    v.calendar.exceptions.clear();
    v.calendar.deleted.clear();
    v.occurrence = o;
    return v;
  }

  /**
   * Stores what {@code view} now differs in from its master as the
   * occurrence's exception: an updated occurrence is an exception from then
   * on, even if nothing differs.
   *
   * @throws ResponseMessageError {@code ErrorOccurrenceCrossingBoundary} when the occurrence would move onto or past a neighbour
   */
  public static void keep(Item view, Instant now) {
    Occurrence o = view.occurrence;
    Item master = o.master();
    Series series = new Series(master);
    Instant originalEnd = series.originalEnd(o.originalStart());
    ModifiedOccurrence ex = new ModifiedOccurrence();
    Set<String> keys = new HashSet<>(view.fields.keySet());
    keys.addAll(master.fields.keySet());
    for (String k : keys) {
      String base = k.equals("calendar:Start") ? o.originalStart().toString()
          : k.equals("calendar:End") ? originalEnd.toString() : master.fields.get(k);
      String value = view.fields.get(k);
      if (!Objects.equals(base, value)) {
        ex.fields.put(k, value);
      }
    }
    Set<ExtendedKey> extKeys = new HashSet<>(view.extended.keySet());
    extKeys.addAll(master.extended.keySet());
    for (ExtendedKey k : extKeys) {
      if (!Objects.equals(master.extended.get(k), view.extended.get(k))) {
        ex.extended.put(k, view.extended.get(k));
      }
    }
    ex.bodyType = view.bodyType.equals(master.bodyType) ? null : view.bodyType;
    ex.modified = now;
    checkBoundaries(series, o, Instant.parse(view.fields.get("calendar:Start")));
    master.calendar.exceptions.put(o.originalStart(), ex);
  }

  /** An occurrence may move, but not onto or past the occurrence before or after it (Exchange's ErrorOccurrenceCrossingBoundary). */
  private static void checkBoundaries(Series series, Occurrence o, Instant newStart) {
    Occurrence before = neighbour(series, o.index(), -1);
    Occurrence after = neighbour(series, o.index(), +1);
    if ((before != null && !newStart.isAfter(before.start())) || (after != null && !newStart.isBefore(after.start()))) {
      throw new ResponseMessageError("ErrorOccurrenceCrossingBoundary",
          "Modified occurrence is crossing or overlapping adjacent occurrence.");
    }
  }

  /** The nearest occurrence before ({@code step} -1) or after (+1) index {@code index} that is not deleted, or null. */
  private static Occurrence neighbour(Series series, int index, int step) {
    for (int i = index + step; i >= 1; i += step) {
      try {
        return series.atIndex(i);
      } catch (ResponseMessageError e) {
        if (!e.code.equals("ErrorCalendarOccurrenceIsDeletedFromRecurrence")) {
          return null;
        }
      }
    }
    return null;
  }
}
