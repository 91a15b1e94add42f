package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxContract;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.WindowsTimeZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox contract kept by the EWS adapter, through ews-java-api, against the
 * Exchange test bed; the rep's own edits go through the test bed's admin API as
 * Outlook's would. Every response is schema-checked, no call meets a 401, and
 * no calendar write makes Exchange send a meeting message.
 */
class EwsMailboxIT extends MailboxContract {

  private ExchangeTestbedFixture fixture;
  private MailboxConnector connector;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
    connector = fixture.connector();
  }

  @AfterEach
  void stop() throws Exception {
    long challenges = fixture.authChallenges();
    long meetingMessages = fixture.sim.stats().getLong("meetingMessagesSent");
    fixture.close();
    assertThat(challenges).as("401 challenges: credentials go with every request").isZero();
    assertThat(meetingMessages).as("meeting messages Exchange would have sent for the sync's writes").isZero();
  }

  @Override
  protected MailboxConnector connector() {
    return connector;
  }

  /**
   * Fields as the admin API takes them: attendees as a list, the zone as Outlook
   * names it (its Windows id: a Paris meeting is in "Romance Standard Time"), the
   * rest as text.
   */
  private static JsonObject json(Map<ExchangeField, String> values) {
    JsonObject json = new JsonObject();
    values.forEach((field, value) -> json.put(field.apiName(), value == null ? null
        : field == ExchangeField.ATTENDEES ? new JsonArray(value)
        : field == ExchangeField.START_TIME_ZONE ? WindowsTimeZones.cldr().windowsFor(ZoneId.of(value)).orElseThrow()
        : value));
    return json;
  }

  @Override
  protected String repCreates(ItemKind kind, Map<ExchangeField, String> values) {
    return kind == ItemKind.CONTACT
        ? fixture.sim.createContact(REP, EwsFolders.SYNC_FOLDER, json(values)).getString("id")
        : fixture.sim.createEvent(REP, json(values)).getString("id");
  }

  @Override
  protected void repEdits(ItemKind kind, String id, Map<ExchangeField, String> values) {
    if (kind == ItemKind.CONTACT) {
      fixture.sim.updateContact(REP, id, json(values));
    } else {
      fixture.sim.updateEvent(REP, id, json(values));
    }
  }

  @Override
  protected void repEditsOccurrence(String seriesId, String originalStart, Map<ExchangeField, String> values) {
    fixture.sim.updateOccurrence(REP, seriesId, originalStart, json(values));
  }

  @Override
  protected void repCancelsOccurrence(String seriesId, String originalStart) {
    fixture.sim.deleteOccurrence(REP, seriesId, originalStart);
  }

  @Override
  protected void assertNoMeetingMessageSent() {
    assertThat(fixture.sim.stats().getLong("meetingMessagesSent")).as("meeting messages Exchange would have sent").isZero();
  }

  @Override
  protected void repDeletes(ItemKind kind, String id) {
    if (kind == ItemKind.CONTACT) {
      fixture.sim.deleteContact(REP, id);
    } else {
      fixture.sim.deleteEvent(REP, id);
    }
  }

  @Test
  void marksAlone_onTheVersionsNamed_areSentWithoutReadingTheItemsFirst_andAMarkNamingNoneReadsIdsOnly() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      List<ItemResult> made = mailbox.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, contact("Ann", "Lee", "a@x.example.com"), Optional.empty()),
          new NewItem(ItemKind.CONTACT, contact("Bo", "Ng", "b@x.example.com"), Optional.empty())));
      long reads = fixture.stats.calls("GetItem");
      long updates = fixture.stats.calls("UpdateItem");
      List<ItemResult> marked = mailbox.update(ItemKind.CONTACT, List.of(
          new ItemUpdate(made.get(0).id().orElseThrow(), made.get(0).changeKey(), Map.of(), Optional.of("003A")),
          new ItemUpdate(made.get(1).id().orElseThrow(), made.get(1).changeKey(), Map.of(), Optional.of("003B"))));
      assertThat(marked).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      assertThat(fixture.stats.calls("GetItem") - reads).as("items read before marking").isZero();
      assertThat(fixture.stats.calls("UpdateItem") - updates).as("UpdateItem calls").isOne();
      assertThat(mailbox.findBySalesforceIds(ItemKind.CONTACT, List.of("003A", "003B"))).containsOnlyKeys("003A", "003B");

      // Without a version to name (an occurrence's, which its series' writes move), the current one is read first.
      reads = fixture.stats.calls("GetItem");
      assertThat(mailbox.update(ItemKind.CONTACT, List.of(new ItemUpdate(made.get(0).id().orElseThrow(), Optional.empty(),
          Map.of(), Optional.of("003C")))).get(0).succeeded()).isTrue();
      assertThat(fixture.stats.calls("GetItem") - reads).isOne();
    }
  }

  @Test
  void aCalendarViewIsListedOncePerOpen_untilTheWorkerChangesTheCalendar_whileOccurrencesAreReadAfreshEachTime_andAReadMasterIsNotReadAgain() throws Exception {
    try (Mailbox mailbox = connector().open(REP)) {
      ItemResult made = mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, series("Standup", MONDAYS),
          Optional.empty()))).get(0);
      String id = made.id().orElseThrow();
      Instant from = Instant.parse("2026-03-01T00:00:00Z");
      Instant to = Instant.parse("2026-05-01T00:00:00Z");
      assertThat(mailbox.get(ItemKind.EVENT, List.of(id))).hasSize(1); // as a pass reads the master from its feed
      long views = fixture.stats.calls("FindItem");
      long reads = fixture.stats.calls("GetItem");
      assertThat(mailbox.occurrences(Set.of(id), from, to).get(id)).hasSize(6);
      assertThat(fixture.stats.calls("GetItem") - reads).as("the occurrences only: the master's UID was read with it").isOne();
      mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(id, Optional.empty(), Map.of(), Optional.of("00U0000000MARK1"))));
      repEditsOccurrence(id, "2026-03-09T08:00:00Z", Map.of(ExchangeField.SUBJECT, "Moved to Tuesday"));
      List<ExchangeItem> again = mailbox.occurrences(Set.of(id), from, to).get(id);
      assertThat(fixture.stats.calls("FindItem") - views).as("one view: the mark moved no occurrence").isOne();
      assertThat(again).extracting(i -> i.value(ExchangeField.SUBJECT).orElse("")).as("the occurrences themselves read afresh")
          .contains("Moved to Tuesday");
      mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, event("Lunch", "2026-03-10T11:00:00Z",
          "2026-03-10T12:00:00Z"), Optional.empty())));
      assertThat(mailbox.occurrences(Set.of(id), from, to).get(id)).hasSize(6);
      assertThat(fixture.stats.calls("FindItem") - views).as("still one view: a single event is no occurrence").isOne();

      mailbox.update(ItemKind.EVENT, List.of(new ItemUpdate(id, Optional.empty(),
          Map.of(ExchangeField.RECURRENCE, "FREQ=WEEKLY;BYDAY=MO;COUNT=3"), Optional.empty())));
      assertThat(mailbox.occurrences(Set.of(id), from, to).get(id)).as("a new pattern: listed again").hasSize(3);
      assertThat(fixture.stats.calls("FindItem") - views).isEqualTo(2);
      String second = mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, series("Retro", MONDAYS),
          Optional.empty()))).get(0).id().orElseThrow();
      assertThat(mailbox.occurrences(Set.of(second), from, to).get(second)).as("a new series: listed again").hasSize(6);
      assertThat(fixture.stats.calls("FindItem") - views).isEqualTo(3);
    }
  }
}
