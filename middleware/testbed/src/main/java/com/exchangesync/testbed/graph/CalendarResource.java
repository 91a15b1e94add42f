package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.ExtendedKey;
import com.exchangesync.testbed.exchange.Folder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The user's main calendar as Graph's {@code calendar} resource: {@code /calendar}
 * (what a connection test reads to see the calendar is there) and
 * {@code /calendars/{id}}, which reads it with {@code $select} and
 * {@code $expand=singleValueExtendedProperties(…)} and takes a {@code PATCH} of
 * its {@code singleValueExtendedProperties}: the calendar folder's extended
 * properties, the same ones EWS reads and writes with {@code GetFolder} and
 * {@code UpdateFolder}. The main calendar is the only calendar the test bed
 * keeps, so another id is {@code ErrorItemNotFound}.
 */
final class CalendarResource {

  /** The calendar's properties a client may write; this test bed writes the extended properties only. */
  private static final Set<String> WRITABLE = Set.of("name", "color", "isDefaultCalendar", "isRemovable",
      "canShare", "canViewPrivateItems", "canEdit", "hexColor", "owner", "changeKey", "isTallyingResponses",
      "allowedOnlineMeetingProviders", "defaultOnlineMeetingProvider");

  private CalendarResource() {}

  static GraphResponse get(GraphCall call) {
    return GraphResponse.ok(ODataQuery.shape(call, json(call), "calendar").put("@odata.context", call.context("calendar/$entity")));
  }

  static GraphResponse getById(GraphCall call) {
    main(call);
    return GraphResponse.ok(ODataQuery.shape(call, json(call), "calendar").put("@odata.context", call.context("calendars/$entity")));
  }

  static GraphResponse update(GraphCall call) {
    Folder calendar = main(call);
    JsonObject body = call.request().json();
    for (String key : body.fieldNames()) {
      if (key.startsWith("@odata.") || key.equals("id") || key.equals("singleValueExtendedProperties")) {
        continue;
      }
      if (WRITABLE.contains(key)) {
        throw GraphError.badRequest("This test bed changes a calendar's singleValueExtendedProperties only, not '" + key + "'.");
      }
      throw ContactJson.unknownProperty(key, "calendar");
    }
    if (body.containsKey("singleValueExtendedProperties")) {
      Map<ExtendedKey, String> after = new LinkedHashMap<>(calendar.extended);
      ExtendedProperties.apply(body.getValue("singleValueExtendedProperties"), after);
      calendar.extended.clear();
      calendar.extended.putAll(after);
      call.state().store.folderChanged(calendar);
    }
    // As Graph answers a PATCH: the resource, without the extended properties written.
    JsonObject out = json(call);
    out.remove("singleValueExtendedProperties");
    return GraphResponse.ok(out.put("@odata.context", call.context("calendars/$entity")));
  }

  /** The main calendar, which {@code /calendars/{id}} must name. */
  private static Folder main(GraphCall call) {
    String id = call.segment(1);
    GraphCall.checkId(id);
    Folder calendar = call.mailbox().calendar;
    if (!calendar.id.equals(id)) {
      throw GraphError.itemNotFound();
    }
    return calendar;
  }

  private static JsonObject json(GraphCall call) {
    var m = call.mailbox();
    return new JsonObject()
        .put("id", m.calendar.id).put("name", m.calendar.displayName).put("color", "auto").put("hexColor", "")
        .put("isDefaultCalendar", true).put("changeKey", m.calendar.changeKey).put("canShare", true).put("canViewPrivateItems", true)
        .put("canEdit", true).put("allowedOnlineMeetingProviders", new JsonArray().add("teamsForBusiness"))
        .put("defaultOnlineMeetingProvider", "teamsForBusiness").put("isTallyingResponses", true).put("isRemovable", false)
        .put("owner", new JsonObject().put("name", m.displayName).put("address", m.smtp))
        .put("singleValueExtendedProperties", ExtendedProperties.json(m.calendar.extended));
  }
}
