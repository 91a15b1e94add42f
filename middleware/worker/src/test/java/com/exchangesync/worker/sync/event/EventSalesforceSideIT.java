package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceObject;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.salesforce.SoapSalesforcePeople;
import com.exchangesync.worker.salesforce.SoapSalesforceRecords;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events' Salesforce side against the Salesforce test bed, which keeps
 * events as an org does: times as the engine writes them read back the same,
 * creation keys on events, invitees as EventRelation rows.
 */
class EventSalesforceSideIT {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;
  private PeopleDirectory directory;
  private EventSalesforceSide side;
  private final EventTime time = new EventTime();
  private final List<String> fields = List.of("Subject", "StartDateTime", "EndDateTime", "IsAllDayEvent", "ActivityDate",
      "DurationInMinutes", "OwnerId", Invitees.FIELD);

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture("", new JsonObject().put("privateObjects", new JsonArray()));
    adapter = sf.adapter();
    directory = new PeopleDirectory(SalesforceTestbedFixture.ANN);
    side = new EventSalesforceSide(new SoapSalesforceRecords(adapter, SalesforceObject.EVENT), new SoapSalesforcePeople(adapter),
        directory);
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    sf.close();
  }

  private Map<String, String> event(String subject, String when, String invitees) {
    Map<String, String> f = new HashMap<>(time.toSalesforce(when));
    f.put("Subject", subject);
    f.put(Invitees.FIELD, invitees);
    return f;
  }

  @Test
  void timesWrittenAsTheEngineWritesThem_readBackTheSame_withTheirCreationKeys() throws Exception {
    List<SalesforceSide.WriteOutcome> made = side.create(SalesforceTestbedFixture.ANN, List.of(
        event("Call", "2026-12-03T08:00:00Z/2026-12-03T09:30:00Z", null),
        event("Holiday", "2026-12-24/2026-12-26", null)), List.of("uid-call", "uid-holiday"));
    assertThat(made).allSatisfy(o -> assertThat(o.succeeded()).as(o.message()).isTrue());
    Map<String, SalesforceItem> byKey = side.byCreationKey(List.of("uid-call", "uid-holiday"), fields);
    assertThat(time.fromSalesforce(byKey.get("uid-call").fields())).isEqualTo("2026-12-03T08:00:00Z/2026-12-03T09:30:00Z");
    assertThat(time.fromSalesforce(byKey.get("uid-holiday").fields())).isEqualTo("2026-12-24/2026-12-26");
    assertThat(byKey.get("uid-holiday").get("ActivityDate")).isEqualTo("2026-12-24");

    Scope window = new Scope(SalesforceTestbedFixture.ANN, false, List.of(
        new FieldFilter("EndDateTime", FieldFilter.Operator.AT_OR_AFTER, "2026-12-20T00:00:00Z")));
    assertThat(side.changedSince(window, Optional.empty(), Set.of(), fields).inScope()).extracting(i -> i.get("Subject"))
        .containsExactly("Holiday");
  }

  @Test
  void inviteesAreEventRelations_inAndOut() throws Exception {
    String contact = sf.sim.create("Contact", new JsonObject().put("LastName", "Customer").put("FirstName", "Pat")
        .put("Email", "pat@customer.example.com").put("OwnerId", SalesforceTestbedFixture.ANN)).getString("Id");
    directory.learn(Set.of("pat@customer.example.com", "bob@corp.example.com", "nobody@elsewhere.example.com"));
    String id = side.create(SalesforceTestbedFixture.ANN, List.of(event("Review", "2026-12-04T10:00:00Z/2026-12-04T11:00:00Z",
        "bob@corp.example.com,pat@customer.example.com")), List.of("uid-review")).get(0).id().orElseThrow();
    assertThat(side.get(SalesforceTestbedFixture.ANN, List.of(id), fields).get(0).get(Invitees.FIELD))
        .isEqualTo("bob@corp.example.com,pat@customer.example.com");
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> Boolean.TRUE.equals(e.getBoolean("IsChild")))).as("Bob, a user, gets his invitee copy").hasSize(1);

    assertThat(side.update(List.of(new SalesforceSide.RecordUpdate(id, Map.of(Invitees.FIELD, "pat@customer.example.com")))))
        .allSatisfy(o -> assertThat(o.succeeded()).isTrue());
    assertThat(side.get(SalesforceTestbedFixture.ANN, List.of(id), fields).get(0).get(Invitees.FIELD))
        .isEqualTo("pat@customer.example.com");
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> Boolean.TRUE.equals(e.getBoolean("IsChild")))).as("uninvited: the copy is gone").isEmpty();

    // The event's who is a row already: inviting them updates it.
    sf.sim.update("Event", id, new JsonObject().put("WhoId", contact));
    side.update(List.of(new SalesforceSide.RecordUpdate(id, Map.of(Invitees.FIELD, ""))));
    assertThat(side.get(SalesforceTestbedFixture.ANN, List.of(id), fields).get(0).get(Invitees.FIELD)).isNull();
    side.update(List.of(new SalesforceSide.RecordUpdate(id, Map.of(Invitees.FIELD, "pat@customer.example.com"))));
    assertThat(side.get(SalesforceTestbedFixture.ANN, List.of(id), fields).get(0).get(Invitees.FIELD))
        .isEqualTo("pat@customer.example.com");
  }

  @Test
  void onlyEventsWithInvitees_costAnInviteeRead_andReadsCarryNoFieldBeyondTheAskedOnes() throws Exception {
    directory.learn(Set.of("bob@corp.example.com"));
    List<SalesforceSide.WriteOutcome> made = side.create(SalesforceTestbedFixture.ANN, List.of(
        event("Alone", "2026-12-03T08:00:00Z/2026-12-03T09:00:00Z", null),
        event("Also alone", "2026-12-03T10:00:00Z/2026-12-03T11:00:00Z", null)), List.of("uid-a", "uid-b"));
    List<String> ids = made.stream().map(o -> o.id().orElseThrow()).toList();

    Scope anns = new Scope(SalesforceTestbedFixture.ANN, false, List.of());
    long queries = sf.calls("query");
    List<SalesforceItem> read = side.changedSince(anns, Optional.empty(), Set.of(), fields).inScope();
    assertThat(read).extracting(i -> i.get(Invitees.FIELD)).containsOnlyNulls();
    assertThat(read).allSatisfy(i -> assertThat(i.fields()).doesNotContainKey(EventSalesforceSide.GROUP_EVENT));
    assertThat(sf.calls("query") - queries).as("IsGroupEvent is false on both: the events' read, no EventRelation read").isOne();

    side.update(List.of(new SalesforceSide.RecordUpdate(ids.get(0), Map.of(Invitees.FIELD, "bob@corp.example.com"))));
    queries = sf.calls("query");
    read = side.changedSince(anns, Optional.empty(), Set.of(), fields).inScope();
    assertThat(read).extracting(i -> i.get(Invitees.FIELD)).containsExactlyInAnyOrder("bob@corp.example.com", null);
    assertThat(sf.calls("query") - queries).as("a group event now: its invitees are read too").isGreaterThan(1);
  }
}
