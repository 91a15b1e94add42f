package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The events rules of the guide, and what it could not do, each through whole
 * cycles against both test beds and PostgreSQL: one rule per test.
 */
class EventRulesIT extends CycleTestBase {

  static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  void configure(JsonObject fields) {
    sf.sim.update("Exchange_Sync_Configuration__c", config, new JsonObject().put("Contact_Sync_Direction__c", "Don't sync")
        .put("Event_Sync_Direction__c", "Both directions").put("Event_Conflict_Behavior__c", "Salesforce wins")
        .put("Sync_Private_Events__c", false).put("Event_Filter__c", "TODAY").mergeIn(fields));
  }

  static String day(int fromToday) {
    return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday).toString();
  }

  Stream<JsonObject> sfEvents() {
    return sf.sim.records("Event").stream().map(JsonObject.class::cast).filter(e -> !Boolean.TRUE.equals(e.getBoolean("IsChild")));
  }

  Stream<JsonObject> annEvents() {
    return ex.sim.events(ANN_MAIL).stream().map(JsonObject.class::cast);
  }

  RepOutcome eventsOf(List<RepOutcome> outcomes, String email) {
    return outcomes.stream().filter(o -> o.email().equals(email) && o.concerns(ItemKind.EVENT)).findFirst().orElseThrow();
  }

  /** Ann's weekly standup made in Salesforce: three Mondays from next week's on, 08:00 UTC. */
  void weeklyStandupInSalesforce() {
    String monday = nextMonday(7);
    sfEvent(ANN, new JsonObject().put("Subject", "Standup").put("StartDateTime", monday + "T08:00:00Z")
        .put("EndDateTime", monday + "T08:15:00Z").put("IsRecurrence2", true)
        .put("Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3").put("Recurrence2PatternTimeZone", "GMT"));
  }

  String sfEvent(String owner, JsonObject fields) {
    return sf.sim.create("Event", fields.put("OwnerId", owner)).getString("Id");
  }

  @Test
  void eventsSyncBothWays_atTheSameInstants_allDayAsDates_andASecondCycleWritesNothing() throws Exception {
    configure(new JsonObject());
    // 09:00 in Berlin in winter is 08:00 UTC.
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Pricing call").put("start", day(3) + "T09:00:00+01:00")
        .put("end", day(3) + "T10:00:00+01:00").put("startTimeZone", "Europe/Berlin"));
    sfEvent(ANN, new JsonObject().put("Subject", "Company holiday").put("IsAllDayEvent", true).put("ActivityDate", day(5))
        .put("DurationInMinutes", 2 * 1440));
    List<RepOutcome> first = cycle.run();
    assertThat(eventsOf(first, ANN_MAIL).state()).isEqualTo("synced");
    JsonObject call = sfEvents().filter(e -> "Pricing call".equals(e.getString("Subject"))).findFirst().orElseThrow();
    assertThat(Instant.parse(call.getString("StartDateTime"))).isEqualTo(Instant.parse(day(3) + "T08:00:00Z"));
    assertThat(call.getInteger("DurationInMinutes")).isEqualTo(60);
    JsonObject holiday = annEvents().filter(e -> "Company holiday".equals(e.getString("subject"))).findFirst().orElseThrow();
    assertThat(holiday.getValue("isAllDay").toString()).isEqualTo("true");
    assertThat(holiday.getString("start")).isEqualTo(day(5));
    assertThat(holiday.getString("end")).as("two whole days, the end exclusive").isEqualTo(day(7));

    JsonObject status = userStatus(ANN);
    assertThat(status.getString("Events_To_Exchange_Status__c")).isEqualTo("Initial sync completed");
    assertThat(status.getString("Events_To_Salesforce_Status__c")).isEqualTo("Initial sync completed");
    assertThat(status.getBoolean("Calendar_Folder_Found__c")).isTrue();
    assertThat(status.getValue("Events_In_Sync__c").toString()).startsWith("2");

    List<RepOutcome> second = cycle.run();
    assertThat(eventsOf(second, ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertThat(userStatus(ANN).getString("Events_To_Exchange_Status__c")).isEqualTo("In sync");
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).isZero();
  }

  @Test
  void anOutlookMeetingAtNineBerlinTime_isSevenUtcInSummer_andStaysNineAfterARoundTrip() throws Exception {
    configure(new JsonObject());
    String summer = Year.next() + "-07-15";
    String id = ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Summer review").put("start", summer + "T09:00:00+02:00")
        .put("end", summer + "T10:00:00+02:00").put("startTimeZone", "Europe/Berlin")).getString("id");
    cycle.run();
    JsonObject event = sfEvents().filter(e -> "Summer review".equals(e.getString("Subject"))).findFirst().orElseThrow();
    assertThat(Instant.parse(event.getString("StartDateTime"))).isEqualTo(Instant.parse(summer + "T07:00:00Z"));
    sf.sim.update("Event", event.getString("Id"), new JsonObject().put("Subject", "Summer review (moved room)"));
    cycle.run();
    JsonObject back = annEvents().filter(e -> id.equals(e.getString("id"))).findFirst().orElseThrow();
    assertThat(back.getString("subject")).isEqualTo("Summer review (moved room)");
    assertThat(Instant.parse(back.getString("start"))).isEqualTo(Instant.parse(summer + "T07:00:00Z"));
    assertThat(back.getString("startTimeZone")).as("the item keeps its zone").isIn("Europe/Berlin", "W. Europe Standard Time");
  }

  @Test
  void privateEvents_stayWhereTheyAre_unlessTheConfigurationSyncsThem() throws Exception {
    configure(new JsonObject());
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Doctor").put("start", day(2) + "T08:00:00Z")
        .put("end", day(2) + "T09:00:00Z").put("sensitivity", "Private"));
    sfEvent(ANN, new JsonObject().put("Subject", "Interview").put("StartDateTime", day(2) + "T11:00:00Z")
        .put("EndDateTime", day(2) + "T12:00:00Z").put("IsPrivate", true));
    cycle.run();
    assertThat(sfEvents().map(e -> e.getString("Subject")).toList()).containsExactly("Interview");
    assertThat(annEvents().map(e -> e.getString("subject")).toList()).containsExactly("Doctor");

    configure(new JsonObject().put("Sync_Private_Events__c", true));
    cycle.run();
    assertThat(sfEvents().filter(e -> "Doctor".equals(e.getString("Subject"))).findFirst().orElseThrow().getBoolean("IsPrivate"))
        .isTrue();
    assertThat(annEvents().filter(e -> "Interview".equals(e.getString("subject"))).findFirst().orElseThrow().getString("sensitivity"))
        .isEqualTo("Private");
  }

  @Test
  void theEventFilter_leavesOutEventsThatEndedBeforeItsStart() throws Exception {
    configure(new JsonObject());
    sfEvent(ANN, new JsonObject().put("Subject", "Ten days ago").put("StartDateTime", day(-10) + "T08:00:00Z")
        .put("EndDateTime", day(-10) + "T09:00:00Z"));
    sfEvent(ANN, new JsonObject().put("Subject", "Tomorrow").put("StartDateTime", day(1) + "T08:00:00Z")
        .put("EndDateTime", day(1) + "T09:00:00Z"));
    cycle.run();
    assertThat(annEvents().map(e -> e.getString("subject")).toList()).containsExactly("Tomorrow");

    configure(new JsonObject().put("Event_Filter__c", "LAST N DAYS").put("Event_Filter_Days__c", 30));
    cycle.run();
    assertThat(annEvents().map(e -> e.getString("subject")).toList()).containsExactlyInAnyOrder("Tomorrow", "Ten days ago");
  }

  @Test
  void dontSync_readsAndWritesNoEvent_andSaysSo() throws Exception {
    configure(new JsonObject().put("Event_Sync_Direction__c", "Don't sync"));
    sfEvent(ANN, new JsonObject().put("Subject", "Tomorrow").put("StartDateTime", day(1) + "T08:00:00Z")
        .put("EndDateTime", day(1) + "T09:00:00Z"));
    cycle.run();
    assertThat(annEvents().toList()).isEmpty();
    assertThat(userStatus(ANN).getString("Events_To_Exchange_Status__c")).isEqualTo("Exchange configuration not set to sync");
    assertThat(userStatus(ANN).getString("Events_To_Salesforce_Status__c")).isEqualTo("Exchange configuration not set to sync");
  }

  @Test
  void deletingOnOneSideUnlinks_andDeletesNothingOnTheOther() throws Exception {
    configure(new JsonObject());
    String id = ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Lunch").put("start", day(2) + "T11:00:00Z")
        .put("end", day(2) + "T12:00:00Z")).getString("id");
    cycle.run();
    assertThat(sfEvents()).hasSize(1);
    ex.sim.deleteEvent(ANN_MAIL, id);
    RepOutcome outcome = eventsOf(cycle.run(), ANN_MAIL);
    assertThat(sfEvents()).as("the Salesforce event stays").hasSize(1);
    assertThat(annEvents().toList()).as("and is not made again in Exchange").isEmpty();
    assertThat(outcome.report().orElseThrow().linkedTotal()).isZero();
  }

  @Test
  void attendeesSalesforceKnows_becomeInvitees_andNobodyIsSentAnything() throws Exception {
    configure(new JsonObject());
    String contact = contact(ANN, "Pat", "Customer", "pat@customer.example.com");
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Demo").put("start", day(4) + "T09:00:00Z")
        .put("end", day(4) + "T10:00:00Z").put("attendees", new JsonArray()
            .add(new JsonObject().put("email", "pat@customer.example.com").put("name", "Pat Customer").put("type", "Required"))
            .add(new JsonObject().put("email", "someone@elsewhere.example.com").put("type", "Optional"))));
    cycle.run();
    String eventId = sfEvents().findFirst().orElseThrow().getString("Id");
    assertThat(sf.sim.records("EventRelation").stream().map(JsonObject.class::cast)
        .filter(r -> eventId.equals(r.getString("EventId")) && Boolean.TRUE.equals(r.getBoolean("IsInvitee")))
        .map(r -> r.getString("RelationId").substring(0, 15)).toList()).containsExactly(contact.substring(0, 15));
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertThat(ex.sim.stats().getLong("meetingMessagesSent", 0L)).isZero();
  }

  @Test
  void aMeetingInTwoRepsCalendars_isOneSalesforceEvent_withTheOtherRepInvited() throws Exception {
    aKickOffInAnnsAndBobsCalendars();
    cycle.run();
    assertThat(sfEvents().filter(e -> "Kick-off".equals(e.getString("Subject")))).as("one event for the meeting").hasSize(1);
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast)
        .filter(e -> Boolean.TRUE.equals(e.getBoolean("IsChild")) && e.getString("OwnerId").startsWith(BOB))).hasSize(1);
    assertThat(eventsOf(cycle.run(), ExchangeTestbedFixture.BOB).report().orElseThrow().writes()).isZero();
  }

  /** Ann organizes "Kick-off" with Bob; Bob's copy carries the organizer's UID, as Exchange delivers it. */
  void aKickOffInAnnsAndBobsCalendars() throws Exception {
    configure(new JsonObject());
    JsonObject meeting = new JsonObject().put("subject", "Kick-off").put("start", day(6) + "T09:00:00Z")
        .put("end", day(6) + "T10:00:00Z").put("attendees", new JsonArray()
            .add(new JsonObject().put("email", ExchangeTestbedFixture.BOB).put("name", "Bob Rep").put("type", "Required")));
    String annId = ex.sim.createEvent(ANN_MAIL, meeting).getString("id");
    String uid = annEvents().filter(e -> annId.equals(e.getString("id"))).findFirst().orElseThrow().getString("uid");
    ex.sim.createEvent(ExchangeTestbedFixture.BOB, meeting.copy().put("uid", uid));
  }

  @Test
  void aWeeklySeriesWithAnException_isASeriesInSalesforce_andACancelledOccurrenceDisappearsThere() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    String series = ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Weekly pipeline")
        .put("start", monday + "T09:00:00Z").put("end", monday + "T09:30:00Z").put("startTimeZone", "UTC")
        .put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=4")).getString("id");
    String second = LocalDate.parse(monday).plusWeeks(1) + "T09:00:00Z";
    ex.sim.updateOccurrence(ANN_MAIL, series, second, new JsonObject().put("subject", "Weekly pipeline (quarter end)"));
    cycle.run();
    List<JsonObject> occurrences = sfEvents().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2"))).toList();
    assertThat(occurrences).as("errors: %s", errorRows()).hasSize(4);
    assertThat(occurrences).extracting(e -> e.getString("Subject")).containsOnlyOnce("Weekly pipeline (quarter end)");
    assertThat(sfEvents()).hasSize(4);

    String third = LocalDate.parse(monday).plusWeeks(2) + "T09:00:00Z";
    ex.sim.deleteOccurrence(ANN_MAIL, series, third);
    cycle.run();
    assertThat(sfEvents().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2")))).hasSize(3);
    assertThat(sfEvents().map(e -> Instant.parse(e.getString("StartDateTime")))).doesNotContain(Instant.parse(third));
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    long views = findItems();
    cycle.run();
    assertThat(findItems()).as("a quiet cycle reads no series' occurrences again").isEqualTo(views);
  }

  long findItems() {
    JsonObject calls = ex.sim.stats().getJsonObject("calls");
    return calls == null ? 0 : calls.getLong("FindItem", 0L);
  }

  @Test
  void aSalesforceSeries_isASeriesInExchange_andItsPatternChangeDoublesNothing() throws Exception {
    configure(new JsonObject());
    weeklyStandupInSalesforce();
    cycle.run();
    List<JsonObject> masters = annEvents().filter(e -> "RecurringMaster".equals(e.getString("calendarItemType"))).toList();
    assertThat(masters).hasSize(1);
    assertThat(masters.get(0).getString("recurrence")).contains("FREQ=WEEKLY").contains("COUNT=3");
    long itemReads = ex.stats.calls("GetItem");
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertThat(ex.stats.calls("GetItem")).as("the master made by the last cycle is an echo: known by its change key, not read")
        .isEqualTo(itemReads);

    ex.sim.updateEvent(ANN_MAIL, masters.get(0).getString("id"), new JsonObject().put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=5"));
    cycle.run();
    assertThat(sfEvents().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2")))).as("the series made again, once")
        .hasSize(5);
    assertThat(annEvents().filter(e -> "RecurringMaster".equals(e.getString("calendarItemType")))).hasSize(1);
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
  }

  @Test
  void anOccurrenceDeletedInSalesforceWhileNoPositionCoveredIt_isFoundByTheReadFromTheStart() throws Exception {
    configure(new JsonObject());
    weeklyStandupInSalesforce();
    cycle.run();
    String second = sfEvents().filter(e -> Boolean.TRUE.equals(e.getBoolean("IsRecurrence2")))
        .sorted(java.util.Comparator.comparing(e -> e.getString("StartDateTime"))).skip(1).findFirst().orElseThrow().getString("Id");
    sf.sim.delete("Event", second);
    // The saved positions are of another direction now: both sides are read from the start. The Exchange folder lists
    // no occurrence, so only Salesforce can tell that this one is gone.
    configure(new JsonObject().put("Event_Sync_Direction__c", "Salesforce to Exchange"));
    cycle.run();

    assertThat(links(ANN, ItemKind.EVENT)).as("no link names the deleted occurrence").extracting(l -> l.salesforceId())
        .noneMatch(id -> id.startsWith(second.substring(0, 15)));
  }

  @Test
  void anOutlookAndASalesforceSeriesStartingAtTheSameInstant_eachReachTheOtherSide_andNothingIsDeleted() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    outlookSeries("Pipeline review", monday);
    String own = salesforceSeries("Team standup", monday);
    int before = sf.sim.queries().size();
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, List.of("Pipeline review", "Team standup"));
    // The rep's first sync: its first read of the rep's events listed what starts there before anything was made,
    // so the one series read is of what the Outlook series made (which the Salesforce series' step then knows).
    assertThat(sf.sim.queries().subList(before, sf.sim.queries().size()).stream()
        .filter(q -> q.contains("Recurrence2PatternStartDate ="))).as("series reads").singleElement()
        .satisfies(q -> assertThat(q).contains(monday + "T09:00:00"));
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast).filter(e -> own.equals(e.getString("Id"))))
        .as("the rep's own series keeps its first occurrence and its subject").singleElement()
        .satisfies(e -> assertThat(e.getString("Subject")).isEqualTo("Team standup"));
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, List.of("Pipeline review", "Team standup"));
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
  }

  @Test
  void newSeriesOnBothSides_areLookedForInSalesforceWithOneRead_andMadeTogether_andEachReachesTheOtherSideOnce()
      throws Exception {
    configure(new JsonObject());
    cycle.run(); // the rep's status rows made: the next cycle's creates are the sync's
    List<String> mondays = List.of(nextMonday(7), nextMonday(14), nextMonday(21), nextMonday(28));
    outlookSeries("Pipeline review", mondays.get(0));
    outlookSeries("Forecast call", mondays.get(1));
    salesforceSeries("Team standup", mondays.get(2));
    salesforceSeries("Territory planning", mondays.get(3));
    int before = sf.sim.queries().size();
    long creates = sf.calls("create");
    cycle.run();
    List<String> seriesReads = sf.sim.queries().subList(before, sf.sim.queries().size()).stream()
        .filter(q -> q.contains("Recurrence2PatternStartDate =")).toList();
    // The Salesforce series where the new masters and the new Salesforce series start, read at once; the two
    // Outlook series made in one create (their masters then marked together), and what they made read at once
    // (Salesforce answers a series' first occurrence's id only).
    assertThat(seriesReads).as("series reads").hasSize(2);
    assertThat(seriesReads.get(0)).as("the read before anything is made")
        .contains(mondays.stream().map(m -> m + "T09:00:00").toArray(String[]::new));
    assertThat(seriesReads.get(1)).as("the read of what was made")
        .contains(mondays.get(0) + "T09:00:00", mondays.get(1) + "T09:00:00")
        .doesNotContain(mondays.get(2) + "T09:00:00");
    assertThat(sf.calls("create") - creates).as("Salesforce creates").isEqualTo(1);
    for (String subject : List.of("Pipeline review", "Forecast call", "Team standup", "Territory planning")) {
      assertThat(sfEvents().filter(e -> subject.equals(e.getString("Subject")))).as("%s in Salesforce", subject).hasSize(4);
      assertThat(ex.sim.events(ANN_MAIL, mondays.get(0) + "T00:00:00Z", nextMonday(70) + "T00:00:00Z").stream()
          .map(JsonObject.class::cast).filter(e -> subject.equals(e.getString("subject")))).as("%s in Outlook", subject)
          .hasSize(4);
    }
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
  }

  @Test
  void newOutlookSeriesAndSingleEvents_areMadeInSalesforceInOneCreate_andEachPairedOnce() throws Exception {
    configure(new JsonObject());
    cycle.run(); // the rep's status rows made: the next cycle's creates are the sync's
    String monday = nextMonday(7);
    outlookSeries("Pipeline review", monday);
    outlookSeries("Forecast call", nextMonday(14));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Demo").put("start", day(4) + "T09:00:00Z")
        .put("end", day(4) + "T10:00:00Z"));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Lunch").put("start", day(5) + "T12:00:00Z")
        .put("end", day(5) + "T13:00:00Z"));
    long creates = sf.calls("create");
    cycle.run();
    assertThat(sf.calls("create") - creates).as("Salesforce creates: both series and both single events in one").isOne();
    assertThat(sfEvents().filter(e -> "Pipeline review".equals(e.getString("Subject")))).hasSize(4);
    assertThat(sfEvents().filter(e -> "Forecast call".equals(e.getString("Subject")))).hasSize(4);
    assertThat(sfEvents().filter(e -> "Demo".equals(e.getString("Subject")))).hasSize(1);
    assertThat(sfEvents().filter(e -> "Lunch".equals(e.getString("Subject")))).hasSize(1);
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).as("every occurrence and event paired")
        .isZero();
    assertThat(annEvents().filter(e -> "Demo".equals(e.getString("subject")))).hasSize(1);
    assertThat(sfEvents().filter(e -> "Pipeline review".equals(e.getString("Subject")))).as("nothing made twice").hasSize(4);
  }

  @Test
  void newOutlookEvents_areLookedForInSalesforceByCreationKeyAndSubjectInOneRead() throws Exception {
    configure(new JsonObject());
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Demo").put("start", day(4) + "T09:00:00Z")
        .put("end", day(4) + "T10:00:00Z"));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Review").put("start", day(5) + "T09:00:00Z")
        .put("end", day(5) + "T10:00:00Z"));
    String review = sfEvent(ANN, new JsonObject().put("Subject", "Review").put("StartDateTime", day(5) + "T09:00:00Z")
        .put("EndDateTime", day(5) + "T10:00:00Z"));
    int before = sf.sim.queries().size();
    cycle.run();
    List<String> reads = sf.sim.queries().subList(before, sf.sim.queries().size());
    assertThat(reads.stream().filter(q -> q.contains("Exchange_Sync_Key__c IN"))).as("reads by creation key")
        .singleElement().satisfies(q -> assertThat(q).contains("Subject IN", "'Demo'", "'Review'"));
    assertThat(reads.stream().filter(q -> q.contains("Subject IN"))).as("reads by subject").hasSize(1);
    // The rep's first sync: that one read is also the first read of the rep's events.
    assertThat(reads.stream().filter(q -> q.contains(" FROM Event WHERE")
        && !q.contains(com.exchangesync.worker.salesforce.SalesforceId.canonical(BOB).orElseThrow()))).as("reads of Ann's events")
        .singleElement()
        .satisfies(q -> assertThat(q).contains("SystemModstamp >", "OwnerId ="));
    assertThat(sfEvents().filter(e -> "Review".equals(e.getString("Subject")))).as("Outlook's Review matched Salesforce's")
        .extracting(e -> e.getString("Id")).containsExactly(review);
    assertThat(sfEvents().filter(e -> "Demo".equals(e.getString("Subject")))).as("Demo made in Salesforce").hasSize(1);
    assertThat(annEvents().filter(e -> "Review".equals(e.getString("subject")))).hasSize(1);
  }

  @Test
  void twoSeriesAlikeButForTheirSubjects_madeOnTheSameSide_eachReachTheOtherSideOnce() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    outlookSeries("Pipeline review", monday);
    outlookSeries("Forecast call", monday);
    salesforceSeries("Team standup", monday);
    salesforceSeries("Territory planning", monday);
    cycle.run();
    List<String> subjects = List.of("Pipeline review", "Forecast call", "Team standup", "Territory planning");
    assertBothSidesHoldEachSeriesOnce(monday, subjects);
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, subjects);
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
  }

  @Test
  void aSeriesMadeAtTheInstantOfOneAlreadyPaired_onEitherSide_reachesTheOtherSide_andResetSyncRelinksThemAll() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    outlookSeries("Pipeline review", monday);
    cycle.run();
    salesforceSeries("Team standup", monday);
    cycle.run();
    outlookSeries("Forecast call", monday);
    cycle.run();
    List<String> subjects = List.of("Pipeline review", "Team standup", "Forecast call");
    assertBothSidesHoldEachSeriesOnce(monday, subjects);
    sf.sim.update("Exchange_Sync_User_Status__c", userStatus(ANN).getString("Id"),
        new JsonObject().put("Reset_Status__c", "Marked for reset"));
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, subjects);
    cycle.run();
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertBothSidesHoldEachSeriesOnce(monday, subjects);
  }

  @Test
  void aPatternChangedOnOneOfTwoSeriesStartingAtTheSameInstant_makesThatOneAgain_andLeavesTheOther() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    String outlook = ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Pipeline review")
        .put("start", monday + "T09:00:00Z").put("end", monday + "T09:30:00Z").put("startTimeZone", "UTC")
        .put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=4")).getString("id");
    String own = salesforceSeries("Team standup", monday);
    cycle.run();
    ex.sim.updateEvent(ANN_MAIL, outlook, new JsonObject().put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=6"));
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, java.util.Map.of("Pipeline review", 6, "Team standup", 4));
    sf.sim.update("Event", own, new JsonObject().put("Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5"));
    cycle.run();
    assertBothSidesHoldEachSeriesOnce(monday, java.util.Map.of("Pipeline review", 6, "Team standup", 5));
    cycle.run();
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    assertBothSidesHoldEachSeriesOnce(monday, java.util.Map.of("Pipeline review", 6, "Team standup", 5));
  }

  /** A weekly Outlook series of four on Mondays at 09:00 UTC from {@code monday}. */
  void outlookSeries(String subject, String monday) {
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", subject).put("start", monday + "T09:00:00Z")
        .put("end", monday + "T09:30:00Z").put("startTimeZone", "UTC").put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=4"));
  }

  /** The same series made in Salesforce; its first occurrence's id. */
  String salesforceSeries(String subject, String monday) {
    return sfEvent(ANN, new JsonObject().put("Subject", subject).put("StartDateTime", monday + "T09:00:00Z")
        .put("EndDateTime", monday + "T09:30:00Z").put("IsRecurrence2", true)
        .put("Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4").put("Recurrence2PatternTimeZone", "GMT"));
  }

  /** Each subject is one series of four on each side, at the four Mondays, and there is nothing else. */
  void assertBothSidesHoldEachSeriesOnce(String monday, List<String> subjects) throws Exception {
    java.util.Map<String, Integer> weeks = new java.util.LinkedHashMap<>();
    subjects.forEach(s -> weeks.put(s, 4));
    assertBothSidesHoldEachSeriesOnce(monday, weeks);
  }

  /** Each subject is one series on each side, at that many Mondays from {@code monday}, and there is nothing else. */
  void assertBothSidesHoldEachSeriesOnce(String monday, java.util.Map<String, Integer> weeks) throws Exception {
    List<JsonObject> sf = sfEvents().toList();
    int all = weeks.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(sf).as("errors: %s", errorRows()).hasSize(all)
        .allSatisfy(e -> assertThat(e.getBoolean("IsRecurrence2")).isTrue());
    List<JsonObject> masters = annEvents().toList();
    assertThat(masters).extracting(e -> e.getString("calendarItemType")).containsOnly("RecurringMaster");
    assertThat(masters).extracting(e -> e.getString("subject")).containsExactlyInAnyOrderElementsOf(weeks.keySet());
    int most = weeks.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<JsonObject> shown = ex.sim.events(ANN_MAIL, monday + "T00:00:00Z",
        LocalDate.parse(monday).plusWeeks(most - 1) + "T23:59:59Z").stream().map(JsonObject.class::cast).toList();
    weeks.forEach((subject, n) -> {
      List<Instant> mondays = Stream.iterate(LocalDate.parse(monday), d -> d.plusWeeks(1)).limit(n)
          .map(d -> Instant.parse(d + "T09:00:00Z")).toList();
      assertThat(sf.stream().filter(e -> subject.equals(e.getString("Subject"))).map(e -> Instant.parse(e.getString("StartDateTime"))))
          .as("%s in Salesforce", subject).containsExactlyInAnyOrderElementsOf(mondays);
      assertThat(shown.stream().filter(e -> subject.equals(e.getString("subject"))).map(e -> Instant.parse(e.getString("start"))))
          .as("%s in Outlook", subject).containsExactlyInAnyOrderElementsOf(mondays);
    });
    assertThat(shown).as("nothing but the series' occurrences").hasSize(all);
  }

  @Test
  void aSeriesWithoutEnd_syncsItsOccurrencesAsSingleEvents_andSaysSo() throws Exception {
    configure(new JsonObject());
    String monday = nextMonday(7);
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Forever").put("start", monday + "T09:00:00Z")
        .put("end", monday + "T09:30:00Z").put("recurrence", "FREQ=MONTHLY;BYMONTHDAY=" + LocalDate.parse(monday).getDayOfMonth()));
    cycle.run();
    Blocking.await(drainer.drainOnce());
    assertThat(sfEvents().filter(e -> "Forever".equals(e.getString("Subject")))).as("a year of monthly occurrences")
        .hasSizeBetween(12, 13);
    assertThat(sfEvents()).allSatisfy(e -> assertThat(e.getBoolean("IsRecurrence2")).isNotEqualTo(Boolean.TRUE));
    assertThat(sf.sim.records("ExchangeSyncError__c").stream().map(JsonObject.class::cast)
        .map(r -> r.getString("Error_Code__c"))).contains("SERIES_SYNCED_AS_SINGLE_EVENTS");
    assertThat(eventsOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
  }

  @Test
  void resetSync_relinksEveryEventWithoutDuplicates() throws Exception {
    configure(new JsonObject());
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Call").put("start", day(3) + "T08:00:00Z")
        .put("end", day(3) + "T09:00:00Z"));
    String monday = nextMonday(7);
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Weekly").put("start", monday + "T09:00:00Z")
        .put("end", monday + "T09:30:00Z").put("recurrence", "FREQ=WEEKLY;BYDAY=MO;COUNT=3"));
    cycle.run();
    long before = sfEvents().count();
    JsonObject status = userStatus(ANN);
    sf.sim.update("Exchange_Sync_User_Status__c", status.getString("Id"), new JsonObject().put("Reset_Status__c", "Marked for reset"));
    cycle.run();
    assertThat(sfEvents().count()).isEqualTo(before);
    assertThat(annEvents().count()).isEqualTo(2);
    assertThat(userStatus(ANN).getString("Reset_Status__c")).isNull();
  }

  @Test
  void anEventSalesforceRefuses_isAnEventErrorRow() throws Exception {
    configure(new JsonObject());
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Three-week trip").put("start", day(3) + "T08:00:00Z")
        .put("end", day(24) + "T08:00:00Z"));
    cycle.run();
    Blocking.await(drainer.drainOnce());
    assertThat(sf.sim.records("ExchangeSyncError__c").stream().map(JsonObject.class::cast)
        .filter(r -> "Event".equals(r.getString("Object_Type__c")))).singleElement()
        .satisfies(r -> assertThat(r.getString("Error_Code__c")).isEqualTo("FIELD_INTEGRITY_EXCEPTION"));
  }

  /** The error rows written so far (drained from the outbox), for failure messages. */
  List<String> errorRows() throws Exception {
    Blocking.await(drainer.drainOnce());
    return sf.sim.records("ExchangeSyncError__c").stream().map(JsonObject.class::cast)
        .map(r -> r.getString("Error_Code__c") + ": " + r.getString("Error_Message__c")).toList();
  }

  static String nextMonday(int atLeastDaysAhead) {
    LocalDate d = LocalDate.now(ZoneOffset.UTC).plusDays(atLeastDaysAhead);
    while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
      d = d.plusDays(1);
    }
    return d.toString();
  }

  /** Next year, for dates on the far side of a daylight-saving change. */
  static final class Year {
    static int next() {
      return LocalDate.now(ZoneOffset.UTC).getYear() + 1;
    }
  }
}
