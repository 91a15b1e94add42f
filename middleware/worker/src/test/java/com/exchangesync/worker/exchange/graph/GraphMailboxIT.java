package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxContract;
import com.exchangesync.worker.exchange.WindowsTimeZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The mailbox contract kept by the Microsoft Graph adapter against the Graph
 * test bed, which shares its mailboxes with the Exchange test bed: the rep's own
 * edits go through the admin API as Outlook's would. The worker's clock is
 * fixed in June 2026, so the calendar's delta window (seven months back, fourteen
 * ahead) holds the contract's dates whenever the test runs; no call is refused
 * for concurrency and no meeting message is sent.
 */
class GraphMailboxIT extends MailboxContract {

  private GraphTestbedFixture fixture;
  private MailboxConnector connector;

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
    connector = fixture.connector(Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    JsonObject graph = fixture.graphStats();
    long meetingMessages = fixture.sim.stats().getLong("meetingMessagesSent");
    fixture.close();
    assertThat(meetingMessages).as("meeting messages Exchange would have sent for the sync's writes").isZero();
    assertThat(graph.getLong("throttled")).as("requests refused for more than four in flight").isZero();
  }

  @org.junit.jupiter.api.Test
  void marksAlone_areSentWithoutReadingTheItemsFirst() throws Exception {
    try (com.exchangesync.worker.exchange.Mailbox mailbox = connector.open(REP)) {
      List<com.exchangesync.worker.exchange.ItemResult> made = mailbox.create(ItemKind.CONTACT, List.of(
          new com.exchangesync.worker.exchange.NewItem(ItemKind.CONTACT, contact("Ann", "Lee", "a@x.example.com"), Optional.empty()),
          new com.exchangesync.worker.exchange.NewItem(ItemKind.CONTACT, contact("Bo", "Ng", "b@x.example.com"), Optional.empty())));
      long reads = fixture.calls("contact.get");
      long updates = fixture.calls("contact.update");
      List<com.exchangesync.worker.exchange.ItemResult> marked = mailbox.update(ItemKind.CONTACT, List.of(
          new com.exchangesync.worker.exchange.ItemUpdate(made.get(0).id().orElseThrow(), made.get(0).changeKey(), Map.of(),
              Optional.of("003A")),
          new com.exchangesync.worker.exchange.ItemUpdate(made.get(1).id().orElseThrow(), Optional.empty(), Map.of(),
              Optional.of("003B"))));
      assertThat(marked).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
      assertThat(fixture.calls("contact.get") - reads).as("items read before marking").isZero();
      assertThat(fixture.calls("contact.update") - updates).as("PATCHes").isEqualTo(2);
      assertThat(mailbox.findBySalesforceIds(ItemKind.CONTACT, List.of("003A", "003B"))).containsOnlyKeys("003A", "003B");
    }
  }

  @Override
  protected MailboxConnector connector() {
    return connector;
  }

  /** Fields as the admin API takes them: attendees as a list, the zone as Outlook names it (its Windows id). */
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
        ? fixture.sim.createContact(REP, GraphFolders.SYNC_FOLDER, json(values)).getString("id")
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
}
