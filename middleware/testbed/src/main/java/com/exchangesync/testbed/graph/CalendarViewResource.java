package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.CalendarViewWindow;
import com.exchangesync.testbed.exchange.Item;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code calendarView?startDateTime=&endDateTime=} (also under
 * {@code /calendar}): what the calendar shows in that window, singles and
 * every occurrence and exception of each series (never the masters), in order
 * of start, paged like any collection. Both ends are required
 * ({@code ErrorInvalidParameter} otherwise); an end before the start shows
 * nothing.
 */
final class CalendarViewResource {

  private CalendarViewResource() {}

  static GraphResponse list(GraphCall call) {
    Instant start = GraphTime.queryInstant(call.request().option("startDateTime"));
    Instant end = GraphTime.queryInstant(call.request().option("endDateTime"));
    List<JsonObject> out = new ArrayList<>();
    if (end.isAfter(start)) {
      for (Item item : shown(call, start, end)) {
        out.add(EventJson.render(item, call.mailbox(), GraphTime.outputZone(call.request())));
      }
    }
    return GraphResponse.ok(ODataQuery.collection(call, out, "calendarView", "event"));
  }

  /** Singles and occurrence views in the window, in order of start. */
  static List<Item> shown(GraphCall call, Instant start, Instant end) {
    return new CalendarViewWindow(start, end, Integer.MAX_VALUE).all(call.mailbox(), call.mailbox().calendar);
  }
}
