package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import org.junit.jupiter.api.Test;

/** The admin API's events: series by RRULE in their time zone, the windowed listing, one occurrence changed or cancelled. */
class SimEventsIT extends ExchangeTestbedSupport {

  private JsonObject standUp() {
    return sim.createEvent(ANN, new JsonObject().put("subject", "Stand-up").put("start", "2026-03-23T09:00:00+01:00")
        .put("end", "2026-03-23T09:15:00+01:00").put("startTimeZone", "Europe/Berlin").put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=3")
        .put("attendees", new JsonArray().add(new JsonObject().put("email", "pat@customer.example.com").put("name", "Pat")
            .put("type", "Optional"))));
  }

  @Test
  void aSeriesMadeInOutlook_readsBackWithItsRule_zone_andAttendees() throws Exception {
    JsonObject made = standUp();
    assertThat(made.getString("recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
    assertThat(made.getString("startTimeZone")).isEqualTo("Europe/Berlin");
    assertThat(made.getString("calendarItemType")).isEqualTo("RecurringMaster");
    assertThat(made.getJsonArray("attendees").getJsonObject(0).getMap())
        .containsEntry("email", "pat@customer.example.com").containsEntry("type", "Optional");

    Appointment viaEws = Appointment.bind(service(ANN), new ItemId(made.getString("id")), PropertySet.FirstClassProperties);
    assertThat(viaEws.getRecurrence()).isInstanceOf(Recurrence.WeeklyPattern.class);
    assertThat(viaEws.getStartTimeZone().getId()).isEqualTo("W. Europe Standard Time");
    assertThat(viaEws.getOptionalAttendees().getItems()).hasSize(1);
  }

  @Test
  void theWindowedListing_expandsTheSeries_atNineLocal_acrossTheChangeToSummerTime() {
    JsonObject series = standUp();
    sim.createEvent(ANN, new JsonObject().put("subject", "One-off").put("start", "2026-03-25T10:00:00Z").put("end", "2026-03-25T11:00:00Z"));
    JsonArray shown = sim.events(ANN, "2026-03-22T00:00:00Z", "2026-04-30T00:00:00Z");
    assertThat(shown.stream().map(JsonObject.class::cast).map(e -> e.getString("type") + " " + e.getString("start")).toList())
        .containsExactly("Occurrence 2026-03-23T08:00:00Z", "Single 2026-03-25T10:00:00Z", "Occurrence 2026-03-30T07:00:00Z",
            "Occurrence 2026-04-06T07:00:00Z");
    JsonObject second = shown.getJsonObject(2);
    assertThat(second.getString("seriesId")).isEqualTo(series.getString("id"));
    assertThat(second.getString("originalStart")).isEqualTo("2026-03-30T07:00:00Z");
    assertThat(shown.getJsonObject(1).getValue("seriesId")).isNull();
    // Without a window, the stored items as before.
    assertThat(sim.events(ANN)).hasSize(2);
  }

  @Test
  void changingAndCancellingOneOccurrence_asInOutlook_reachesEwsAsAChangeOfTheMaster() throws Exception {
    JsonObject series = standUp();
    var service = service(ANN);
    FolderId calendar = new FolderId(WellKnownFolderName.Calendar);
    String state = service.syncFolderItems(calendar, PropertySet.IdOnly, null, 512, SyncFolderItemsScope.NormalItems, null).getSyncState();

    JsonObject moved = sim.updateOccurrence(ANN, series.getString("id"), "2026-03-30T07:00:00Z",
        new JsonObject().put("subject", "Stand-up (Tuesday)").put("start", "2026-03-31T09:00:00+02:00").put("end", "2026-03-31T09:15:00+02:00"));
    assertThat(moved.getString("type")).isEqualTo("Exception");
    sim.deleteOccurrence(ANN, series.getString("id"), "2026-04-06T07:00:00Z");

    JsonArray shown = sim.events(ANN, "2026-03-22T00:00:00Z", "2026-04-30T00:00:00Z");
    assertThat(shown.stream().map(JsonObject.class::cast).map(e -> e.getString("type") + " " + e.getString("subject")
        + " " + e.getString("start")).toList())
        .containsExactly("Occurrence Stand-up 2026-03-23T08:00:00Z", "Exception Stand-up (Tuesday) 2026-03-31T07:00:00Z");
    JsonObject master = sim.events(ANN).getJsonObject(0);
    assertThat(master.getJsonArray("modifiedOccurrences")).containsExactly("2026-03-30T07:00:00Z");
    assertThat(master.getJsonArray("deletedOccurrences")).containsExactly("2026-04-06T07:00:00Z");

    var changes = service.syncFolderItems(calendar, PropertySet.IdOnly, null, 512, SyncFolderItemsScope.NormalItems, state);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.getChangeType()).isEqualTo(ChangeType.Update);
      assertThat(c.getItemId().getUniqueId()).isEqualTo(series.getString("id"));
    });
    Appointment viaEws = Appointment.bind(service, new ItemId(series.getString("id")), PropertySet.FirstClassProperties);
    assertThat(viaEws.getModifiedOccurrences().getCount()).isEqualTo(1);
    assertThat(viaEws.getDeletedOccurrences().getCount()).isEqualTo(1);
    assertThat(sim.stats().getLong("meetingMessagesSent")).isZero();

    assertThatThrownBy(() -> sim.deleteOccurrence(ANN, series.getString("id"), "2026-04-06T07:00:00Z"))
        .hasMessageContaining("404").hasMessageContaining("already cancelled");
    assertThatThrownBy(() -> sim.deleteOccurrence(ANN, series.getString("id"), "2026-04-07T07:00:00Z"))
        .hasMessageContaining("404").hasMessageContaining("no occurrence");
    assertThatThrownBy(() -> sim.updateOccurrence(ANN, series.getString("id"), "2026-03-23T08:00:00Z",
        new JsonObject().put("recurrence", "FREQ=DAILY"))).hasMessageContaining("400").hasMessageContaining("belongs to the series");
  }

  @Test
  void allDayEvents_areDates_withAnExclusiveEnd() {
    JsonObject holiday = sim.createEvent(ANN, new JsonObject().put("subject", "Holiday").put("isAllDay", true)
        .put("start", "2026-12-24").put("end", "2026-12-26").put("startTimeZone", "W. Europe Standard Time"));
    assertThat(holiday.getString("start")).isEqualTo("2026-12-24");
    assertThat(holiday.getString("end")).isEqualTo("2026-12-26");
    JsonObject listed = sim.events(ANN, "2026-12-24T12:00:00Z", "2026-12-25T00:00:00Z").getJsonObject(0);
    assertThat(listed.getString("type")).isEqualTo("Single");
    assertThat(listed.getBoolean("isAllDay")).isTrue();
  }

  @Test
  void theOlderIsRecurringFlag_makesOutlooksDefaultWeeklySeries() {
    JsonObject made = sim.createEvent(ANN, new JsonObject().put("subject", "Weekly").put("start", "2026-12-03T08:00:00-05:00")
        .put("end", "2026-12-03T08:15:00-05:00").put("isRecurring", true));
    assertThat(made.getString("recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=TH");
    assertThat(made.getBoolean("isRecurring")).isTrue();
  }

  @Test
  void badEventInput_isA400NamingTheProblem_andChangesNothing() {
    JsonObject series = standUp();
    for (JsonObject bad : List.of(new JsonObject().put("recurrence", "FREQ=HOURLY"), new JsonObject().put("showAs", "Away"),
        new JsonObject().put("startTimeZone", "Mars/Olympus"), new JsonObject().put("attendees", new JsonArray().add("pat")),
        new JsonObject().put("end", "2026-03-01T00:00:00Z"), new JsonObject().put("colour", "red"))) {
      assertThatThrownBy(() -> sim.updateEvent(ANN, series.getString("id"), bad)).as(bad.encode()).hasMessageContaining("400");
    }
    JsonObject unchanged = sim.events(ANN).getJsonObject(0);
    assertThat(unchanged.getString("changeKey")).isEqualTo(series.getString("changeKey"));
    assertThat(unchanged.getString("recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=MO;COUNT=3");
    assertThatThrownBy(() -> sim.events(ANN, "2026-03-01T00:00:00Z", "yesterday")).hasMessageContaining("'to'");
  }
}
