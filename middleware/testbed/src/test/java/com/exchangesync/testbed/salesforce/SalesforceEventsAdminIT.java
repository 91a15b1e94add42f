package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events, series and invitees made as a person in the UI would: /sim/records/Event and /sim/records/EventRelation. */
class SalesforceEventsAdminIT extends SalesforceTestbedSupport {

  private void orgWithAnnInLosAngeles() {
    sim.org(new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD))
        .put("users", new JsonArray()
            .add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com").put("name", "Ann Rep")
                .put("timeZoneSidKey", "America/Los_Angeles"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com").put("name", "Bob Rep"))));
  }

  private List<JsonObject> events() {
    return sim.records("Event").stream().map(JsonObject.class::cast)
        .sorted((a, b) -> a.getString("StartDateTime").compareTo(b.getString("StartDateTime"))).toList();
  }

  @Test
  void anEventMadeInTheUi_getsItsTimesInTheMakersTimeZone() {
    orgWithAnnInLosAngeles();
    JsonObject e = sim.create("Event", new JsonObject().put("Subject", "Dinner").put("StartDateTime", "2030-03-04T19:00:00-08:00")
        .put("EndDateTime", "2030-03-04T21:00:00-08:00"));
    assertThat(e.getString("StartDateTime")).isEqualTo("2030-03-05T03:00:00.000Z");
    assertThat(e.getString("ActivityDate")).as("Ann's day").isEqualTo("2030-03-04");
    assertThat(e.getInteger("DurationInMinutes")).isEqualTo(120);
    assertThat(e.getBoolean("IsChild")).isFalse();
    assertThat(e.getString("OwnerId")).isEqualTo(SalesforceIds.canonical(ANN_ID));

    JsonObject allDay = sim.create("Event", new JsonObject().put("Subject", "Holiday").put("IsAllDayEvent", true)
        .put("ActivityDate", "2030-07-04"));
    assertThat(allDay.getString("StartDateTime")).isEqualTo("2030-07-04T00:00:00.000Z");
    assertThat(allDay.getInteger("DurationInMinutes")).isEqualTo(1440);
    assertThat(allDay.containsKey("ActivityDateTime")).isFalse();

    JsonObject moved = sim.update("Event", e.getString("Id"), new JsonObject().put("DurationInMinutes", 30));
    assertThat(moved.getString("EndDateTime")).isEqualTo("2030-03-05T03:30:00.000Z");
  }

  @Test
  void refusalsAreThe400sWithTheOrgsErrors() {
    assertThatThrownBy(() -> sim.create("Event", new JsonObject().put("Subject", "Backwards")
        .put("StartDateTime", "2030-03-04T10:00:00Z").put("EndDateTime", "2030-03-04T09:00:00Z")))
        .hasMessageContaining("answered 400").hasMessageContaining("FIELD_INTEGRITY_EXCEPTION")
        .hasMessageContaining("\"fields\":[\"EndDateTime\"]");
    assertThatThrownBy(() -> sim.create("Event", new JsonObject().put("Subject", "Sneaky").put("IsChild", true)
        .put("StartDateTime", "2030-03-04T10:00:00Z").put("DurationInMinutes", 5)))
        .hasMessageContaining("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThatThrownBy(() -> sim.create("Event", new JsonObject().put("Subject", "Forever").put("IsRecurrence2", true)
        .put("Recurrence2PatternText", "RRULE:FREQ=DAILY").put("StartDateTime", "2030-03-04T10:00:00Z")
        .put("DurationInMinutes", 5))).hasMessageContaining("needs an end");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("users", new JsonArray().add(new JsonObject().put("username", "x@y.z")
        .put("timeZoneSidKey", "PST"))))).hasMessageContaining("answered 400").hasMessageContaining("timeZoneSidKey");
    assertThat(sim.records("Event")).isEmpty();
  }

  @Test
  void aSeriesMadeInTheUi_andOneOccurrenceChanged() {
    orgWithAnnInLosAngeles();
    JsonObject first = sim.create("Event", new JsonObject().put("Subject", "Standup").put("StartDateTime", "2030-03-04T09:00:00-08:00")
        .put("DurationInMinutes", 15).put("IsRecurrence2", true).put("Recurrence2PatternText", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10"));
    assertThat(first.getString("Recurrence2PatternTimeZone")).as("Ann's zone").isEqualTo("America/Los_Angeles");
    List<JsonObject> all = events();
    assertThat(all).hasSize(10);
    // Los Angeles moves to daylight time on 2030-03-10: 09:00 stays 09:00
    assertThat(all.get(4).getString("StartDateTime")).isEqualTo("2030-03-08T17:00:00.000Z");
    assertThat(all.get(5).getString("StartDateTime")).isEqualTo("2030-03-11T16:00:00.000Z");

    JsonObject changed = sim.update("Event", all.get(5).getString("Id"), new JsonObject().put("Subject", "Standup (demo day)"));
    assertThat(changed.getBoolean("IsRecurrence2Exception")).isTrue();
    sim.delete("Event", all.get(6).getString("Id"));
    assertThat(events()).hasSize(9);
  }

  @Test
  void anInvitationMadeInTheUi_givesTheUserACopy_untilItIsDeleted() {
    orgWithAnnInLosAngeles();
    JsonObject meeting = sim.create("Event", new JsonObject().put("Subject", "QBR").put("StartDateTime", "2030-03-04T17:00:00Z")
        .put("DurationInMinutes", 60));
    JsonObject invitation = sim.create("EventRelation", new JsonObject().put("EventId", meeting.getString("Id"))
        .put("RelationId", BOB_ID).put("IsInvitee", true));
    assertThat(invitation.getString("Status")).isEqualTo("New");
    assertThat(invitation.getBoolean("IsParent")).isFalse();
    assertThat(sim.records("EventRelation")).hasSize(1);
    List<JsonObject> all = events();
    assertThat(all).hasSize(2);
    JsonObject copy = all.stream().filter(e -> e.getBoolean("IsChild")).findFirst().orElseThrow();
    assertThat(copy.getString("OwnerId")).isEqualTo(SalesforceIds.canonical(BOB_ID));
    assertThat(sim.get("Event", meeting.getString("Id")).getBoolean("IsGroupEvent")).isTrue();
    assertThatThrownBy(() -> sim.update("Event", copy.getString("Id"), new JsonObject().put("Subject", "x")))
        .hasMessageContaining("IsChild");

    sim.delete("EventRelation", invitation.getString("Id"));
    assertThat(events()).hasSize(1);
    assertThat(sim.get("Event", copy.getString("Id")).getBoolean("IsDeleted")).isTrue();
  }
}
