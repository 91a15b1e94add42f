package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A pass larger than a page: it reads, applies and saves one page at a time, so
 * its memory is bounded by the page and a pass that stops half-way is taken up
 * where it stopped. Matching still sees every record, whatever page each side of
 * a person is in.
 */
class PagedPassTest {

  private static final int PAGE = 25;
  private static final MailboxKey MAILBOX = new MailboxKey(SyncBench.ORG, SyncBench.REP);

  /**
   * {@code only} people in Salesforce only and as many in Outlook only, and {@code both} people on both sides
   * twice over: once made early in Salesforce and late in Outlook, once the other way round, so each side of a
   * person is in a different page of its feed.
   */
  private static SyncBench seeded(int only, int both) {
    SyncBench bench = new SyncBench();
    bench.exchange.pageSize(10);
    for (int i = 0; i < both; i++) {
      bench.ui().create(SyncBench.sf("Early", "Sf" + i, "early-sf" + i + "@x.com"));
      bench.outlook().create(ItemKind.CONTACT, SyncBench.ex("Early", "Ex" + i, "early-ex" + i + "@x.com"));
    }
    for (int i = 0; i < only; i++) {
      bench.ui().create(SyncBench.sf("Sf", "Only" + i, "sf" + i + "@x.com"));
      bench.outlook().create(ItemKind.CONTACT, SyncBench.ex("Ex", "Only" + i, "ex" + i + "@x.com"));
    }
    for (int i = 0; i < both; i++) {
      bench.ui().create(SyncBench.sf("Early", "Ex" + i, "early-ex" + i + "@x.com"));
      bench.outlook().create(ItemKind.CONTACT, SyncBench.ex("Early", "Sf" + i, "early-sf" + i + "@x.com"));
    }
    return bench;
  }

  private static PassReport pass(SyncBench bench, SyncStateStore store, SalesforceSide salesforce, int page)
      throws Exception {
    try (Mailbox mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      return new SyncPass(mailbox, salesforce, store, "worker-1", bench.clock).pageSize(page).run(bench.context());
    }
  }

  /** Every person once on each side, every pair linked, and a pass after writes nothing. */
  private static void assertWhole(SyncBench bench, int people) throws Exception {
    Map<String, Long> outlook = bench.items().stream()
        .collect(Collectors.groupingBy(i -> i.values().get(ExchangeField.EMAIL), Collectors.counting()));
    Map<String, Long> salesforce = bench.salesforce.snapshot().values().stream()
        .collect(Collectors.groupingBy(c -> c.get("Email"), Collectors.counting()));
    assertThat(outlook).as("each person once in Outlook").hasSize(people).allSatisfy((email, n) -> assertThat(n).isOne());
    assertThat(salesforce).as("each person once in Salesforce").hasSize(people).allSatisfy((email, n) -> assertThat(n).isOne());
    assertThat(bench.store.linkCount(MAILBOX, ItemKind.CONTACT)).isEqualTo(people);
    assertThat(bench.sync().writes()).as("the pass after writes nothing").isZero();
  }

  @Test
  void aPassLargerThanAPage_readsAPageAtATime_andMatchesPeopleWhateverPageTheirSidesAreIn() throws Exception {
    SyncBench bench = seeded(100, 30);
    MeasuringStore store = new MeasuringStore(bench.store);
    MeasuringSalesforce salesforce = new MeasuringSalesforce(bench.salesforce);

    PassReport report = pass(bench, store, salesforce, PAGE);

    assertThat(report.matched).as("each person on both sides paired, not made twice").isEqualTo(60);
    assertThat(report.exchangeCreated).isEqualTo(100);
    assertThat(report.salesforceCreated).isEqualTo(100);
    assertThat(store.saves).as("saved page by page").isGreaterThan(10);
    assertThat(salesforce.largestRead).as("Salesforce read a page at a time").isBetween(1, PAGE);
    assertThat(store.largestLookup).as("links read for a page's records, not the mailbox's").isLessThanOrEqualTo(4 * PAGE);
    assertWhole(bench, 260);
  }

  @Test
  void aPassStoppedAfterAnyPage_isTakenUpWhereItStopped_andNothingIsLostOrDoubled() throws Exception {
    int pages = 0;
    for (int saves = 0; ; saves++) {
      SyncBench bench = seeded(60, 15);
      CrashingStore crashing = new CrashingStore(bench.store, saves);
      try {
        pass(bench, crashing, bench.salesforce, PAGE);
        pages = saves; // the pass ended before the store refused: every stopping point has been tried
        break;
      } catch (LeaseLostException stopped) {
        // stopped after the writes of page saves + 1, before saving them
      }
      if (saves > 0) {
        assertThat(bench.store.start(MAILBOX, ItemKind.CONTACT).cursors()).as("the position reached is kept").isNotEmpty();
      }
      pass(bench, bench.store, bench.salesforce, PAGE);
      assertWhole(bench, 150);
    }
    assertThat(pages).as("the pass had many pages to stop after").isGreaterThan(8);
  }

  @Test
  void aFiftyThousandItemInitialSync_stoppedHalfWay_resumesWhereItStopped() throws Exception {
    // 25,000 contacts in Salesforce and 25,000 in Outlook: 49,000 people, 1,000 of them on both sides.
    SyncBench bench = seeded(24_000, 500);
    bench.exchange.pageSize(512);
    // Stopped in the Salesforce half of the pass: the folder has been read to its end, and some of Salesforce.
    CrashingStore crashing = new CrashingStore(bench.store, 35);
    int before = bench.items().size();
    assertThatThrownBy(() -> pass(bench, crashing, bench.salesforce, SyncPass.PAGE)).isInstanceOf(LeaseLostException.class);
    // What the stopped pass created in the folder after it had read the folder to its end.
    int createdAfterTheRead = bench.items().size() - before;
    SyncState halfWay = bench.store.load(MAILBOX, ItemKind.CONTACT);
    assertThat(halfWay.links()).as("the pages before the stop are kept").hasSizeGreaterThan(30_000);
    assertThat(halfWay.cursors()).as("with the position each feed reached").containsKeys(Side.EXCHANGE, Side.SALESFORCE);

    MeasuringSalesforce salesforce = new MeasuringSalesforce(bench.salesforce);
    long read = countRead(bench, () -> pass(bench, bench.store, salesforce, SyncPass.PAGE));

    // The folder's feed goes on from where the stopped pass saved it: it gives what changed since (the
    // items that pass created in its Salesforce half, read back once), not the folder again.
    assertThat(read).as("Exchange items read again: only what changed since the stop, not the folder")
        .isLessThanOrEqualTo(createdAfterTheRead + SyncPass.PAGE)
        .isLessThan(before);
    assertThat(salesforce.totalRead).as("Salesforce records read again: the rest of the feed, not all of it")
        .isLessThan(35_000);
    assertThat(salesforce.largestRead).isLessThanOrEqualTo(SyncPass.PAGE);
    assertWhole(bench, 49_000);
  }

  /** Exchange items (changed or deleted) the feed gave while {@code run} ran. */
  private static long countRead(SyncBench bench, ThrowingRun run) throws Exception {
    long before = bench.exchange.changesRead();
    run.run();
    return bench.exchange.changesRead() - before;
  }

  @FunctionalInterface
  private interface ThrowingRun {
    void run() throws Exception;
  }

  /** A store that counts saves and the largest lookup, and refuses to hand out the whole state. */
  private static final class MeasuringStore implements SyncStateStore {
    final SyncStateStore real;
    int saves;
    int largestLookup;

    MeasuringStore(SyncStateStore real) {
      this.real = real;
    }

    private void looked(Collection<String> ids) {
      largestLookup = Math.max(largestLookup, ids.size());
    }

    @Override
    public SyncState load(MailboxKey mailbox, ItemKind kind) {
      throw new AssertionError("a pass must not read the whole state");
    }

    @Override
    public SyncState start(MailboxKey mailbox, ItemKind kind) {
      return real.start(mailbox, kind);
    }

    /** A whole read of the folder asks for the linked items' ids (ids only, not links) to tell which are gone. */
    @Override
    public java.util.Set<String> linkedFolderItemIds(MailboxKey mailbox, ItemKind kind) {
      return real.linkedFolderItemIds(mailbox, kind);
    }

    @Override
    public Map<String, Link> linksOfSalesforce(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
      looked(ids);
      return real.linksOfSalesforce(mailbox, kind, ids);
    }

    @Override
    public Map<String, Link> linksOfExchange(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
      looked(ids);
      return real.linksOfExchange(mailbox, kind, ids);
    }

    @Override
    public List<Link> linksInSeries(MailboxKey mailbox, ItemKind kind, String series) {
      return real.linksInSeries(mailbox, kind, series);
    }

    @Override
    public Map<String, Tombstone> tombstones(MailboxKey mailbox, ItemKind kind, Side side, Collection<String> ids) {
      looked(ids);
      return real.tombstones(mailbox, kind, side, ids);
    }

    @Override
    public LinkedIds linkedSalesforceIds(MailboxKey mailbox, ItemKind kind) {
      return real.linkedSalesforceIds(mailbox, kind);
    }

    @Override
    public int linkCount(MailboxKey mailbox, ItemKind kind) {
      return real.linkCount(mailbox, kind);
    }

    @Override
    public void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException {
      saves++;
      real.save(mailbox, kind, owner, change);
    }

    @Override
    public Map<String, List<String>> unlinkedItems(MailboxKey mailbox, ItemKind kind, Set<String> matchKeys) {
      return real.unlinkedItems(mailbox, kind, matchKeys);
    }

    @Override
    public void reset(MailboxKey mailbox, String owner) throws LeaseLostException {
      real.reset(mailbox, owner);
    }
  }

  /** A Salesforce side that notes the largest page of changes it gave. */
  private static final class MeasuringSalesforce extends RacingEditsTest.DelegatingSalesforce {
    int largestRead;
    long totalRead;

    MeasuringSalesforce(SalesforceSide real) {
      super(real);
    }

    @Override
    public Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields, int limit)
        throws SyncException {
      Changes changes = real.changedSince(scope, watermark, watch, fields, limit);
      largestRead = Math.max(largestRead, changes.inScope().size());
      totalRead += changes.inScope().size();
      return changes;
    }
  }
}
