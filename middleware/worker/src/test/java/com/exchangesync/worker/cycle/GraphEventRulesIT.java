package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every events rule of {@link EventRulesIT}, each through whole cycles, with the
 * org on Exchange Online: the worker reaches the same mailboxes through the
 * Microsoft Graph test bed instead of EWS, and events behave the same (series,
 * exceptions, cancellations found by comparing a series' instances, all-day
 * dates, zones, private events, the filter, Reset Sync, no meeting message),
 * but for invitees: Graph emails attendees whenever it writes them, so on
 * Exchange Online invitees and attendees each stay where they are.
 */
class GraphEventRulesIT extends EventRulesIT {

  private GraphCycles graph;

  @Override
  MailboxConnectors graphConnectors() throws Exception {
    graph = new GraphCycles(ex);
    return graph.connectors(sf.vertx);
  }

  @BeforeEach
  void onExchangeOnline() {
    graph.setType(sf, GraphCycles.GRAPH);
  }

  private Stream<JsonObject> invitees(String eventId) {
    return sf.sim.records("EventRelation").stream().map(JsonObject.class::cast)
        .filter(r -> eventId.equals(r.getString("EventId")) && Boolean.TRUE.equals(r.getBoolean("IsInvitee")));
  }

  @Test
  @Override
  @DisplayName("On Exchange Online, Salesforce's invitees and Outlook's attendees each stay where they are, and nobody is sent anything")
  void attendeesSalesforceKnows_becomeInvitees_andNobodyIsSentAnything() throws Exception {
    configure(new JsonObject());
    contact(ANN, "Pat", "Customer", "pat@customer.example.com"); // an attendee Salesforce knows
    String lee = contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Demo").put("start", day(4) + "T09:00:00Z")
        .put("end", day(4) + "T10:00:00Z").put("attendees", new JsonArray()
            .add(new JsonObject().put("email", "pat@customer.example.com").put("name", "Pat Customer").put("type", "Required"))));
    String review = sfEvent(ANN, new JsonObject().put("Subject", "Review").put("StartDateTime", day(5) + "T09:00:00Z")
        .put("EndDateTime", day(5) + "T10:00:00Z"));
    sf.sim.create("EventRelation", new JsonObject().put("EventId", review).put("RelationId", lee).put("IsInvitee", true));
    cycle.run();
    cycle.run();
    String demo = sfEvents().filter(e -> "Demo".equals(e.getString("Subject"))).findFirst().orElseThrow().getString("Id");
    assertThat(invitees(demo)).as("Outlook's attendees are not copied to Salesforce").isEmpty();
    assertThat(invitees(review)).as("Salesforce's invitee stays").extracting(r -> r.getString("RelationId").substring(0, 15))
        .containsExactly(lee.substring(0, 15));
    assertThat(annEvents().filter(e -> "Review".equals(e.getString("subject"))).findFirst().orElseThrow().getValue("attendees"))
        .as("no attendee written through Graph").isIn(null, new JsonArray());
    assertThat(annEvents().filter(e -> "Demo".equals(e.getString("subject"))).findFirst().orElseThrow().getJsonArray("attendees"))
        .as("the rep's attendee stays").hasSize(1);
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).isZero();
  }

  @Test
  @Override
  @DisplayName("On Exchange Online, a meeting in two reps' calendars is one Salesforce event, and the other rep is not made an invitee")
  void aMeetingInTwoRepsCalendars_isOneSalesforceEvent_withTheOtherRepInvited() throws Exception {
    aKickOffInAnnsAndBobsCalendars();
    cycle.run();
    assertThat(sfEvents().filter(e -> "Kick-off".equals(e.getString("Subject")))).as("one event for the meeting").hasSize(1);
    String kickOff = sfEvents().filter(e -> "Kick-off".equals(e.getString("Subject"))).findFirst().orElseThrow().getString("Id");
    assertThat(invitees(kickOff)).as("attendees are not copied to Salesforce on Exchange Online").isEmpty();
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("OwnerId").startsWith(BOB))).as("no second event in Bob's name").isEmpty();
    assertThat(eventsOf(cycle.run(), ExchangeTestbedFixture.BOB).report().orElseThrow().writes()).isZero();
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).isZero();
  }

  @AfterEach
  void closeGraph() throws Exception {
    graph.assertOnlyGraphWasUsed();
    graph.close();
  }
}
