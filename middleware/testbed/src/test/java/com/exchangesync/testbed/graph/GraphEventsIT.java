package com.exchangesync.testbed.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events, series, occurrences and calendarView through Graph, over the calendar the admin API and EWS see. */
class GraphEventsIT extends GraphTestbedSupport {

  private static final String BERLIN = "W. Europe Standard Time";

  private JsonObject weeklyBerlinMeeting() throws Exception {
    return post("/users/" + ANN + "/events", new JsonObject().put("subject", "Pipeline review")
        .put("body", new JsonObject().put("contentType", "text").put("content", "Numbers first"))
        .put("start", new JsonObject().put("dateTime", "2026-03-02T09:00:00").put("timeZone", BERLIN))
        .put("end", new JsonObject().put("dateTime", "2026-03-02T10:00:00").put("timeZone", BERLIN))
        .put("location", new JsonObject().put("displayName", "Room 4"))
        .put("attendees", new JsonArray().add(new JsonObject().put("type", "required")
            .put("emailAddress", new JsonObject().put("address", "pat@acme.example.com").put("name", "Pat"))))
        .put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "weekly").put("interval", 1).put("daysOfWeek", new JsonArray().add("monday")))
            .put("range", new JsonObject().put("type", "numbered").put("startDate", "2026-03-02").put("numberOfOccurrences", 6)))
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", SF_ID).put("value", "00UREVIEW"))));
  }

  @Test
  void series_keepsItsLocalTimeAcrossDaylightSaving_andShowsAsOccurrencesInCalendarView() throws Exception {
    JsonObject master = weeklyBerlinMeeting();
    assertThat(master.getString("type")).isEqualTo("seriesMaster");
    assertThat(master.getJsonObject("start").getString("dateTime")).isEqualTo("2026-03-02T08:00:00.0000000");
    assertThat(master.getJsonObject("start").getString("timeZone")).isEqualTo("UTC");
    assertThat(master.getString("originalStartTimeZone")).isEqualTo(BERLIN);
    JsonObject pattern = master.getJsonObject("recurrence").getJsonObject("pattern");
    assertThat(pattern.getString("type")).isEqualTo("weekly");
    assertThat(pattern.getJsonArray("daysOfWeek").stream().toList()).containsExactly("monday");
    assertThat(master.getJsonObject("recurrence").getJsonObject("range").getInteger("numberOfOccurrences")).isEqualTo(6);
    assertThat(master.getJsonObject("organizer").getJsonObject("emailAddress").getString("address")).isEqualTo(ANN);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(1L);

    String window = "?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-30T00:00:00Z";
    JsonArray view = ok(call(HttpMethod.GET, "/users/" + ANN + "/calendarView" + window, null,
        Map.of("Prefer", "outlook.timezone=\"Europe/Berlin\""))).getJsonArray("value");
    assertThat(view).hasSize(6);
    for (Object o : view) {
      JsonObject e = (JsonObject) o;
      assertThat(e.getString("type")).isEqualTo("occurrence");
      assertThat(e.getString("seriesMasterId")).isEqualTo(master.getString("id"));
      assertThat(e.getJsonObject("start").getString("dateTime")).endsWith("T09:00:00.0000000");
      assertThat(e.getJsonObject("start").getString("timeZone")).isEqualTo("Europe/Berlin");
    }
    assertThat(view.getJsonObject(5).getString("originalStart")).isEqualTo("2026-04-06T07:00:00.0000000Z");
    assertThat(okGet("/users/" + ANN + "/events").getJsonArray("value")).singleElement()
        .satisfies(e -> assertThat(((JsonObject) e).getString("type")).isEqualTo("seriesMaster"));
    assertThat(okGet("/users/" + ANN + "/calendar/events/" + master.getString("id") + "/instances" + window).getJsonArray("value"))
        .hasSize(6);
    graphError(get("/users/" + ANN + "/calendarView"), 400, "ErrorInvalidParameter");

    JsonArray listed = sim.events(ANN, "2026-03-01T00:00:00Z", "2026-04-30T00:00:00Z");
    assertThat(listed).hasSize(6);
    assertThat(listed.getJsonObject(0).getString("seriesId")).isEqualTo(master.getString("id"));
  }

  @Test
  void occurrences_changeIntoExceptionsAndCancel_andMeetingsNotifyAttendees() throws Exception {
    JsonObject master = weeklyBerlinMeeting();
    String window = "?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-30T00:00:00Z";
    JsonArray view = okGet("/users/" + ANN + "/calendarView" + window).getJsonArray("value");
    String second = view.getJsonObject(1).getString("id");
    String third = view.getJsonObject(2).getString("id");

    JsonObject exception = patch("/users/" + ANN + "/events/" + second, new JsonObject().put("subject", "Pipeline review (moved)")
        .put("start", new JsonObject().put("dateTime", "2026-03-09T11:00:00").put("timeZone", BERLIN))
        .put("end", new JsonObject().put("dateTime", "2026-03-09T12:00:00").put("timeZone", BERLIN)));
    assertThat(exception.getString("type")).isEqualTo("exception");
    assertThat(exception.getString("originalStart")).isEqualTo("2026-03-09T08:00:00.0000000Z");
    assertThat(call(HttpMethod.DELETE, "/users/" + ANN + "/events/" + third, null, Map.of()).statusCode()).isEqualTo(204);
    graphError(get("/users/" + ANN + "/events/" + third), 404, "ErrorItemNotFound");
    graphError(call(HttpMethod.PATCH, "/users/" + ANN + "/events/" + second, new JsonObject().put("recurrence", null), Map.of()), 400,
        "ErrorInvalidProperty");

    JsonArray after = okGet("/users/" + ANN + "/calendarView" + window).getJsonArray("value");
    assertThat(after).hasSize(5);
    assertThat(after.getJsonObject(1).getString("subject")).isEqualTo("Pipeline review (moved)");
    JsonObject admin = sim.events(ANN).getJsonObject(0);
    assertThat(admin.getJsonArray("modifiedOccurrences")).hasSize(1);
    assertThat(admin.getJsonArray("deletedOccurrences")).hasSize(1);
    // One invitation, one update for the moved occurrence, one cancellation.
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(3L);

    patch("/users/" + ANN + "/events/" + master.getString("id"), new JsonObject().put("singleValueExtendedProperties",
        new JsonArray().add(new JsonObject().put("id", SF_ID).put("value", "00UOTHER"))));
    assertThat(sim.stats().getLong("meetingMessagesSent")).as("an extended property is not news to attendees").isEqualTo(3L);
    assertThat(call(HttpMethod.DELETE, "/users/" + ANN + "/events/" + master.getString("id"), null, Map.of()).statusCode())
        .isEqualTo(204);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isEqualTo(4L);
    assertThat(sim.events(ANN)).isEmpty();
  }

  @Test
  void eventsMadeByTheRep_readThroughGraph_inAnyPreferredZone() throws Exception {
    JsonObject made = sim.createEvent(ANN, new JsonObject().put("subject", "Offsite").put("start", "2026-06-10").put("end", "2026-06-12")
        .put("isAllDay", true).put("startTimeZone", "America/New_York").put("sensitivity", "Private").put("showAs", "OOF"));
    JsonObject read = ok(call(HttpMethod.GET, "/users/" + ANN + "/events/" + made.getString("id"), null,
        Map.of("Prefer", "outlook.timezone=\"Eastern Standard Time\"")));
    assertThat(read.getBoolean("isAllDay")).isTrue();
    assertThat(read.getJsonObject("start").getString("dateTime")).isEqualTo("2026-06-10T00:00:00.0000000");
    assertThat(read.getJsonObject("end").getString("dateTime")).isEqualTo("2026-06-12T00:00:00.0000000");
    assertThat(read.getString("sensitivity")).isEqualTo("private");
    assertThat(read.getString("showAs")).isEqualTo("oof");
    assertThat(read.getString("type")).isEqualTo("singleInstance");
    assertThat(read.getString("iCalUId")).isEqualTo(made.getString("uid"));

    JsonObject single = post("/users/" + ANN + "/calendar/events", new JsonObject().put("subject", "Call")
        .put("start", new JsonObject().put("dateTime", "2026-05-05T15:00:00").put("timeZone", "Pacific Standard Time"))
        .put("end", new JsonObject().put("dateTime", "2026-05-05T15:30:00").put("timeZone", "Pacific Standard Time"))
        .put("transactionId", "tx-1"));
    JsonObject retried = post("/users/" + ANN + "/events", new JsonObject().put("subject", "Call")
        .put("start", new JsonObject().put("dateTime", "2026-05-05T15:00:00").put("timeZone", "Pacific Standard Time"))
        .put("end", new JsonObject().put("dateTime", "2026-05-05T15:30:00").put("timeZone", "Pacific Standard Time"))
        .put("transactionId", "tx-1"));
    assertThat(retried.getString("id")).isEqualTo(single.getString("id"));
    assertThat(sim.events(ANN)).hasSize(2);
    graphError(call(HttpMethod.POST, "/users/" + ANN + "/events", new JsonObject().put("subject", "Bad zone")
        .put("start", new JsonObject().put("dateTime", "2026-05-05T15:00:00").put("timeZone", "Mars/Olympus"))
        .put("end", new JsonObject().put("dateTime", "2026-05-05T15:30:00").put("timeZone", "UTC")), Map.of()), 400,
        "TimeZoneNotSupportedException");
    graphError(call(HttpMethod.POST, "/users/" + ANN + "/events", new JsonObject().put("subject", "Backwards")
        .put("start", new JsonObject().put("dateTime", "2026-05-05T15:00:00").put("timeZone", "UTC"))
        .put("end", new JsonObject().put("dateTime", "2026-05-05T14:00:00").put("timeZone", "UTC")), Map.of()), 400,
        "ErrorCalendarEndDateIsEarlierThanStartDate");
    graphError(call(HttpMethod.PATCH, "/users/" + ANN + "/events/" + single.getString("id"), new JsonObject().put("showAs", "away"),
        Map.of()), 400, "RequestBodyRead");
    assertThat(sim.events(ANN)).hasSize(2);
  }
}
