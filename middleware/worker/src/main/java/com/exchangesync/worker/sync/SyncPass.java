package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.Mailbox;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync pass of one rep and one kind of record (contacts, events): the
 * algorithm, start to end. What is particular to the kind comes in the rep's
 * {@link RepContext}: its {@link KindRules} (what stays out, how an unlinked
 * record finds its partner) and its {@link FieldMap} (which fields pair up, with
 * their converters).
 *
 * <p>A pass works page by page, each page taking the steps below and saving
 * what it did with the position each feed reached, so a pass that stops
 * half-way (a crash, a lost lease, a failing call) is taken up where it stopped
 * by the next, and what a page holds in memory is bounded by {@link #PAGE}
 * changes per side whatever the mailbox's size. Exchange's feed is read to its
 * end first, then Salesforce's: every Exchange item has then either been paired
 * or is remembered unlinked by its match key, so a Salesforce record read in a
 * later page still finds the item that is the same person, and an Exchange item
 * finds its Salesforce record by a query whatever page that record is in. A quiet
 * pass is one page that reads both feeds.
 *
 * <ol>
 *   <li>{@link FeedReader}: what changed on each side since its cursor (everything,
 *       the first time or after the direction changed), and, on the first page,
 *       the records whose retry is due.</li>
 *   <li>{@link LinkedPairs}: linked pairs touched on either side. The
 *       {@link Decision} table unlinks a pair whose partner was deleted (never
 *       deleting in turn; the survivor is tombstoned), leaves a pair the rules
 *       keep out, and merges the others ({@link FieldMerge} against the pair's base).</li>
 *   <li>{@link UnlinkedExchange}: unlinked Exchange items are matched before
 *       anything is created: by the Salesforce id we stored on the item, by the
 *       creation key we stored on a record made from it, then by the kind's match
 *       key among records the rep can see.</li>
 *   <li>{@link UnlinkedSalesforce}: unlinked Salesforce records (Salesforce to
 *       Exchange) are found by our extended property (a create that crashed before
 *       its link was saved) or by match key among unlinked Exchange items, else
 *       created in the kind's folder carrying their id.</li>
 *   <li>{@link UnlinkedExchange}: unlinked Exchange items left (Exchange to
 *       Salesforce) are created in Salesforce, owned by the rep, with the item id
 *       as creation key; the new id goes back onto the item.</li>
 *   <li>{@link PairWrites}: every merged pair, batched per side; a record that
 *       fails is reported and scheduled for a retry, the rest go on. Then links,
 *       tombstones, retries and both cursors are saved in one transaction, fenced
 *       by the lease.</li>
 * </ol>
 * Nothing is saved before its writes are done, and every create is found again
 * after a crash, so a pass killed at any point and run again neither loses nor
 * duplicates anything. A tombstoned record is not re-created on the side where
 * its partner was deleted until it changes again.
 */
public final class SyncPass {

  private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);

  /** About how many changes of each side one page of a pass reads, applies and saves. */
  public static final int PAGE = 2000;

  private final Mailbox mailbox;
  private final SalesforceSide salesforce;
  private final SyncStateStore store;
  private final String leaseOwner;
  private final Clock clock;
  private int page = PAGE;

  public SyncPass(Mailbox mailbox, SalesforceSide salesforce, SyncStateStore store, String leaseOwner, Clock clock) {
    this(mailbox, salesforce, store, leaseOwner, clock, Fence.NONE);
  }

  /**
   * @param fence checked before every write batch on either side: a pass whose worker lost the mailbox's lease
   *     (it stalled past it) stops at its next write, with {@link LeaseLostException}
   */
  public SyncPass(Mailbox mailbox, SalesforceSide salesforce, SyncStateStore store, String leaseOwner, Clock clock, Fence fence) {
    this.mailbox = new FencedMailbox(mailbox, fence);
    this.salesforce = new FencedSalesforce(salesforce, fence);
    this.store = store;
    this.leaseOwner = leaseOwner;
    this.clock = clock;
  }

  /** Runs the pass for {@code rep}. */
  public PassReport run(RepContext rep) throws SyncException, LeaseLostException {
    try {
      return runFenced(rep);
    } catch (Fence.FencedOut e) {
      LOG.warn("The lease on the mailbox of {} (org {}) was lost mid-pass; stopping before the next write, saving nothing",
          rep.email(), rep.mailbox().orgId());
      throw new LeaseLostException(rep.mailbox(), leaseOwner);
    }
  }

  /** Sets how many changes per side a page holds (tests make pages small to have many). */
  public SyncPass pageSize(int changes) {
    if (changes < 1) {
      throw new IllegalArgumentException("a page holds at least one change: " + changes);
    }
    this.page = changes;
    return this;
  }

  private PassReport runFenced(RepContext rep) throws SyncException, LeaseLostException {
    SyncState loaded = store.start(rep.mailbox(), rep.rules().itemKind());
    PassReport report = new PassReport();
    if (rep.direction() == Direction.NONE) {
      // The guide's "Exchange configuration not set to sync": read nothing, write nothing.
      report.directionNone = true;
      report.linkedTotal = store.linkCount(rep.mailbox(), rep.rules().itemKind());
      return report;
    }
    Map<RecordRef, Retry> retries = new HashMap<>();
    loaded.retries().forEach(r -> retries.put(new RecordRef(r.side(), r.recordId()), r));
    // A cursor saved under another direction or other settings does not cover what must be read now.
    Optional<String> exPosition = loaded.cursor(Side.EXCHANGE, rep.direction(), rep.settings()).map(Cursor::token);
    Optional<String> sfPosition = loaded.cursor(Side.SALESFORCE, rep.direction(), rep.settings()).map(Cursor::token);
    boolean exchangeFromStart = false;
    // What a read of the folder from its start lists, over all its pages: a linked item it does not list is gone
    // (deleted while no position covered it: the direction or settings changed, Exchange forgot our position).
    Set<String> listedFromStart = null;
    boolean exchangeDone = false;
    boolean salesforceRead = false;
    boolean salesforceDone = false;
    for (int n = 1; !(exchangeDone && salesforceDone); n++) {
      PassState s = new PassState(rep, retries, store, mailbox, salesforce, clock, report);
      FeedReader feeds = new FeedReader(s, mailbox, salesforce);
      if (!exchangeDone) {
        FeedReader.FeedPage ex = feeds.readExchange(exPosition, page);
        if (ex.fromStart()) {
          exchangeFromStart = true;
          listedFromStart = new HashSet<>();
        }
        if (listedFromStart != null) {
          listedFromStart.addAll(s.exListed);
          listedFromStart.addAll(s.exChanged.keySet());
        }
        exPosition = Optional.of(ex.position());
        exchangeDone = !ex.more();
        s.change.cursor(Side.EXCHANGE, new Cursor(ex.position(), rep.direction(), rep.settings()));
        if (exchangeDone && listedFromStart != null) {
          goneUnlisted(rep, listedFromStart, s);
          listedFromStart = null;
        }
      }
      // After a whole read of the folder every item carrying a Salesforce id was seen, and matched by it.
      s.exchangeReadWhole = exchangeFromStart && exchangeDone;
      if (exchangeDone) {
        FeedReader.FeedPage sf = feeds.readSalesforce(sfPosition, page, !salesforceRead, store);
        salesforceRead = true;
        sfPosition = Optional.of(sf.position());
        salesforceDone = !sf.more();
        s.change.cursor(Side.SALESFORCE, new Cursor(sf.position(), rep.direction(), rep.settings()));
      }
      if (n == 1) {
        feeds.addDueRetries();
      }
      applyPage(s);
      store.save(rep.mailbox(), rep.rules().itemKind(), leaseOwner, s.change);
      if (!(exchangeDone && salesforceDone)) {
        LOG.info("{} of {}: page {} applied and saved; reading on", rep.rules().itemKind(), rep.email(), n);
      }
    }
    report.linkedTotal = store.linkCount(rep.mailbox(), rep.rules().itemKind());
    LOG.debug("{} of {}: {}", rep.rules().itemKind(), rep.email(), report);
    return report;
  }

  /**
   * Linked items a read of the whole folder did not list are gone: they join the page's Exchange deletions, so
   * their pairs are unlinked as any deleted item's are (the Salesforce record is kept, tombstoned).
   */
  private void goneUnlisted(RepContext rep, Set<String> listed, PassState s) {
    Set<String> linked = store.linkedFolderItemIds(rep.mailbox(), rep.rules().itemKind());
    int gone = 0;
    for (String id : linked) {
      if (!listed.contains(id) && !s.exGone.contains(id)) {
        s.exGone.add(id);
        gone++;
      }
    }
    if (gone > 0) {
      LOG.info("{} of {}: {} linked item(s) no longer in the folder, read whole; their pairs are unlinked",
          rep.rules().itemKind(), rep.email(), gone);
    }
  }

  /** Steps 2 to 6 on what one page read. */
  private void applyPage(PassState s) throws SyncException {
    s.prefetch();
    s.rep.rules().prepare(s.exChanged.values());
    if (s.rep.rules().groups().isPresent()) {
      // Series and their occurrences are the kind's own step; it takes them out of the feeds.
      s.rep.rules().groups().get().run(s);
    }
    new LinkedPairs(s, mailbox, salesforce).reconcile();
    UnlinkedExchange exchangeSide = new UnlinkedExchange(s, mailbox, salesforce);
    List<ExchangeItem> unmatched = exchangeSide.match();
    new UnlinkedSalesforce(s, mailbox, store).matchOrCreate(unmatched);
    exchangeSide.createInSalesforce(unmatched);
    if (!s.later.isEmpty()) {
      throw new IllegalStateException("Salesforce creates left for a create that was not sent");
    }
    exchangeSide.rememberUnlinked(unmatched);
    new PairWrites(s, mailbox, salesforce).apply();
  }
}
