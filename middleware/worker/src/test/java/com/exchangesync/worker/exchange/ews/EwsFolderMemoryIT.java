package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testkit.ManualClock;
import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector remembers each mailbox's folders (and its org's own mark) for an
 * hour: what an open within the hour asks of Exchange, and what a
 * {@code Salesforce_Sync} the rep deleted, renamed or lost does, compared with
 * what an open that looks everything up (a new connector, as every open was
 * before) meets.
 */
class EwsFolderMemoryIT {

  private static final String ANN = ExchangeTestbedFixture.ANN;
  private static final String ORG = "00D5g000004FOLDAAA";
  private static final String OTHER_ORG = "00D5g000004OTHRAAA";

  private ExchangeTestbedFixture fixture;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T08:00:00Z"));
  private EwsMailboxConnector connector;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
    connector = new EwsMailboxConnector(fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD),
        fixture.stats, clock);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private long lookups() {
    return fixture.stats.calls("FindFolder") + fixture.stats.calls("GetFolder");
  }

  /** The contacts' sync token after a first read of {@code Salesforce_Sync}. */
  private String firstRead(EwsMailboxConnector through) throws MailboxException {
    try (Mailbox m = through.open(ANN)) {
      return m.changes(ItemKind.CONTACT, Optional.empty()).syncToken();
    }
  }

  /** A connector that remembers nothing yet: its open looks everything up, as every open did before. */
  private EwsMailboxConnector lookingUp() {
    return new EwsMailboxConnector(fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD),
        fixture.stats, clock);
  }

  @Test
  void aSecondOpenWithinTheHourLooksNothingUp_andOneAnHourAfterTheLookupLooksAgain() throws Exception {
    firstRead(connector);
    assertThat(fixture.stats.calls("FindFolder")).isOne();
    assertThat(fixture.stats.calls("GetFolder")).as("the calendar's").isOne();

    clock.advance(FolderMemory.RECHECK.minusMinutes(1));
    long before = lookups();
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).isEmpty();
      assertThat(m.changes(ItemKind.EVENT, Optional.empty()).changed()).isEmpty();
    }
    assertThat(lookups() - before).as("no FindFolder or GetFolder within the hour").isZero();

    clock.advance(java.time.Duration.ofMinutes(1));
    connector.open(ANN).close();
    assertThat(fixture.stats.calls("FindFolder")).as("looked up again after the hour").isEqualTo(2);
    assertThat(fixture.stats.calls("GetFolder")).isEqualTo(2);
    assertThat(fixture.stats.calls("CreateFolder")).isOne();
  }

  @Test
  void theOrgsOwnMarkIsRememberedOnceReadBack_anotherOrgsIsReadAtEveryOpen() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.syncingOrg(ORG)).isEmpty();
      m.markSyncingOrg(Optional.of(ORG));
      long written = fixture.stats.calls("GetFolder");
      assertThat(m.syncingOrg(ORG)).as("read back after the write, not answered from memory").contains(ORG);
      assertThat(fixture.stats.calls("GetFolder") - written).isOne();
    }
    long getFolder = fixture.stats.calls("GetFolder");
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.syncingOrg(ORG)).as("found there, not just written: remembered from the read-back").contains(ORG);
    }
    assertThat(fixture.stats.calls("GetFolder") - getFolder).as("the next open reads no mark").isZero();

    try (Mailbox m = connector.open(ANN)) {
      m.markSyncingOrg(Optional.of(OTHER_ORG)); // as a release and another org's claim would leave it
    }
    getFolder = fixture.stats.calls("GetFolder");
    for (int i = 0; i < 2; i++) {
      try (Mailbox m = connector.open(ANN)) {
        assertThat(m.syncingOrg(ORG)).contains(OTHER_ORG);
      }
    }
    assertThat(fixture.stats.calls("GetFolder") - getFolder).as("another org's mark is read at every open").isEqualTo(2);
  }

  @Test
  void asBefore_aLookupAfterADeleteToDeletedItems_makesSalesforceSyncAgain_andRefusesTheOldPosition() throws Exception {
    String token = firstRead(connector);
    fixture.sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Kept"));
    fixture.sim.deleteFolder(ANN, "Salesforce_Sync", false);

    // A lookup now finds no Salesforce_Sync under Contacts, makes a new one, and the saved position is of the old one.
    assertThatThrownBy(() -> {
      try (Mailbox m = lookingUp().open(ANN)) {
        m.changes(ItemKind.CONTACT, Optional.of(token));
      }
    }).isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
    assertThat(fixture.stats.calls("CreateFolder")).isEqualTo(2);
  }

  @Test
  void aSyncFolderDeletedToDeletedItems_isStillReadByItsRememberedIdWithinTheHour_andReplacedAfter() throws Exception {
    String token = firstRead(connector);
    fixture.sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Kept"));
    fixture.sim.deleteFolder(ANN, "Salesforce_Sync", false);

    clock.advance(FolderMemory.RECHECK.minusMinutes(1));
    try (Mailbox m = connector.open(ANN)) {
      ItemChanges changes = m.changes(ItemKind.CONTACT, Optional.of(token));
      assertThat(changes.changed()).as("its id still works in Deleted Items").hasSize(1);
    }
    assertThat(fixture.stats.calls("CreateFolder")).isOne();

    clock.advance(java.time.Duration.ofMinutes(1));
    try (Mailbox m = connector.open(ANN)) {
      assertThat(fixture.stats.calls("CreateFolder")).as("the lookup an hour on makes Salesforce_Sync again").isEqualTo(2);
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.of(token)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).as("the new folder, read afresh").isEmpty();
    }
  }

  @Test
  void aRenamedSyncFolderIsReplacedAnHourOn_asALookupReplacesItAtOnce() throws Exception {
    String token = firstRead(connector);
    fixture.sim.renameFolder(ANN, "Salesforce_Sync", "Old customers");
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.of(token)).changed()).isEmpty();
    }
    clock.advance(FolderMemory.RECHECK);
    try (Mailbox m = connector.open(ANN)) {
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.of(token)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
    }
    assertThat(fixture.stats.calls("CreateFolder")).isEqualTo(2);
    assertThat(fixture.sim.contacts(ANN, "Old customers")).isEmpty();
  }

  @Test
  void aSyncFolderGoneWhileRemembered_isLookedUpAgainInTheSameOpen_andMeetsWhatALookupMeets() throws Exception {
    String token = firstRead(connector);
    fixture.sim.deleteFolder(ANN, "Salesforce_Sync", true);
    long findFolder = fixture.stats.calls("FindFolder");

    try (Mailbox m = connector.open(ANN)) {
      assertThat(fixture.stats.calls("FindFolder")).as("the open trusts its memory").isEqualTo(findFolder);
      // ErrorFolderNotFound on the remembered id: looked up (none, so made), then the read is repeated on the new folder,
      // whose changes do not go on from the old folder's position: exactly what an open that looked it up would meet.
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.of(token)))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
      assertThat(fixture.stats.calls("FindFolder")).isEqualTo(findFolder + 1);
      assertThat(fixture.stats.calls("CreateFolder")).isEqualTo(2);
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).as("read afresh, as the engine then does").isEmpty();
    }
    fixture.sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "New").put("surname", "Folder"));
    try (Mailbox m = connector.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).as("the new folder's id is the one remembered")
          .hasSize(1);
    }
    assertThat(fixture.stats.calls("FindFolder")).isEqualTo(findFolder + 1);
  }

  @Test
  void aMailboxOutOfReachIsForgotten_soItsNextOpenReportsItAsAnOpenDoes() throws Exception {
    firstRead(connector);
    fixture.sim.serviceAccount(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD, java.util.List.of(
        ExchangeTestbedFixture.BOB));
    try (Mailbox m = connector.open(ANN)) {
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.empty()))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.IMPERSONATION_DENIED));
    }
    assertThatThrownBy(() -> connector.open(ANN).close())
        .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.IMPERSONATION_DENIED));
  }
}
