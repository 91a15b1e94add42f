package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reps' mailboxes synced side by side: as many at once as the worker is told,
 * never more, each rep's result the same as one after another.
 */
class ParallelMailboxesIT extends CycleTestBase {

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();

  @Test
  void twoRepsAtOnce_whenTwoMayRun_andEachSyncsAsAlone() throws Exception {
    seed();
    List<RepOutcome> outcomes = cycle(2).run();
    assertThat(mostOpen.get()).as("both reps' mailboxes were being synced at once").isEqualTo(2);
    assertSynced(outcomes);
  }

  @Test
  void oneRepAtATime_whenOneMayRun() throws Exception {
    seed();
    List<RepOutcome> outcomes = cycle(1).run();
    assertThat(mostOpen.get()).isEqualTo(1);
    assertSynced(outcomes);
  }

  private void seed() {
    for (int i = 0; i < 5; i++) {
      contact(ANN, "Ann's", "Customer" + i, "ann" + i + "@customer.example.com");
      contact(BOB, "Bob's", "Customer" + i, "bob" + i + "@customer.example.com");
    }
    // Every EWS call takes a while, so a rep's passes last long enough for the other's to start beside them.
    ex.sim.fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", 50).put("count", -1));
  }

  private void assertSynced(List<RepOutcome> outcomes) {
    assertThat(outcomes.stream().filter(o -> o.concerns(ItemKind.CONTACT) && o.state().equals("synced"))
        .map(RepOutcome::email)).containsExactlyInAnyOrder("ann@corp.example.com", "bob@corp.example.com");
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync")).hasSize(5);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).hasSize(5);
    assertThat(outcomes).extracting(RepOutcome::email).as("outcomes in the cycle's order of reps")
        .containsSubsequence("ann@corp.example.com", "bob@corp.example.com");
  }

  /** The test's cycle with {@code parallel} reps at once, over EWS connectors that count the mailboxes open. */
  private SyncCycle cycle(int parallel) throws Exception {
    MailboxConnectors ews = MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, ex.stats, Clock.systemUTC());
    MailboxConnectors counted = (setup, password) -> {
      ExchangeAccess access = ews.forSetup(setup, password);
      return access.connector().isEmpty() ? access
          : ExchangeAccess.of(new CountingConnector(access.connector().get()), ConnectionTestReport.CHECK_NAMES);
    };
    return new SyncCycle(adapter, counted, new PostgresSyncStateStore(pool), new MailboxLeases(pool),
        new WorkerPresence(pool), new ErrorOutbox(pool), new SyncActivity(pool), new MailboxSyncs(pool),
        new MailboxClaims(pool), SyncKinds.all(), "worker-it", Clock.systemUTC(), Duration.ofSeconds(30))
        .parallelMailboxes(parallel);
  }

  private final class CountingConnector implements MailboxConnector {
    private final MailboxConnector real;

    CountingConnector(MailboxConnector real) {
      this.real = real;
    }

    @Override
    public Mailbox open(String smtp) throws MailboxException {
      Mailbox mailbox = real.open(smtp);
      mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
      return new Counted(mailbox);
    }

    @Override
    public ConnectionTestReport test(String smtp) {
      return real.test(smtp);
    }
  }

  /** A mailbox as opened, counted until it is closed. */
  private final class Counted implements Mailbox {
    private final Mailbox m;

    Counted(Mailbox m) {
      this.m = m;
    }

    @Override public String smtp() { return m.smtp(); }
    @Override public ItemChanges changes(ItemKind k, Optional<String> t) throws MailboxException { return m.changes(k, t); }
    @Override public ItemChanges changes(ItemKind k, Optional<String> t, KnownVersions v) throws MailboxException {
      return m.changes(k, t, v);
    }
    @Override public List<ExchangeItem> get(ItemKind k, List<String> ids) throws MailboxException { return m.get(k, ids); }
    @Override public Map<String, ExchangeItem> findBySalesforceIds(ItemKind k, List<String> ids) throws MailboxException {
      return m.findBySalesforceIds(k, ids);
    }
    @Override public Map<String, List<String>> idsMarkedWith(ItemKind k, List<String> ids) throws MailboxException {
      return m.idsMarkedWith(k, ids);
    }
    @Override public Map<String, List<ExchangeItem>> occurrences(Set<String> s, Instant f, Instant t) throws MailboxException {
      return m.occurrences(s, f, t);
    }
    @Override public List<ItemResult> create(ItemKind k, List<NewItem> i) throws MailboxException { return m.create(k, i); }
    @Override public List<ItemResult> update(ItemKind k, List<ItemUpdate> u) throws MailboxException { return m.update(k, u); }
    @Override public List<ItemResult> delete(ItemKind k, List<String> ids) throws MailboxException { return m.delete(k, ids); }
    @Override public Optional<String> syncingOrg() throws MailboxException { return m.syncingOrg(); }
    @Override public void markSyncingOrg(Optional<String> org) throws MailboxException { m.markSyncingOrg(org); }
    @Override public int writeRequestSize() { return m.writeRequestSize(); }
    @Override public boolean writesAttendees() { return m.writesAttendees(); }

    @Override
    public void close() {
      open.decrementAndGet();
      m.close();
    }
  }
}
