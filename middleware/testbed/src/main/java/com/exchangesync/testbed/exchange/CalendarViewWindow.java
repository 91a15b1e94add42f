package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A {@code FindItem} {@code CalendarView}: the calendar as it shows a time
 * window, singles and every occurrence and exception of each series that
 * overlap it (ending at or after {@code StartDate}, starting before
 * {@code EndDate}), in order of start. Exchange's limits: a window of at most
 * two years ({@code ErrorCalendarViewRangeTooBig}); {@code MaxEntriesReturned}
 * returns the first entries only (no paging: {@code IncludesLastItemInRange}
 * says whether more were left); more than 1,000 entries returned is
 * {@code ErrorExceededFindCountLimit} (the default throttling policy's
 * {@code EWSFindCountLimit}).
 */
public record CalendarViewWindow(Instant start, Instant end, int maxEntries) {

  /** The default throttling policy's EWSFindCountLimit. */
  public static final int FIND_COUNT_LIMIT = 1000;

  public static CalendarViewWindow of(Element view, CalendarZone context) {
    Instant start = instant(view.getAttribute("StartDate"), context);
    Instant end = instant(view.getAttribute("EndDate"), context);
    if (end.isBefore(start)) {
      throw new ResponseMessageError("ErrorCalendarEndDateIsEarlierThanStartDate", "The end date occurs before the start date.");
    }
    if (end.isAfter(start.atOffset(ZoneOffset.UTC).plusYears(2).toInstant())) {
      throw new ResponseMessageError("ErrorCalendarViewRangeTooBig", "The specified view range exceeds the maximum range of two years.");
    }
    int max = view.hasAttribute("MaxEntriesReturned") ? Integer.parseInt(view.getAttribute("MaxEntriesReturned").trim()) : Integer.MAX_VALUE;
    if (max < 1) {
      throw new ResponseMessageError("ErrorInvalidPagingMaxRows", "The MaxEntriesReturned value must be greater than zero.");
    }
    return new CalendarViewWindow(start, end, max);
  }

  private static Instant instant(String value, CalendarZone context) {
    return Instant.parse(ItemCodec.utc(value.trim(), context));
  }

  /** Everything the window shows in {@code folder}, in order of start: stored singles and occurrence views. */
  public List<Item> all(Mailbox mailbox, Folder folder) {
    List<Item> shown = new ArrayList<>();
    for (Item item : mailbox.itemsIn(folder.id)) {
      if (item.kind != Item.Kind.CALENDAR || item.fields.get("calendar:Start") == null) {
        continue;
      }
      if (item.calendar.recurrence != null) {
        new Series(item).between(start, end).forEach(o -> shown.add(OccurrenceViews.view(o)));
      } else if (overlaps(item)) {
        shown.add(item);
      }
    }
    shown.sort(Comparator.comparing((Item i) -> Instant.parse(i.fields.get("calendar:Start")))
        .thenComparing(i -> Instant.parse(i.fields.getOrDefault("calendar:End", i.fields.get("calendar:Start")))));
    return shown;
  }

  private boolean overlaps(Item item) {
    Instant s = Instant.parse(item.fields.get("calendar:Start"));
    Instant e = Instant.parse(item.fields.getOrDefault("calendar:End", item.fields.get("calendar:Start")));
    return !e.isBefore(start) && s.isBefore(end);
  }

  /** The first {@code MaxEntriesReturned} of {@code all}. */
  public List<Item> returned(List<Item> all) {
    List<Item> page = all.subList(0, Math.min(all.size(), maxEntries));
    if (page.size() > FIND_COUNT_LIMIT) {
      throw new ResponseMessageError("ErrorExceededFindCountLimit", "You have exceeded the maximum number of objects that can be"
          + " returned for the find operation. Use paging to reduce the result size and try your request again.",
          "<t:Value Name=\"PolicyLimit\">" + FIND_COUNT_LIMIT + "</t:Value>");
    }
    return page;
  }
}
