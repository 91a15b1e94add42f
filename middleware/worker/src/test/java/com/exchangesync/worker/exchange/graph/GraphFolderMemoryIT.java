package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testkit.ManualClock;
import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Graph connector remembers each mailbox's {@code Salesforce_Sync} and main
 * calendar ids (and its org's own mark) for an hour: what an open within the hour
 * requests, and what a {@code Salesforce_Sync} the rep deleted or lost does,
 * compared with an open that looks everything up (a new connector, as every open
 * was before).
 */
class GraphFolderMemoryIT {

  private static final String ANN = ExchangeTestbedFixture.ANN;
  private static final String ORG = "00D5g000004FOLDAAA";
  private static final String OTHER_ORG = "00D5g000004OTHRAAA";

  private GraphTestbedFixture fixture;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-06-15T10:00:00Z"));
  private GraphMailboxConnector connector;

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
    connector = fixture.connector(clock);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  /** Every request an open, or the mark, may make to find a folder. */
  private long lookups() {
    return fixture.calls("contactFolders.list") + fixture.calls("calendar.get");
  }

  private String firstRead(GraphMailboxConnector through) throws MailboxException {
    try (Mailbox m = through.open(ANN)) {
      return m.changes(ItemKind.CONTACT, Optional.empty()).syncToken();
    }
  }

  @Test
  void aSecondOpenWithinTheHourLooksNothingUp_andOneAnHourAfterTheLookupLooksAgain() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      m.changes(ItemKind.CONTACT, Optional.empty());
      assertThat(m.syncingOrg(ORG)).isEmpty();
    }
    assertThat(fixture.calls("contactFolders.list")).isOne();
    assertThat(fixture.calls("calendar.get")).as("the calendar's id, for the mark").isOne();

    clock.advance(FolderMemory.RECHECK.minusMinutes(1));
    long before = lookups();
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).isEmpty();
      assertThat(m.syncingOrg(ORG)).isEmpty();
    }
    assertThat(lookups() - before).as("no folder lookup within the hour").isZero();

    clock.advance(Duration.ofMinutes(1));
    try (Mailbox m = connector.open(ANN)) {
      m.syncingOrg(ORG);
    }
    assertThat(fixture.calls("contactFolders.list")).as("looked up again after the hour").isEqualTo(2);
    assertThat(fixture.calls("calendar.get")).isEqualTo(2);
    assertThat(fixture.calls("contactFolders.create")).isOne();
  }

  @Test
  void theOrgsOwnMarkIsRememberedOnceReadBack_anotherOrgsIsReadAtEveryOpen() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.syncingOrg(ORG)).isEmpty();
      m.markSyncingOrg(Optional.of(ORG));
      long written = fixture.calls("calendars.get");
      assertThat(m.syncingOrg(ORG)).as("read back after the write, not answered from memory").contains(ORG);
      assertThat(fixture.calls("calendars.get") - written).isOne();
    }
    long reads = fixture.calls("calendars.get");
    for (int i = 0; i < 3; i++) {
      try (Mailbox m = connector.open(ANN)) {
        assertThat(m.syncingOrg(ORG)).contains(ORG);
      }
    }
    assertThat(fixture.calls("calendars.get") - reads).as("remembered from the read-back: no open reads it").isZero();

    try (Mailbox m = connector.open(ANN)) {
      m.markSyncingOrg(Optional.of(OTHER_ORG));
    }
    reads = fixture.calls("calendars.get");
    for (int i = 0; i < 2; i++) {
      try (Mailbox m = connector.open(ANN)) {
        assertThat(m.syncingOrg(ORG)).contains(OTHER_ORG);
      }
    }
    assertThat(fixture.calls("calendars.get") - reads).as("another org's mark is read at every open").isEqualTo(2);
  }

  @Test
  void aSyncFolderDeletedToDeletedItems_isStillReadWithinTheHour_andReplacedAfter_asALookupReplacesItAtOnce() throws Exception {
    String token = firstRead(connector);
    fixture.sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Kept"));
    fixture.sim.deleteFolder(ANN, "Salesforce_Sync", false);

    assertThatThrownBy(() -> {
      try (Mailbox m = fixture.connector(clock).open(ANN)) {
        m.changes(ItemKind.CONTACT, Optional.of(token));
      }
    }).as("a lookup now makes a new Salesforce_Sync, where the old position does not go on")
        .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));

    clock.advance(FolderMemory.RECHECK.minusMinutes(1));
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.of(token)).changed()).as("its id still works in Deleted Items").hasSize(1);
    }
    clock.advance(Duration.ofMinutes(1));
    try (Mailbox m = connector.open(ANN)) {
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.of(token)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
    }
  }

  @Test
  void aSyncFolderGoneWhileRemembered_isLookedUpAgainInTheSameOpen_andMeetsWhatALookupMeets() throws Exception {
    String token = firstRead(connector);
    fixture.sim.deleteFolder(ANN, "Salesforce_Sync", true);
    long lists = fixture.calls("contactFolders.list");

    try (Mailbox m = connector.open(ANN)) {
      // The saved position names a folder that is gone: refused as by an open that looked it up (its new folder is another).
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.of(token)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
      // The engine then reads afresh: the remembered folder's 404 makes it looked up (made again) and the read repeated.
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).isEmpty();
      assertThat(fixture.calls("contactFolders.list")).isEqualTo(lists + 1);
      assertThat(fixture.calls("contactFolders.create")).isEqualTo(2);
    }
    fixture.sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "New").put("surname", "Folder"));
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).as("the new folder's id is the one remembered")
          .hasSize(1);
    }
    assertThat(fixture.calls("contactFolders.list")).isEqualTo(lists + 1);
  }
}
