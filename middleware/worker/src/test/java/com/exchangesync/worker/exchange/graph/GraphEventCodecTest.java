package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Graph's event JSON to the interface's fields and back, without a server. */
class GraphEventCodecTest {

  private static JsonObject time(String dateTime, String zone) {
    return new JsonObject().put("dateTime", dateTime).put("timeZone", zone);
  }

  private static JsonObject berlinMaster() {
    return new JsonObject().put("id", "AAMkM").put("changeKey", "ck1").put("type", "seriesMaster")
        .put("subject", "Pipeline review").put("originalStartTimeZone", "W. Europe Standard Time").put("isAllDay", false)
        .put("start", time("2026-03-02T08:00:00.0000000", "UTC")).put("end", time("2026-03-02T08:30:00.0000000", "UTC"))
        .put("sensitivity", "private").put("showAs", "workingElsewhere")
        .put("body", new JsonObject().put("contentType", "html").put("content", "<p>Bring <b>the</b> numbers &amp; plans.</p>"))
        .put("organizer", new JsonObject().put("emailAddress", new JsonObject().put("address", "ann@corp.example.com")))
        .put("attendees", new JsonArray()
            .add(new JsonObject().put("type", "required").put("emailAddress", new JsonObject().put("address", "pat@x.example.com").put("name", "Pat")))
            .add(new JsonObject().put("type", "resource").put("emailAddress", new JsonObject().put("address", "room@x.example.com"))))
        .put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "weekly").put("interval", 1).put("daysOfWeek", new JsonArray().add("monday"))
                .put("firstDayOfWeek", "sunday"))
            .put("range", new JsonObject().put("type", "numbered").put("startDate", "2026-03-02").put("numberOfOccurrences", 6)))
        .put("singleValueExtendedProperties", new JsonArray().add(new JsonObject().put("id", SalesforceIdProperty.ID).put("value", "00U1")));
  }

  @Test
  void aMasterReads_inItsOwnZone_withItsRule_attendeesButNoResource_andTheBodyAsText() {
    ExchangeItem m = GraphEventCodec.read(berlinMaster());
    assertThat(m.values()).containsEntry(ExchangeField.START, "2026-03-02T08:00:00Z").containsEntry(ExchangeField.END,
            "2026-03-02T08:30:00Z").containsEntry(ExchangeField.START_TIME_ZONE, "Europe/Berlin")
        .containsEntry(ExchangeField.RECURRENCE, "FREQ=WEEKLY;BYDAY=MO;COUNT=6")
        .containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "RecurringMaster").containsEntry(ExchangeField.SENSITIVITY, "Private")
        .containsEntry(ExchangeField.SHOW_AS, "WorkingElsewhere").containsEntry(ExchangeField.BODY, "Bring the numbers & plans.")
        .containsEntry(ExchangeField.ORGANIZER, "ann@corp.example.com")
        .containsEntry(ExchangeField.ATTENDEES, "[{\"email\":\"pat@x.example.com\",\"name\":\"Pat\",\"type\":\"Required\"}]");
    assertThat(m.salesforceId()).contains("00U1");
    assertThat(m.changeKey()).isEqualTo("ck1");
  }

  @Test
  void anAllDayOccurrence_readsItsDates_andItsOriginalStartAsADate() {
    JsonObject o = new JsonObject().put("id", "AAMkO").put("@odata.etag", "W/\"ck9\"").put("type", "exception")
        .put("seriesMasterId", "AAMkM").put("originalStartTimeZone", "New Zealand Standard Time").put("isAllDay", true)
        .put("start", time("2026-12-24T11:00:00.0000000", "UTC")).put("end", time("2026-12-25T11:00:00.0000000", "UTC"))
        .put("originalStart", "2026-12-24T11:00:00Z").put("showAs", "unknown");
    ExchangeItem item = GraphEventCodec.read(o);
    assertThat(item.values()).containsEntry(ExchangeField.START, "2026-12-25").containsEntry(ExchangeField.END, "2026-12-26")
        .containsEntry(ExchangeField.ORIGINAL_START, "2026-12-25").containsEntry(ExchangeField.SERIES_ID, "AAMkM")
        .containsEntry(ExchangeField.START_TIME_ZONE, "Pacific/Auckland").doesNotContainKey(ExchangeField.SHOW_AS);
    assertThat(item.changeKey()).isEqualTo("ck9");
  }

  @Test
  void aNewEvent_isWrittenInItsWindowsZone_withoutAttendees() {
    Map<ExchangeField, String> v = new HashMap<>();
    v.put(ExchangeField.SUBJECT, "Kick-off");
    v.put(ExchangeField.START, "2026-07-14");
    v.put(ExchangeField.END, "2026-07-15");
    v.put(ExchangeField.IS_ALL_DAY, "true");
    v.put(ExchangeField.START_TIME_ZONE, "Europe/Paris");
    v.put(ExchangeField.SHOW_AS, "OOF");
    v.put(ExchangeField.ATTENDEES, "[{\"email\":\"pat@x.example.com\",\"type\":\"Required\"}]");
    JsonObject body = GraphEventCodec.create(v);
    assertThat(body.getJsonObject("start")).isEqualTo(time("2026-07-14T00:00:00", "Romance Standard Time"));
    assertThat(body.getJsonObject("end")).isEqualTo(time("2026-07-15T00:00:00", "Romance Standard Time"));
    assertThat(body.getBoolean("isAllDay")).isTrue();
    assertThat(body.getString("showAs")).isEqualTo("oof");
    assertThat(body.containsKey("attendees")).isFalse();
  }

  @Test
  void anUpdate_sendsOnlyWhatDiffers_andAnOccurrenceTakesNoSeriesProperty() {
    JsonObject master = berlinMaster();
    assertThat(GraphEventCodec.update(master, Map.of(ExchangeField.SUBJECT, "Pipeline review", ExchangeField.SENSITIVITY, "PRIVATE",
        ExchangeField.START_TIME_ZONE, "Europe/Zurich"))).as("the same values, Zurich being Berlin to Exchange").isEmpty();
    JsonObject moved = GraphEventCodec.update(master, Map.of(ExchangeField.START, "2026-03-03T08:00:00Z",
        ExchangeField.END, "2026-03-03T08:30:00Z"));
    assertThat(moved.fieldNames()).containsExactlyInAnyOrder("start", "end", "recurrence");
    assertThat(moved.getJsonObject("recurrence").getJsonObject("range").getString("startDate")).isEqualTo("2026-03-03");
    Map<ExchangeField, String> single = new HashMap<>();
    single.put(ExchangeField.RECURRENCE, null);
    assertThat(GraphEventCodec.update(master, single).getValue("recurrence", "absent")).isNull();

    JsonObject occurrence = berlinMaster().put("type", "occurrence").put("seriesMasterId", "AAMkM").put("originalStart",
        "2026-03-09T08:00:00Z");
    assertThatThrownBy(() -> GraphEventCodec.update(occurrence, Map.of(ExchangeField.START_TIME_ZONE, "America/New_York")))
        .isInstanceOf(InvalidValue.class).hasMessageContaining("startTimeZone belongs to the series");
    assertThat(GraphEventCodec.update(occurrence, Map.of(ExchangeField.LOCATION, "Room 9")).fieldNames()).containsExactly("location");
  }

  @Test
  void aMeetingTheRepOrganizes_isOneWhoseAnnouncedChangesAreRefused() {
    assertThat(GraphEventCodec.isMeeting(berlinMaster())).isTrue();
    assertThat(GraphEventCodec.isMeeting(berlinMaster().put("isOrganizer", false))).as("an invitation in the rep's calendar").isFalse();
    assertThat(GraphEventCodec.announced(new JsonObject().put("showAs", "free").put("sensitivity", "private"))).isFalse();
    assertThat(GraphEventCodec.announced(new JsonObject().put("subject", "x"))).isTrue();
  }

  @Test
  void valuesGraphWouldRefuse_failTheItemWithAClearMessage() {
    Map<ExchangeField, String> v = new HashMap<>(Map.of(ExchangeField.START, "2026-03-02T08:00:00Z", ExchangeField.END,
        "2026-03-02T09:00:00Z", ExchangeField.SENSITIVITY, "Secret"));
    assertThatThrownBy(() -> GraphEventCodec.create(v)).isInstanceOf(InvalidValue.class).hasMessageContaining("sensitivity must be");
    v.put(ExchangeField.SENSITIVITY, "Normal");
    v.put(ExchangeField.RECURRENCE, "FREQ=MONTHLY;BYMONTHDAY=31");
    assertThatThrownBy(() -> GraphEventCodec.create(v)).isInstanceOf(InvalidValue.class).hasMessageContaining("BYMONTHDAY=31");
  }
}
