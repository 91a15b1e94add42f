package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.sync.CrashingStore;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.SyncKinds;
import com.exchangesync.worker.sync.SyncStateStore;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A first sync larger than a page, through force-wsc and ews-java-api against
 * both test beds: the SOQL feed is read page by page (ordered by SystemModstamp
 * and Id, going on mid-timestamp), the folder's SyncFolderItems feed likewise,
 * and a pass that stops after a few pages is taken up where it stopped.
 */
class PagedSyncCycleIT extends CycleTestBase {

  private static final int PAGE = 7;

  @Test
  void aFirstSyncOfManyPages_stoppedAfterThree_resumes_withEveryPersonOnceOnEachSide() throws Exception {
    ex.connector().open(ExchangeTestbedFixture.ANN).close(); // the Salesforce_Sync folder exists
    for (int i = 0; i < 30; i++) {
      contact(ANN, "Sf", "Only" + i, "sf" + i + "@customer.example.com");
      outlook("Ex", "Only" + i, "ex" + i + "@customer.example.com");
    }
    for (int i = 0; i < 8; i++) {
      contact(ANN, "Both", "Sides" + i, "both" + i + "@customer.example.com");
      outlook("Both", "Sides" + i, "BOTH" + i + "@customer.example.com");
    }
    int people = 30 + 30 + 8;
    MailboxKey ann = new MailboxKey(adapter.organizationId(), SalesforceId.require(ANN));
    PostgresSyncStateStore store = new PostgresSyncStateStore(pool);

    List<RepOutcome> stopped = cycleOn(new CrashingStore(store, 3)).run();
    assertThat(outcome(stopped).state()).as("the pass stopped mid-way").isNotEqualTo("synced");
    assertThat(store.start(ann, ItemKind.CONTACT).cursors()).as("the position reached is kept")
        .containsKey(Side.EXCHANGE);
    int linkedBeforeTheStop = store.linkCount(ann, ItemKind.CONTACT);
    assertThat(linkedBeforeTheStop).as("the three pages saved are kept").isBetween(1, people - 1);

    cycle.pageSize(PAGE);
    List<RepOutcome> resumed = cycle.run();
    assertThat(outcome(resumed).state()).isEqualTo("synced");

    Map<String, Long> outlook = ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync").stream()
        .map(o -> ((JsonObject) o).getString("email").toLowerCase())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Map<String, Long> salesforce = sf.sim.records("Contact").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("OwnerId").startsWith(ANN)).map(c -> c.getString("Email").toLowerCase())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(outlook).as("each person once in Outlook").hasSize(people).allSatisfy((e, n) -> assertThat(n).isOne());
    assertThat(salesforce).as("each person once in Salesforce").hasSize(people).allSatisfy((e, n) -> assertThat(n).isOne());
    assertThat(store.linkCount(ann, ItemKind.CONTACT)).isEqualTo(people);

    RepOutcome after = outcome(cycle.run());
    assertThat(after.state()).isEqualTo("synced");
    assertThat(after.report()).hasValueSatisfying(r -> assertThat(r.writes()).as("the cycle after writes nothing").isZero());
  }

  private SyncCycle cycleOn(SyncStateStore store) throws Exception {
    MailboxConnectors connectors = MailboxConnectors.byExchangeType(
        MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, ex.stats, Clock.systemUTC()), graphConnectors());
    // The same worker as the test's cycle: it stops mid-pass, then its next cycle goes on.
    return new SyncCycle(adapter, connectors, store, new MailboxLeases(pool), new WorkerPresence(pool), new ErrorOutbox(pool),
        new SyncActivity(pool), new MailboxSyncs(pool), new MailboxClaims(pool), SyncKinds.all(), "worker-it", Clock.systemUTC(), Duration.ofSeconds(30))
        .pageSize(PAGE);
  }

  private void outlook(String given, String surname, String email) {
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", given)
        .put("surname", surname).put("email", email));
  }

  private static RepOutcome outcome(List<RepOutcome> outcomes) {
    return outcomes.stream().filter(o -> o.email().equals("ann@corp.example.com") && o.concerns(ItemKind.CONTACT))
        .findFirst().orElseThrow();
  }
}
