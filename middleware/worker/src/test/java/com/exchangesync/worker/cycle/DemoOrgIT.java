package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.demo.DemoEvents;
import com.exchangesync.testbed.demo.DemoOrg;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceClient;
import com.exchangesync.worker.salesforce.SalesforceNames;
import com.exchangesync.worker.salesforce.SalesforceSettings;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo organisation of {@code scripts/demo} ({@code DemoOrg}, seeded as
 * {@code scripts/testbed --demo} seeds it) through one cycle in process, as
 * {@code scripts/demo --once} runs it: each of its events lands as the demo says
 * it does, and the next cycle writes no event (the demo's loop does not ping-pong).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoOrgIT {

  final LocalDate today = LocalDate.now(DemoEvents.ZONE);
  SalesforceTestbedFixture sf;
  ExchangeTestbedFixture ex;
  SalesforceAdapter adapter;
  SyncCycle cycle;
  List<RepOutcome> first;

  @BeforeAll
  void seedAndSyncOnce(TestDatabase db) throws Exception {
    sf = new SalesforceTestbedFixture("", new JsonObject());
    ex = new ExchangeTestbedFixture();
    DemoOrg.seed(ex.bed.baseUrl(), ex.bed.ewsUrl(), sf.bed.baseUrl(), today);
    // The demo's External Client App, as scripts/demo registers it: the demo's integration user pre-authorized.
    sf.sim.oauthApps(new JsonArray().add(SalesforceTestbedFixture.app().put("runAs", DemoOrg.INTEGRATION_USER)
        .put("preApproved", new JsonArray().add(DemoOrg.INTEGRATION_USER))));
    adapter = new SalesforceAdapter(new SalesforceClient(new SalesforceSettings(URI.create(sf.bed.baseUrl()),
        SalesforceTestbedFixture.jwtBearer(DemoOrg.INTEGRATION_USER), "", true, 4, Duration.ofSeconds(5), Duration.ofSeconds(30), 4,
        Backoff.of(Duration.ofMillis(10), Duration.ofMillis(50))), new Metrics()), new SalesforceNames(""));
    Pool pool = db.pool(sf.vertx, 4);
    Blocking.await(Migrations.worker().migrate(pool));
    cycle = new SyncCycle(adapter, MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, ex.stats, Clock.systemUTC()),
        new PostgresSyncStateStore(pool), new MailboxLeases(pool), new WorkerPresence(pool), new ErrorOutbox(pool),
        new SyncActivity(pool), new MailboxSyncs(pool), new MailboxClaims(pool), SyncKinds.all(),
        "worker-demo-it", Clock.systemUTC(), Duration.ofSeconds(30));
    first = cycle.run();
  }

  @AfterAll
  void stop() throws Exception {
    adapter.client().close();
    ex.close();
    sf.close();
  }

  @Test
  void bothSyncingRepsSyncBothKinds_andLeeIsNotSynced() {
    assertThat(first).extracting(RepOutcome::email).doesNotContain(DemoOrg.LEE_MAIL);
    for (String rep : List.of(DemoOrg.MARIA_MAIL, DemoOrg.TOM_MAIL)) {
      for (ItemKind kind : ItemKind.values()) {
        RepOutcome outcome = outcome(first, rep, kind);
        assertThat(outcome.state()).as("%s", outcome).isEqualTo("synced");
        assertThat(outcome.toString()).contains(" synced ");
      }
    }
    assertThat(outcome(first, DemoOrg.MARIA_MAIL, ItemKind.EVENT).report().orElseThrow().skipped())
        .as("the private appointment").isEqualTo(1);
    assertThat(salesforceEvents(DemoOrg.LEE).map(e -> e.getString("Subject"))).containsExactly(DemoEvents.LEE_LUNCH);
    assertThat(ex.sim.events(DemoOrg.LEE_MAIL)).as("Lee is in no configuration").isEmpty();
  }

  @Test
  void theOutlookSeries_isASeriesInSalesforce_withItsMovedOccurrence_andWithoutTheCancelledOne() {
    List<JsonObject> series = salesforceEvents(DemoOrg.MARIA).filter(e -> DemoEvents.SERIES.equals(e.getString("Subject"))).toList();
    assertThat(series).as("8 occurrences, one cancelled").hasSize(DemoEvents.SERIES_OCCURRENCES - 1)
        .allSatisfy(e -> {
          assertThat(e.getBoolean("IsRecurrence2")).isTrue();
          assertThat(e.getString("Recurrence2PatternText")).contains("FREQ=WEEKLY").contains("BYDAY=MO");
          assertThat(e.getString("Recurrence2PatternTimeZone")).isEqualTo(DemoEvents.ZONE.getId());
        });
    LocalDate monday = DemoEvents.seriesStart(today);
    LocalDate moved = monday.plusWeeks(DemoEvents.MOVED_OCCURRENCE - 1);
    LocalDate cancelled = monday.plusWeeks(DemoEvents.CANCELLED_OCCURRENCE - 1);
    assertThat(series).filteredOn(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2Exception"))).singleElement()
        .satisfies(e -> assertThat(start(e)).isEqualTo(moved.atTime(11, 0).atZone(DemoEvents.ZONE).toInstant()));
    assertThat(series).filteredOn(e -> !Boolean.TRUE.equals(e.getBoolean("IsRecurrence2Exception")))
        .allSatisfy(e -> assertThat(start(e).atZone(DemoEvents.ZONE).toLocalTime()).as("09:00 in Berlin, summer or winter")
            .isEqualTo(LocalTime.of(9, 0)));
    assertThat(series).extracting(e -> start(e).atZone(DemoEvents.ZONE).toLocalDate()).doesNotContain(cancelled);
  }

  @Test
  void theSalesforceAllDayEvent_isDatesInOutlook() {
    JsonObject fair = outlook(DemoOrg.TOM_MAIL, DemoEvents.TRADE_FAIR);
    assertThat(fair.getValue("isAllDay").toString()).isEqualTo("true");
    assertThat(fair.getString("start")).isEqualTo(DemoEvents.tradeFairStart(today).toString());
    assertThat(fair.getString("end")).as("two whole days, the end exclusive")
        .isEqualTo(DemoEvents.tradeFairStart(today).plusDays(DemoEvents.TRADE_FAIR_DAYS).toString());
    assertThat(fair.getString("showAs")).isEqualTo("OOF");
  }

  @Test
  void thePrivateAppointment_staysInOutlookOnly() {
    assertThat(outlook(DemoOrg.MARIA_MAIL, DemoEvents.PRIVATE).getString("sensitivity")).isEqualTo("Private");
    assertThat(salesforceEvents(DemoOrg.MARIA).map(e -> e.getString("Subject"))).doesNotContain(DemoEvents.PRIVATE);
  }

  @Test
  void tomsOutlookMeeting_invitesHisContactInSalesforce_andTheOutsiderStaysInExchange() {
    JsonObject meeting = salesforceEvents(DemoOrg.TOM).filter(e -> DemoEvents.MEETING.equals(e.getString("Subject")))
        .findFirst().orElseThrow();
    String contact = contactId(DemoEvents.MEETING_INVITEE);
    assertThat(invitees(meeting.getString("Id"))).containsExactly(contact.substring(0, 15));
    assertThat(attendees(outlook(DemoOrg.TOM_MAIL, DemoEvents.MEETING)))
        .containsExactlyInAnyOrder(DemoEvents.MEETING_INVITEE, DemoEvents.MEETING_OUTSIDER);
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).as("nobody was sent anything").isZero();
  }

  @Test
  void mariasSalesforceVisit_isAnOutlookEventWithHerInviteeAsAttendee() {
    JsonObject visit = outlook(DemoOrg.MARIA_MAIL, DemoEvents.CUSTOMER_VISIT);
    assertThat(attendees(visit)).containsExactly(DemoEvents.CUSTOMER_VISIT_INVITEE);
    assertThat(Instant.parse(visit.getString("start")))
        .isEqualTo(today.plusDays(2).atTime(15, 0).atZone(DemoEvents.ZONE).toInstant());
  }

  @Test
  @Order(Integer.MAX_VALUE) // after the checks of the first cycle's results
  void theNextCycle_writesNoEvent() throws Exception {
    List<RepOutcome> second = cycle.run();
    for (String rep : List.of(DemoOrg.MARIA_MAIL, DemoOrg.TOM_MAIL)) {
      RepOutcome events = outcome(second, rep, ItemKind.EVENT);
      assertThat(events.report().orElseThrow().writes()).as("%s", events).isZero();
      assertThat(events.toString()).contains("nothing written");
    }
  }

  static RepOutcome outcome(List<RepOutcome> outcomes, String email, ItemKind kind) {
    return outcomes.stream().filter(o -> o.email().equals(email) && o.kind().equals(Optional.of(kind))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " outcome for " + email + " in " + outcomes));
  }

  /** The rep's own Salesforce events (invitees' copies left out). */
  Stream<JsonObject> salesforceEvents(String owner) {
    return sf.sim.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> !Boolean.TRUE.equals(e.getBoolean("IsChild")))
        .filter(e -> e.getString("OwnerId").startsWith(owner.substring(0, 15)));
  }

  JsonObject outlook(String mailbox, String subject) {
    return ex.sim.events(mailbox).stream().map(JsonObject.class::cast).filter(e -> subject.equals(e.getString("subject")))
        .findFirst().orElseThrow(() -> new AssertionError("no '" + subject + "' in " + mailbox + "'s calendar"));
  }

  static List<String> attendees(JsonObject event) {
    JsonArray list = event.getJsonArray("attendees", new JsonArray());
    return list.stream().map(JsonObject.class::cast).map(a -> a.getString("email").toLowerCase()).toList();
  }

  List<String> invitees(String eventId) {
    return sf.sim.records("EventRelation").stream().map(JsonObject.class::cast)
        .filter(r -> eventId.equals(r.getString("EventId")) && Boolean.TRUE.equals(r.getBoolean("IsInvitee")))
        .map(r -> r.getString("RelationId").substring(0, 15)).toList();
  }

  String contactId(String email) {
    return sf.sim.records("Contact").stream().map(JsonObject.class::cast).filter(c -> email.equalsIgnoreCase(c.getString("Email")))
        .map(c -> c.getString("Id")).findFirst().orElseThrow();
  }

  static Instant start(JsonObject salesforceEvent) {
    return Instant.parse(salesforceEvent.getString("StartDateTime"));
  }
}
