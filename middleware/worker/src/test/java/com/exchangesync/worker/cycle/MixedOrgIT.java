package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An org moving from Exchange Server to Exchange Online with the same
 * mailboxes: the same contacts, events and series pass through EWS and then
 * through Graph, and back, with no duplicate on either side and every link kept.
 * Our extended property is the bridge: the test beds give an item the same id
 * through both protocols, where real Exchange does not, so the bridge is also
 * shown by Reset Sync (every link forgotten) followed by a Graph cycle, which
 * pairs every item again by the Salesforce id EWS wrote on it.
 */
class MixedOrgIT extends CycleTestBase {

  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;
  private GraphCycles graph;

  @Override
  MailboxConnectors graphConnectors() throws Exception {
    graph = new GraphCycles(ex);
    return graph.connectors(sf.vertx);
  }

  @AfterEach
  void closeGraph() throws Exception {
    graph.close();
  }

  private RepOutcome of(List<RepOutcome> outcomes, ItemKind kind) {
    return outcomes.stream().filter(o -> o.email().equals(ANN_MAIL) && o.concerns(kind)).findFirst().orElseThrow();
  }

  private Stream<JsonObject> sfEvents() {
    return sf.sim.records("Event").stream().map(JsonObject.class::cast).filter(e -> !Boolean.TRUE.equals(e.getBoolean("IsChild")));
  }

  /** What both sides hold for Ann, as counts: contacts in Salesforce and Exchange, events in Salesforce and Exchange. */
  private List<Long> counts() {
    return List.of((long) sf.sim.records("Contact").size(), (long) ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").size(),
        sfEvents().count(), (long) ex.sim.events(ANN_MAIL).size());
  }

  private List<String> errorCodes() throws Exception {
    Blocking.await(drainer.drainOnce());
    return sf.sim.records("ExchangeSyncError__c").stream().map(o -> ((JsonObject) o).getString("Error_Code__c")).toList();
  }

  @Test
  void theSameDataPassesThroughEwsThenGraphThenEwsAgain_withNoDuplicate_andAResetGraphCyclePairsEverythingByOurMark()
      throws Exception {
    sf.sim.update("Exchange_Sync_Configuration__c", config, new JsonObject().put("Event_Sync_Direction__c", "Both directions")
        .put("Event_Conflict_Behavior__c", "Salesforce wins"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String monday = today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).toString();
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    sf.sim.create("Event", new JsonObject().put("Subject", "From Salesforce").put("StartDateTime", today.plusDays(2) + "T09:00:00Z")
        .put("EndDateTime", today.plusDays(2) + "T10:00:00Z").put("OwnerId", ANN));
    cycle.run(); // EWS makes Salesforce_Sync
    ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook").put("surname", "Only")
        .put("email", "outlook@customer.example.com"));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "From Outlook").put("start", today.plusDays(3) + "T09:00:00Z")
        .put("end", today.plusDays(3) + "T10:00:00Z"));
    String series = ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Weekly").put("start", monday + "T09:00:00Z")
        .put("end", monday + "T09:30:00Z").put("startTimeZone", "UTC").put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=3"))
        .getString("id");
    cycle.run();
    cycle.run();
    List<Long> synced = counts();
    assertThat(synced).as("2 contacts each side; Salesforce: 2 events + 3 occurrences; Exchange: 2 events + the series")
        .containsExactly(2L, 2L, 5L, 3L);

    graph.setType(sf, GraphCycles.GRAPH);
    List<RepOutcome> onGraph = cycle.run();
    assertThat(of(onGraph, ItemKind.CONTACT).report().orElseThrow().writes()).as("contacts written on the switch").isZero();
    assertThat(of(onGraph, ItemKind.EVENT).report().orElseThrow().writes()).as("events written on the switch").isZero();
    assertThat(counts()).isEqualTo(synced);
    assertThat(graph.graph.graphStats().getLong("httpRequests")).isPositive();

    // The sync goes on through Graph: the rep's edit of an occurrence reaches Salesforce.
    ex.sim.updateOccurrence(ANN_MAIL, series, LocalDate.parse(monday).plusWeeks(1) + "T09:00:00Z",
        new JsonObject().put("subject", "Weekly (moved room)"));
    cycle.run();
    assertThat(sfEvents().map(e -> e.getString("Subject"))).containsOnlyOnce("Weekly (moved room)");

    JsonObject status = userStatus(ANN);
    sf.sim.update("Exchange_Sync_User_Status__c", status.getString("Id"), new JsonObject().put("Reset_Status__c", "Marked for reset"));
    List<RepOutcome> reset = cycle.run();
    assertThat(of(reset, ItemKind.CONTACT).report().orElseThrow().matched()).as("contacts paired again by their mark").isEqualTo(2);
    assertThat(of(reset, ItemKind.EVENT).report().orElseThrow().matched()).as("events paired again").isPositive();
    assertThat(counts()).isEqualTo(synced);
    assertThat(userStatus(ANN).getString("Reset_Status__c")).isNull();

    graph.setType(sf, GraphCycles.EWS);
    List<RepOutcome> back = cycle.run();
    assertThat(of(back, ItemKind.CONTACT).report().orElseThrow().writes()).isZero();
    assertThat(counts()).isEqualTo(synced);
    assertThat(errorCodes()).isEmpty();
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).isZero();
  }
}
