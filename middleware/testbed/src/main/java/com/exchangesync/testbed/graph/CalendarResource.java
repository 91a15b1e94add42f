package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;

/**
 * {@code /calendar}: the user's main calendar as Graph's {@code calendar}
 * resource (what a connection test reads to see the calendar is there).
 */
final class CalendarResource {

  private CalendarResource() {}

  static GraphResponse get(GraphCall call) {
    var m = call.mailbox();
    return GraphResponse.ok(new JsonObject().put("@odata.context", call.context("calendar/$entity"))
        .put("id", m.calendar.id).put("name", m.calendar.displayName).put("color", "auto").put("hexColor", "")
        .put("isDefaultCalendar", true).put("changeKey", m.calendar.changeKey).put("canShare", true).put("canViewPrivateItems", true)
        .put("canEdit", true).put("allowedOnlineMeetingProviders", new io.vertx.core.json.JsonArray().add("teamsForBusiness"))
        .put("defaultOnlineMeetingProvider", "teamsForBusiness").put("isTallyingResponses", true).put("isRemovable", false)
        .put("owner", new JsonObject().put("name", m.displayName).put("address", m.smtp)));
  }
}
