package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code Salesforce_Sync} the rep removed with what it held, between two cycles.
 * The worker's connector remembers the folder's id, so the next cycle's first read
 * meets {@code ErrorFolderNotFound}, looks the folder up (none, so made again) and
 * goes on in the same open; a connector that looks the folders up at every open
 * (as every open did before) makes the new folder at the open. Both end the same:
 * no failed pass, no error row, the Salesforce contacts kept, and the contacts the
 * rep removed taken as removed (unlinked, not written again into the new folder),
 * then a cycle with nothing to do.
 */
class SyncFolderLostCycleIT extends CycleTestBase {

  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  /** What the two cycles after the removal left. */
  private record After(String secondState, String thirdState, int thirdWrites, List<String> inSalesforceSync,
                       int salesforceContacts, int errorRows) {}

  private After removeTheFolderBetweenCycles(SyncCycle through) throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(ANN, "Max", "Prospect", "max@customer.example.com");
    assertThat(annContacts(through.run()).state()).isEqualTo("synced");
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(2);

    ex.sim.deleteFolder(ANN_MAIL, "Salesforce_Sync", true);
    RepOutcome second = annContacts(through.run());
    RepOutcome third = annContacts(through.run());
    return new After(second.state(), third.state(), third.report().map(r -> r.writes()).orElse(-1),
        ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").stream().map(o -> ((JsonObject) o).getString("surname")).sorted().toList(),
        sf.sim.records("Contact").size(), sf.sim.records("ExchangeSyncError__c").size());
  }

  /** What both end with. */
  private static final After EXPECTED = new After("synced", "synced", 0, List.of(), 2, 0);

  private static RepOutcome annContacts(List<RepOutcome> outcomes) {
    return outcomes.stream().filter(o -> o.email().equals(ANN_MAIL) && o.concerns(ItemKind.CONTACT)).findFirst().orElseThrow();
  }

  @Test
  void remembered_theNextCycleLooksTheFolderUpOnMeetingItGone_andEndsAsALookupAtEveryOpenEnds() throws Exception {
    long findFolder = ex.stats.calls("FindFolder");
    assertThat(removeTheFolderBetweenCycles(cycle)).isEqualTo(EXPECTED);
    assertThat(ex.stats.calls("FindFolder") - findFolder).as("Ann's and Bob's first opens, and Ann's on meeting the folder gone")
        .isEqualTo(3);
  }

  @Test
  void lookedUpAtEveryOpen_asBefore_theNextCycleMakesTheFolderAtItsOpen() throws Exception {
    long findFolder = ex.stats.calls("FindFolder");
    assertThat(removeTheFolderBetweenCycles(lookingUpAtEveryOpen())).isEqualTo(EXPECTED);
    assertThat(ex.stats.calls("FindFolder") - findFolder).as("each rep's open in each of the three cycles").isEqualTo(6);
  }

  /** A cycle whose connector is new at every cycle, so every open looks the folders up (as before they were remembered). */
  private SyncCycle lookingUpAtEveryOpen() {
    MailboxConnectors fresh = (setup, password) -> ExchangeAccess.of(new EwsMailboxConnector(EwsSettings.of(
        new ServiceAccount(ExchangeTestbedFixture.SERVICE, Secret.of(ExchangeTestbedFixture.PASSWORD)),
        Optional.of(URI.create(ex.bed.ewsUrl())), Optional.empty(), true), ex.stats, Clock.systemUTC()),
        ConnectionTestReport.CHECK_NAMES);
    return new SyncCycle(adapter, fresh, new PostgresSyncStateStore(pool), new MailboxLeases(pool), new WorkerPresence(pool),
        new ErrorOutbox(pool), new SyncActivity(pool), new MailboxSyncs(pool), new MailboxClaims(pool), SyncKinds.all(),
        "worker-it", Clock.systemUTC(), Duration.ofSeconds(30));
  }
}
