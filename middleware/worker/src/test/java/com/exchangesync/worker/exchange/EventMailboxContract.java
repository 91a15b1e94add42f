package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The calendar half of the mailbox contract ({@code docs/exchange-adapter.md},
 * "Events"), run through {@link MailboxContract} against every implementation:
 * zones and all-day dates, series and their occurrences across daylight saving,
 * exceptions and cancellations (made by the rep and by the sync), attendees written
 * without a meeting message, rules Exchange cannot state, and our Salesforce ids.
 */
public abstract class EventMailboxContract {

  protected static final String REP = "ann@corp.example.com";

  /** Weekly on Mondays at 09:00 Berlin time from 2 March 2026, six times: across the change to summer time. */
  protected static final String MONDAYS = "FREQ=WEEKLY;BYDAY=MO;COUNT=6";

  protected abstract MailboxConnector connector();

  /** The rep creates an item outside the sync; returns its id. */
  protected abstract String repCreates(ItemKind kind, Map<ExchangeField, String> values);

  /** The rep edits an item outside the sync. */
  protected abstract void repEdits(ItemKind kind, String id, Map<ExchangeField, String> values);

  /** The rep deletes an item outside the sync. */
  protected abstract void repDeletes(ItemKind kind, String id);

  /** The rep changes one occurrence of a series (named by its original start, in {@code START}'s form). */
  protected abstract void repEditsOccurrence(String seriesId, String originalStart, Map<ExchangeField, String> values);

  /** The rep cancels one occurrence of a series. */
  protected abstract void repCancelsOccurrence(String seriesId, String originalStart);

  /** Fails when the mailbox sent (or would have sent) any meeting message; the in-memory one sends none by design. */
  protected void assertNoMeetingMessageSent() {
  }

  protected static Map<ExchangeField, String> event(String subject, String start, String end) {
    return Map.of(ExchangeField.SUBJECT, subject, ExchangeField.START, start, ExchangeField.END, end);
  }

  protected static Map<ExchangeField, String> event(String subject, String start, String end, String zone) {
    Map<ExchangeField, String> v = new HashMap<>(event(subject, start, end));
    v.put(ExchangeField.START_TIME_ZONE, zone);
    return v;
  }

  protected static Map<ExchangeField, String> allDay(String subject, String first, String dayAfterLast, String zone) {
    Map<ExchangeField, String> v = event(subject, first, dayAfterLast, zone);
    v.put(ExchangeField.IS_ALL_DAY, "true");
    return v;
  }

  protected static Map<ExchangeField, String> series(String subject, String rule) {
    Map<ExchangeField, String> v = event(subject, "2026-03-02T08:00:00Z", "2026-03-02T08:30:00Z", "Europe/Berlin");
    v.put(ExchangeField.RECURRENCE, rule);
    return v;
  }

  /** Every change from {@code token} to now, reading page after page. */
  protected static ItemChanges drain(Mailbox mailbox, ItemKind kind, Optional<String> token) throws Exception {
    List<ExchangeItem> changed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    ItemChanges page;
    do {
      page = mailbox.changes(kind, token);
      changed.addAll(page.changed());
      deleted.addAll(page.deletedIds());
      token = Optional.of(page.syncToken());
    } while (page.moreAvailable());
    return new ItemChanges(changed, deleted, page.syncToken(), false);
  }

  private static String created(Mailbox mailbox, Map<ExchangeField, String> values, Optional<String> salesforceId) throws Exception {
    ItemResult r = mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, values, salesforceId))).get(0);
    assertThat(r.succeeded()).as(r.message()).isTrue();
    return r.id().orElseThrow();
  }

  private static ExchangeItem read(Mailbox mailbox, String id) throws Exception {
    return mailbox.get(ItemKind.EVENT, List.of(id)).stream().findFirst().orElseThrow();
  }

  private static ItemResult update(Mailbox mailbox, String id, Map<ExchangeField, String> values) throws Exception {
    return mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(id, Optional.empty(), values, Optional.empty()))).get(0);
  }

  private static List<ExchangeItem> occurrences(Mailbox mailbox, String seriesId, String from, String to) throws Exception {
    return mailbox.occurrences(Set.of(seriesId), Instant.parse(from), Instant.parse(to)).get(seriesId);
  }

  private static List<String> starts(List<ExchangeItem> items) {
    return items.stream().map(i -> i.value(ExchangeField.START).orElseThrow()).toList();
  }

  @Test
  void aTimedEvent_roundTripsEveryField_inItsOwnZone() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      Map<ExchangeField, String> values = event("Quarterly review", "2026-12-01T14:30:00Z", "2026-12-01T15:15:00Z",
          "America/New_York");
      values.put(ExchangeField.IS_ALL_DAY, "false");
      values.put(ExchangeField.LOCATION, "Room 4");
      values.put(ExchangeField.BODY, "Bring the numbers.");
      values.put(ExchangeField.SENSITIVITY, "Private");
      values.put(ExchangeField.SHOW_AS, "Tentative");
      String id = created(mailbox, values, Optional.of("00U1"));

      ExchangeItem read = read(mailbox, id);
      assertThat(read.values()).containsEntry(ExchangeField.SUBJECT, "Quarterly review")
          .containsEntry(ExchangeField.START, "2026-12-01T14:30:00Z").containsEntry(ExchangeField.END, "2026-12-01T15:15:00Z")
          .containsEntry(ExchangeField.IS_ALL_DAY, "false").containsEntry(ExchangeField.START_TIME_ZONE, "America/New_York")
          .containsEntry(ExchangeField.LOCATION, "Room 4").containsEntry(ExchangeField.BODY, "Bring the numbers.")
          .containsEntry(ExchangeField.SENSITIVITY, "Private").containsEntry(ExchangeField.SHOW_AS, "Tentative")
          .containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Single").containsEntry(ExchangeField.ORGANIZER, REP)
          .containsKey(ExchangeField.ICAL_UID)
          .doesNotContainKeys(ExchangeField.RECURRENCE, ExchangeField.ATTENDEES, ExchangeField.SERIES_ID, ExchangeField.ORIGINAL_START);
      assertThat(read.salesforceId()).contains("00U1");

      // Moving it keeps its zone; show-as and sensitivity change alone.
      assertThat(update(mailbox, id, Map.of(ExchangeField.START, "2026-12-02T14:30:00Z", ExchangeField.END, "2026-12-02T15:00:00Z",
          ExchangeField.SHOW_AS, "OOF", ExchangeField.SENSITIVITY, "Normal")).succeeded()).isTrue();
      assertThat(read(mailbox, id).values()).containsEntry(ExchangeField.START, "2026-12-02T14:30:00Z")
          .containsEntry(ExchangeField.START_TIME_ZONE, "America/New_York").containsEntry(ExchangeField.SHOW_AS, "OOF")
          .containsEntry(ExchangeField.SENSITIVITY, "Normal");
      assertThat(update(mailbox, id, Map.of(ExchangeField.START_TIME_ZONE, "Europe/Berlin")).succeeded()).isTrue();
      assertThat(read(mailbox, id).values()).containsEntry(ExchangeField.START, "2026-12-02T14:30:00Z")
          .containsEntry(ExchangeField.START_TIME_ZONE, "Europe/Berlin");
      assertNoMeetingMessageSent();
    }
  }

  @Test
  void anAllDayEvent_keepsItsDates_inBerlinLosAngelesAndAuckland() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      for (String zone : List.of("Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland")) {
        String id = created(mailbox, allDay("Holidays " + zone, "2026-12-24", "2026-12-26", zone), Optional.empty());
        assertThat(read(mailbox, id).values()).as(zone).containsEntry(ExchangeField.START, "2026-12-24")
            .containsEntry(ExchangeField.END, "2026-12-26").containsEntry(ExchangeField.IS_ALL_DAY, "true")
            .containsEntry(ExchangeField.START_TIME_ZONE, zone);
        // New dates alone stay in the item's zone.
        assertThat(update(mailbox, id, Map.of(ExchangeField.START, "2027-01-01", ExchangeField.END, "2027-01-02")).succeeded()).isTrue();
        assertThat(read(mailbox, id).values()).as(zone).containsEntry(ExchangeField.START, "2027-01-01")
            .containsEntry(ExchangeField.END, "2027-01-02").containsEntry(ExchangeField.START_TIME_ZONE, zone);
      }
      // Made in Outlook in Paris: a date, not 23:00 UTC of the day before.
      String paris = repCreates(ItemKind.EVENT, allDay("Bastille Day", "2026-07-14", "2026-07-15", "Europe/Paris"));
      assertThat(drain(mailbox, ItemKind.EVENT, Optional.empty()).changed()).filteredOn(i -> i.id().equals(paris)).singleElement()
          .satisfies(i -> assertThat(i.values()).containsEntry(ExchangeField.START, "2026-07-14")
              .containsEntry(ExchangeField.END, "2026-07-15").containsEntry(ExchangeField.START_TIME_ZONE, "Europe/Paris"));
    }
  }

  @Test
  void anAllDaySeries_fallsOnTheSameDates_andItsOccurrencesAreNamedByDate() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      Map<ExchangeField, String> values = allDay("Trade fair", "2026-12-24", "2026-12-25", "Pacific/Auckland");
      values.put(ExchangeField.RECURRENCE, "FREQ=DAILY;COUNT=3");
      String id = repCreates(ItemKind.EVENT, values);
      repEditsOccurrence(id, "2026-12-25", Map.of(ExchangeField.LOCATION, "Hall B"));
      List<ExchangeItem> shown = occurrences(mailbox, id, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
      assertThat(shown).extracting(o -> o.value(ExchangeField.START).orElseThrow() + "/" + o.value(ExchangeField.END).orElseThrow()
              + " " + o.value(ExchangeField.ORIGINAL_START).orElseThrow() + " " + o.value(ExchangeField.CALENDAR_ITEM_TYPE).orElseThrow())
          .containsExactly("2026-12-24/2026-12-25 2026-12-24 Occurrence", "2026-12-25/2026-12-26 2026-12-25 Exception",
              "2026-12-26/2026-12-27 2026-12-26 Occurrence");
      assertThat(shown.get(1).values()).containsEntry(ExchangeField.LOCATION, "Hall B").containsEntry(ExchangeField.IS_ALL_DAY, "true");
      assertThat(read(mailbox, id).values()).containsEntry(ExchangeField.RECURRENCE, "FREQ=DAILY;COUNT=3")
          .containsEntry(ExchangeField.START, "2026-12-24").containsEntry(ExchangeField.START_TIME_ZONE, "Pacific/Auckland");
    }
  }

  @Test
  void aWeeklySeriesAtNineBerlinTime_isEightUtcInWinterAndSevenInSummer_andReadsBackItsRuleAndZone() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String id = created(mailbox, series("Pipeline review", MONDAYS), Optional.of("00U2"));
      ExchangeItem master = read(mailbox, id);
      assertThat(master.values()).containsEntry(ExchangeField.RECURRENCE, MONDAYS)
          .containsEntry(ExchangeField.START_TIME_ZONE, "Europe/Berlin").containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "RecurringMaster")
          .containsEntry(ExchangeField.START, "2026-03-02T08:00:00Z").containsEntry(ExchangeField.END, "2026-03-02T08:30:00Z");

      List<ExchangeItem> shown = occurrences(mailbox, id, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z");
      assertThat(starts(shown)).containsExactly("2026-03-02T08:00:00Z", "2026-03-09T08:00:00Z", "2026-03-16T08:00:00Z",
          "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z");
      assertThat(shown).allSatisfy(o -> {
        assertThat(o.values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Occurrence").containsEntry(ExchangeField.SERIES_ID, id)
            .containsEntry(ExchangeField.ORIGINAL_START, o.value(ExchangeField.START).orElseThrow())
            .containsEntry(ExchangeField.SUBJECT, "Pipeline review").doesNotContainKey(ExchangeField.RECURRENCE);
        assertThat(o.id()).isNotEqualTo(id);
      });
      assertThat(drain(mailbox, ItemKind.EVENT, Optional.empty()).changed()).as("the calendar's changes hold the master only")
          .extracting(ExchangeItem::id).containsExactly(id);
    }
  }

  @Test
  void occurrencesInAWindow_showTheRepsExceptionWhereItMoved_andLeaveTheCancelledOneOut() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String id = repCreates(ItemKind.EVENT, series("Pipeline review", MONDAYS));
      String single = repCreates(ItemKind.EVENT, event("Once", "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z"));
      String gone = repCreates(ItemKind.EVENT, series("Gone", "FREQ=DAILY;COUNT=3"));
      repDeletes(ItemKind.EVENT, gone);
      String token = drain(mailbox, ItemKind.EVENT, Optional.empty()).syncToken();

      repEditsOccurrence(id, "2026-03-09T08:00:00Z", Map.of(ExchangeField.SUBJECT, "Pipeline review (moved)",
          ExchangeField.START, "2026-03-10T13:00:00Z", ExchangeField.END, "2026-03-10T13:30:00Z"));
      repCancelsOccurrence(id, "2026-03-16T08:00:00Z");

      Map<String, List<ExchangeItem>> all = mailbox.occurrences(Set.of(id, single, gone),
          Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-24T00:00:00Z"));
      assertThat(all.get(single)).as("a single is no series").isEmpty();
      assertThat(all.get(gone)).as("a deleted series").isEmpty();
      assertThat(all.get(id)).extracting(o -> o.value(ExchangeField.CALENDAR_ITEM_TYPE).orElseThrow() + " "
              + o.value(ExchangeField.START).orElseThrow() + " " + o.value(ExchangeField.ORIGINAL_START).orElseThrow())
          .containsExactly("Occurrence 2026-03-02T08:00:00Z 2026-03-02T08:00:00Z",
              "Exception 2026-03-10T13:00:00Z 2026-03-09T08:00:00Z",
              "Occurrence 2026-03-23T08:00:00Z 2026-03-23T08:00:00Z");
      assertThat(all.get(id).get(1).values()).containsEntry(ExchangeField.SUBJECT, "Pipeline review (moved)")
          .containsEntry(ExchangeField.SERIES_ID, id);
      // The window is what the calendar shows: the exception moved out of [10 Mar 14:00, …) is not in it.
      assertThat(starts(occurrences(mailbox, id, "2026-03-10T14:00:00Z", "2026-03-24T00:00:00Z")))
          .containsExactly("2026-03-23T08:00:00Z");

      ItemChanges changes = drain(mailbox, ItemKind.EVENT, Optional.of(token));
      assertThat(changes.changed()).as("an exception and a cancellation are changes of the master")
          .extracting(ExchangeItem::id).containsExactly(id);
      assertThat(changes.deletedIds()).isEmpty();
    }
  }

  @Test
  void updatingAnOccurrence_makesItAnException_andDeletingOne_cancelsOnlyIt() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String id = created(mailbox, series("Pipeline review", MONDAYS), Optional.of("00U3"));
      String token = drain(mailbox, ItemKind.EVENT, Optional.empty()).syncToken();
      List<ExchangeItem> shown = occurrences(mailbox, id, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z");
      ExchangeItem second = shown.get(1);

      ItemResult changed = mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(second.id(), Optional.of(second.changeKey()),
          Map.of(ExchangeField.LOCATION, "Room 9"), Optional.empty()))).get(0);
      assertThat(changed.succeeded()).as(changed.message()).isTrue();
      assertThat(read(mailbox, second.id()).values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Exception")
          .containsEntry(ExchangeField.LOCATION, "Room 9").containsEntry(ExchangeField.SERIES_ID, id)
          .containsEntry(ExchangeField.ORIGINAL_START, "2026-03-09T08:00:00Z");
      assertThat(read(mailbox, id).value(ExchangeField.LOCATION)).as("the master keeps its own").isEmpty();

      assertThat(mailbox.delete(ItemKind.EVENT, List.of(shown.get(2).id()))).singleElement()
          .satisfies(r -> assertThat(r.succeeded()).isTrue());
      assertThat(mailbox.delete(ItemKind.EVENT, List.of(shown.get(2).id()))).as("a cancelled occurrence is gone").singleElement()
          .satisfies(r -> assertThat(r.succeeded()).isTrue());
      assertThat(mailbox.get(ItemKind.EVENT, List.of(shown.get(2).id()))).isEmpty();
      assertThat(starts(occurrences(mailbox, id, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z"))).containsExactly(
          "2026-03-02T08:00:00Z", "2026-03-09T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z", "2026-04-06T07:00:00Z");
      assertThat(read(mailbox, id).values()).containsEntry(ExchangeField.RECURRENCE, MONDAYS);

      // What belongs to the series cannot be set on one occurrence; the rest of the batch goes on.
      List<ItemResult> results = mailbox.update(ItemKind.EVENT, List.of(
          new ItemUpdate(shown.get(3).id(), Optional.empty(), Map.of(ExchangeField.START_TIME_ZONE, "America/New_York"), Optional.empty()),
          new ItemUpdate(shown.get(3).id(), Optional.empty(), Map.of(ExchangeField.RECURRENCE, "FREQ=DAILY"), Optional.empty()),
          new ItemUpdate(shown.get(4).id(), Optional.empty(), Map.of(ExchangeField.SUBJECT, "Last one"), Optional.empty())));
      assertThat(results.get(0).error()).contains(MailboxError.INVALID_PROPERTY_VALUE);
      assertThat(results.get(0).message()).contains("startTimeZone");
      assertThat(results.get(1).error()).contains(MailboxError.INVALID_PROPERTY_VALUE);
      assertThat(results.get(1).message()).contains("recurrence");
      assertThat(results.get(2).succeeded()).as(results.get(2).message()).isTrue();

      ItemChanges changes = drain(mailbox, ItemKind.EVENT, Optional.of(token));
      assertThat(changes.changed()).extracting(ExchangeItem::id).containsExactly(id);
      assertNoMeetingMessageSent();
    }
  }

  @Test
  void aMastersNewRule_changesItsOccurrences_andNoRuleMakesItSingleAgain() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      String id = created(mailbox, series("Pipeline review", MONDAYS), Optional.empty());
      assertThat(update(mailbox, id, Map.of(ExchangeField.RECURRENCE, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3")).succeeded()).isTrue();
      assertThat(starts(occurrences(mailbox, id, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z")))
          .containsExactly("2026-03-02T08:00:00Z", "2026-03-16T08:00:00Z", "2026-03-30T07:00:00Z");
      assertThat(read(mailbox, id).value(ExchangeField.RECURRENCE)).contains("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3");

      Map<ExchangeField, String> none = new HashMap<>();
      none.put(ExchangeField.RECURRENCE, null);
      assertThat(update(mailbox, id, none).succeeded()).isTrue();
      assertThat(read(mailbox, id).values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Single")
          .doesNotContainKey(ExchangeField.RECURRENCE);
      assertThat(occurrences(mailbox, id, "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z")).isEmpty();
    }
  }

  @Test
  void attendees_areWrittenAndReadBack_withoutAnyMeetingMessage_whereTheProtocolCanWriteThemSo() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      if (!mailbox.writesAttendees()) {
        attendeesAreNeverWritten_andARepsMeetingIsLeftAsItIs(mailbox);
        return;
      }
      Map<ExchangeField, String> values = event("Kick-off", "2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z", "Europe/Berlin");
      values.put(ExchangeField.ATTENDEES, "[{\"email\":\"pat@customer.example.com\",\"name\":\"Pat Jones\",\"type\":\"Required\"},"
          + "{\"email\":\"Lee@customer.example.com\",\"type\":\"Optional\"}]");
      String id = created(mailbox, values, Optional.empty());
      assertThat(read(mailbox, id).value(ExchangeField.ATTENDEES)).contains("[{\"email\":\"Lee@customer.example.com\",\"type\":\"Optional\"},"
          + "{\"email\":\"pat@customer.example.com\",\"name\":\"Pat Jones\",\"type\":\"Required\"}]");

      assertThat(update(mailbox, id, Map.of(ExchangeField.ATTENDEES, "[{\"email\":\"pat@customer.example.com\",\"type\":\"Optional\"}]"))
          .succeeded()).isTrue();
      assertThat(read(mailbox, id).value(ExchangeField.ATTENDEES))
          .contains("[{\"email\":\"pat@customer.example.com\",\"type\":\"Optional\"}]");
      Map<ExchangeField, String> nobody = new HashMap<>();
      nobody.put(ExchangeField.ATTENDEES, null);
      assertThat(update(mailbox, id, nobody).succeeded()).isTrue();
      assertThat(read(mailbox, id).value(ExchangeField.ATTENDEES)).isEmpty();

      Map<ExchangeField, String> meeting = series("Weekly with Pat", MONDAYS);
      meeting.put(ExchangeField.ATTENDEES, "[{\"email\":\"pat@customer.example.com\",\"type\":\"Required\"}]");
      String master = created(mailbox, meeting, Optional.empty());
      ExchangeItem first = occurrences(mailbox, master, "2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z").get(0);
      assertThat(first.value(ExchangeField.ATTENDEES)).contains("[{\"email\":\"pat@customer.example.com\",\"type\":\"Required\"}]");
      assertThat(mailbox.delete(ItemKind.EVENT, List.of(first.id(), master, id))).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      assertNoMeetingMessageSent();
    }
  }

  /**
   * Where writing attendees would email them (Microsoft Graph), none is written;
   * the rep's own meeting reads with its attendees, takes what Graph does not
   * announce (show-as, sensitivity, our mark), and refuses, item by item, what it
   * would announce (its subject, its cancellation).
   */
  private void attendeesAreNeverWritten_andARepsMeetingIsLeftAsItIs(Mailbox mailbox) throws Exception {
    String pat = "[{\"email\":\"pat@customer.example.com\",\"name\":\"Pat Jones\",\"type\":\"Required\"}]";
    Map<ExchangeField, String> values = event("Kick-off", "2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z", "Europe/Berlin");
    values.put(ExchangeField.ATTENDEES, pat);
    String id = created(mailbox, values, Optional.of("00UA1"));
    assertThat(read(mailbox, id).values()).doesNotContainKey(ExchangeField.ATTENDEES).containsEntry(ExchangeField.SUBJECT, "Kick-off");
    assertThat(update(mailbox, id, Map.of(ExchangeField.ATTENDEES, pat, ExchangeField.SUBJECT, "Kick-off (moved)")).succeeded()).isTrue();
    assertThat(read(mailbox, id).values()).doesNotContainKey(ExchangeField.ATTENDEES)
        .containsEntry(ExchangeField.SUBJECT, "Kick-off (moved)");

    Map<ExchangeField, String> meeting = event("Rep's meeting", "2026-05-05T08:00:00Z", "2026-05-05T09:00:00Z", "Europe/Berlin");
    meeting.put(ExchangeField.ATTENDEES, pat);
    String repsMeeting = repCreates(ItemKind.EVENT, meeting);
    assertThat(read(mailbox, repsMeeting).value(ExchangeField.ATTENDEES)).contains(pat);
    assertThat(mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(repsMeeting, Optional.empty(),
        Map.of(ExchangeField.SHOW_AS, "Tentative", ExchangeField.SENSITIVITY, "Private"), Optional.of("00UA2")))).get(0).succeeded())
        .as("show-as, sensitivity and our mark are not announced").isTrue();
    List<ItemResult> refused = mailbox.update(ItemKind.EVENT, List.of(
        new ItemUpdate(repsMeeting, Optional.empty(), Map.of(ExchangeField.SUBJECT, "Renamed"), Optional.empty()),
        new ItemUpdate(id, Optional.empty(), Map.of(ExchangeField.LOCATION, "Room 2"), Optional.empty())));
    assertThat(refused.get(0).error()).contains(MailboxError.MEETING_WOULD_NOTIFY);
    assertThat(refused.get(1).succeeded()).as("the rest of the batch goes on").isTrue();
    assertThat(mailbox.delete(ItemKind.EVENT, List.of(repsMeeting))).singleElement()
        .satisfies(r -> assertThat(r.error()).contains(MailboxError.MEETING_WOULD_NOTIFY));
    assertThat(read(mailbox, repsMeeting).values()).containsEntry(ExchangeField.SUBJECT, "Rep's meeting")
        .containsEntry(ExchangeField.SHOW_AS, "Tentative").containsEntry(ExchangeField.ATTENDEES, pat);
    assertThat(read(mailbox, repsMeeting).salesforceId()).contains("00UA2");
    assertNoMeetingMessageSent();
  }

  @Test
  void aRuleExchangeCannotState_failsThatItemOnly_namingThePart() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<String> rules = List.of("FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=5MO",
          "FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", MONDAYS);
      List<NewItem> items = new ArrayList<>();
      rules.forEach(rule -> items.add(new NewItem(ItemKind.EVENT, series("Rule " + rule, rule), Optional.empty())));
      List<ItemResult> results = mailbox.create(ItemKind.EVENT, items);
      List<String> parts = List.of("BYMONTHDAY=31", "INTERVAL=2", "BYDAY=5MO", "FREQ=HOURLY", "BYHOUR");
      for (int i = 0; i < parts.size(); i++) {
        assertThat(results.get(i).error()).as(rules.get(i)).contains(MailboxError.INVALID_PROPERTY_VALUE);
        assertThat(results.get(i).message()).as(rules.get(i)).contains(parts.get(i));
      }
      assertThat(results.get(5).succeeded()).isTrue();
      String single = created(mailbox, event("Once", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"), Optional.empty());
      ItemResult refused = update(mailbox, single, Map.of(ExchangeField.RECURRENCE, "FREQ=MONTHLY;BYMONTHDAY=30"));
      assertThat(refused.error()).contains(MailboxError.INVALID_PROPERTY_VALUE);
      assertThat(refused.message()).contains("BYMONTHDAY=30");
      assertThat(read(mailbox, single).values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Single");
      // What Exchange does with "the 30th" it can state, and reads back the same way.
      assertThat(update(mailbox, single, Map.of(ExchangeField.RECURRENCE, "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1;COUNT=3"))
          .succeeded()).isTrue();
      assertThat(read(mailbox, single).value(ExchangeField.RECURRENCE)).contains("FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1;COUNT=3");
    }
  }

  @Test
  void manyOccurrencesOverYears_areAllRead() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      Map<ExchangeField, String> a = event("Daily A", "2026-01-05T07:00:00Z", "2026-01-05T07:15:00Z", "Europe/Berlin");
      a.put(ExchangeField.RECURRENCE, "FREQ=DAILY;COUNT=999");
      Map<ExchangeField, String> b = event("Daily B", "2026-01-05T16:00:00Z", "2026-01-05T16:15:00Z", "Europe/Berlin");
      b.put(ExchangeField.RECURRENCE, "FREQ=DAILY;COUNT=999");
      String weeklyRule = "FREQ=WEEKLY;BYDAY=TU;COUNT=200";
      Map<ExchangeField, String> c = event("Weekly C", "2026-01-06T09:00:00Z", "2026-01-06T10:00:00Z", "UTC");
      c.put(ExchangeField.RECURRENCE, weeklyRule);
      String ida = created(mailbox, a, Optional.empty());
      String idb = created(mailbox, b, Optional.empty());
      String idc = created(mailbox, c, Optional.empty());
      // Three years: more than one calendar view may span, and more entries than one may return.
      Map<String, List<ExchangeItem>> all = mailbox.occurrences(Set.of(ida, idb, idc), Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(all.get(ida)).hasSize(999);
      assertThat(all.get(idb)).hasSize(999);
      assertThat(all.get(idc)).hasSize(200);
      assertThat(all.get(idc).get(199).value(ExchangeField.START)).contains("2029-10-30T09:00:00Z");
      assertThat(all.get(ida)).extracting(ExchangeItem::id).doesNotHaveDuplicates();
    }
  }

  @Test
  void eventsAreFoundByTheSalesforceIdTheyCarry() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      created(mailbox, event("Linked", "2026-05-04T08:00:00Z", "2026-05-04T09:00:00Z"), Optional.of("00UE1"));
      String master = created(mailbox, series("Linked series", MONDAYS), Optional.of("00UE2"));
      created(mailbox, event("Other", "2026-05-05T08:00:00Z", "2026-05-05T09:00:00Z"), Optional.of("00UE3"));
      repCreates(ItemKind.EVENT, event("Unlinked", "2026-05-06T08:00:00Z", "2026-05-06T09:00:00Z"));
      Map<String, ExchangeItem> found = mailbox.findBySalesforceIds(ItemKind.EVENT, List.of("00UE1", "00UE2", "00UNOTTHERE"));
      assertThat(found).containsOnlyKeys("00UE1", "00UE2");
      assertThat(found.get("00UE2").id()).isEqualTo(master);
      assertThat(found.get("00UE2").values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "RecurringMaster");
      assertThat(found.get("00UE1").value(ExchangeField.SUBJECT)).contains("Linked");
      assertThat(mailbox.findBySalesforceIds(ItemKind.CONTACT, List.of("00UE1"))).isEmpty();
    }
  }
}
