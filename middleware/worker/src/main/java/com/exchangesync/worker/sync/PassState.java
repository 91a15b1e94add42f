package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working state of one page of a pass: the links of the records it read
 * (as loaded and as the page changes them), what each feed said, the writes
 * waiting for their batch, and the {@link StateChange} saved at the end of the
 * page. Shared by the page's steps.
 */
final class PassState implements PassContext {

  final RepContext rep;
  final FieldMap map;
  final KindRules rules;
  final Direction direction;
  final Clock clock;
  final PassReport report;
  final StateChange change = new StateChange();
  /** The Salesforce fields every read asks for: the mapped ones and the ones the rules need. */
  final List<String> sfFields;

  final PassLinks links;
  private final SyncStateStore store;
  /** Tombstones read so far (an empty value: none), by record. */
  private final Map<RecordRef, java.util.Optional<Tombstone>> tombstones = new HashMap<>();
  /** The pass's retries, kept current across its pages. */
  final Map<RecordRef, Retry> retries;
  /** Records looked at again this pass because their retry was due. */
  final Set<RecordRef> retried = new HashSet<>();

  // what the feeds said
  final Map<String, ExchangeItem> exChanged = new LinkedHashMap<>();
  final Set<String> exGone = new LinkedHashSet<>();
  /** Every item id the page's Exchange read listed as there, held version or not. */
  final Set<String> exListed = new java.util.HashSet<>();
  final Map<String, SalesforceItem> sfChanged = new LinkedHashMap<>();
  final Set<String> sfGone = new HashSet<>();
  /** Whether each feed was read from the beginning (it then lists every record, so lookups can be local). */
  boolean exchangeReadWhole;
  boolean salesforceReadWhole;
  /** Every record the page's Salesforce read brought, when it began at the start and was whole (else null). */
  List<SalesforceItem> sfReadFromStart;
  /** What the page's first Salesforce read looked up for the match along with the feed, and found (else null). */
  SalesforceSide.Lookups lookedAhead;
  SalesforceSide.Candidates foundAhead;

  /** Salesforce creates a step left for the page's create of new Exchange items. */
  final LaterCreates later = new LaterCreates();

  /** Linked or newly matched pairs, merged and written in one batch per side at the end. */
  final List<PairWrite> pairWrites = new ArrayList<>();

  /** A pair to merge: both records as read, the base to merge against, and whether the item must get our mark. */
  record PairWrite(SalesforceItem sf, ExchangeItem ex, Map<String, String> base, boolean markItem) {}

  final Mailbox mailbox;
  final SalesforceSide salesforce;

  PassState(RepContext rep, Map<RecordRef, Retry> retries, SyncStateStore store, Mailbox mailbox, SalesforceSide salesforce,
            Clock clock, PassReport report) {
    this.rep = rep;
    this.retries = retries;
    this.store = store;
    this.report = report;
    this.links = new PassLinks(store, rep.mailbox(), rep.rules().itemKind());
    this.mailbox = mailbox;
    this.salesforce = salesforce;
    this.map = rep.fields();
    this.rules = rep.rules();
    this.direction = rep.direction();
    this.clock = clock;
    Set<String> fields = new LinkedHashSet<>(map.salesforceFields());
    fields.addAll(rules.extraSalesforceFields());
    this.sfFields = List.copyOf(fields);
  }

  /**
   * Reads ahead, in one batch per side, the links and tombstones of every record
   * the feeds gave this page, so the steps that follow look them up in memory.
   */
  void prefetch() {
    Set<String> sfIds = new HashSet<>(sfChanged.keySet());
    sfIds.addAll(sfGone);
    Set<String> exIds = new HashSet<>(exChanged.keySet());
    exIds.addAll(exGone);
    exChanged.values().forEach(i -> i.salesforceId().ifPresent(sfIds::add));
    links.prefetch(sfIds, exIds);
    prefetchTombstones(Side.SALESFORCE, sfChanged.keySet());
    prefetchTombstones(Side.EXCHANGE, exChanged.keySet());
  }

  private void prefetchTombstones(Side side, Set<String> ids) {
    List<String> need = ids.stream().filter(id -> !tombstones.containsKey(new RecordRef(side, id))).toList();
    if (need.isEmpty()) {
      return;
    }
    Map<String, Tombstone> found = store.tombstones(rep.mailbox(), rules.itemKind(), side, need);
    need.forEach(id -> tombstones.put(new RecordRef(side, id), java.util.Optional.ofNullable(found.get(id))));
  }

  String repUserId() {
    return rep.mailbox().userId();
  }

  @Override
  public RepContext rep() {
    return rep;
  }

  @Override
  public Mailbox mailbox() {
    return mailbox;
  }

  @Override
  public SalesforceSide salesforce() {
    return salesforce;
  }

  @Override
  public List<String> salesforceFields() {
    return sfFields;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Map<String, ExchangeItem> exchangeChanged() {
    return exChanged;
  }

  @Override
  public Set<String> exchangeGone() {
    return exGone;
  }

  @Override
  public Map<String, SalesforceItem> salesforceChanged() {
    return sfChanged;
  }

  @Override
  public Set<String> salesforceGone() {
    return sfGone;
  }

  @Override
  public java.util.Optional<LaterCreates> laterCreates() {
    return java.util.Optional.of(later);
  }

  @Override
  public java.util.Optional<List<SalesforceItem>> salesforceReadFromStart() {
    return java.util.Optional.ofNullable(sfReadFromStart);
  }

  @Override
  public List<Link> linksInSeries(String series) {
    return links.inSeries(series);
  }

  @Override
  public java.util.Optional<Link> linkOfSalesforce(String salesforceId) {
    return links.ofSalesforce(salesforceId);
  }

  @Override
  public java.util.Optional<Link> linkOfExchange(String exchangeId) {
    return links.ofExchange(exchangeId);
  }

  @Override
  public PassReport report() {
    return report;
  }

  @Override
  public void forget(Link link) {
    change.unlink(link.salesforceId());
    links.remove(link);
  }

  /** Remembers a pair (new, or with a new base or change key). */
  @Override
  public void remember(Link link) {
    change.forgetUnlinkedItem(link.exchangeId());
    links.put(link);
    change.link(link);
  }

  /** Links a pair found by matching; an empty base makes the merge fill each side's gaps from the other. */
  void matched(SalesforceItem sf, ExchangeItem ex) {
    report.matched++;
    links.put(new Link(sf.id(), ex.id(), Map.of(), ex.changeKey()));
    sfChanged.remove(sf.id());
    exChanged.remove(ex.id());
    pairWrites.add(new PairWrite(sf, ex, Map.of(), ex.salesforceId().filter(sf.id()::equals).isEmpty()));
  }

  /**
   * A partner was deleted: forget the pair and keep the survivor, tombstoned
   * with the content both sides last agreed on. The survivor is not re-created
   * on the side where the rep deleted it until its content moves on from that
   * (Exchange does not report an item created and deleted between two reads,
   * so a deletion may only come to light when the other side changes: that
   * change then counts as the new change that brings the record back).
   */
  @Override
  public void unlink(Link link, boolean salesforceSurvives, boolean exchangeSurvives) {
    change.unlink(link.salesforceId());
    links.remove(link);
    report.unlinked++;
    String agreed = Fingerprint.of(link.base());
    if (salesforceSurvives) {
      bury(new Tombstone(Side.SALESFORCE, link.salesforceId(), agreed));
    }
    if (exchangeSurvives) {
      bury(new Tombstone(Side.EXCHANGE, link.exchangeId(), agreed));
    }
  }

  private void bury(Tombstone t) {
    change.tombstone(t);
    tombstones.put(new RecordRef(t.side(), t.recordId()), java.util.Optional.of(t));
  }

  /** Whether a tombstone still holds for this record (it has not changed since its partner was deleted). */
  @Override
  public boolean buried(Side side, String id, Map<String, String> values) {
    RecordRef ref = new RecordRef(side, id);
    if (!tombstones.containsKey(ref)) {
      prefetchTombstones(side, Set.of(id));
    }
    Tombstone t = tombstones.get(ref).orElse(null);
    if (t == null) {
      return false;
    }
    if (t.fingerprint().equals(Fingerprint.of(values))) {
      return true;
    }
    change.clearTombstone(t);
    tombstones.put(ref, java.util.Optional.empty());
    return false;
  }

  /** How an unlinked Salesforce record stands. */
  Decision.State stateOf(SalesforceItem sf) {
    if (rules.skip(sf).isPresent()) {
      report.skipped++;
      return Decision.State.SKIPPED;
    }
    return buried(Side.SALESFORCE, sf.id(), map.fromSalesforce(sf.fields())) ? Decision.State.BURIED : Decision.State.CHANGED;
  }

  /** How an unlinked Exchange item stands. */
  Decision.State stateOf(ExchangeItem ex) {
    if (rules.skip(ex).isPresent()) {
      report.skipped++;
      return Decision.State.SKIPPED;
    }
    return buried(Side.EXCHANGE, ex.id(), map.fromExchange(ex)) ? Decision.State.BURIED : Decision.State.CHANGED;
  }

  /** A record that failed: reported, and tried again after a back-off. */
  @Override
  public void failed(Side side, String recordId, RecordError error) {
    report.errors.add(error);
    Retry previous = retries.get(new RecordRef(side, recordId));
    change.retry(Retry.after(side, recordId, previous == null ? 0 : previous.attempts(), clock.instant()));
  }

  /** A record that succeeded: its retry, if any, is over. */
  @Override
  public void cleared(Side side, String recordId) {
    Retry previous = retries.remove(new RecordRef(side, recordId));
    if (previous != null) {
      change.clearRetry(previous);
    }
  }

  static String code(ItemResult r) {
    return r.error().map(MailboxError::code).orElse("EXCHANGE_UNEXPECTED");
  }

  /** Runs a mailbox call, turning a failure of the whole mailbox into the pass's failure. */
  static <T> T exchange(MailboxCall<T> call) throws SyncException {
    try {
      return call.run();
    } catch (MailboxException e) {
      throw asSyncException(e);
    }
  }

  static SyncException asSyncException(MailboxException e) {
    return new SyncException(e.error().code(), e.getMessage(), e.error().suggestion(), e);
  }

  @FunctionalInterface
  interface MailboxCall<T> {
    T run() throws MailboxException;
  }

  /** The values without their nulls (a create sets only what has a value). */
  static <K> Map<K, String> nonNull(Map<K, String> values) {
    Map<K, String> out = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        out.put(k, v);
      }
    });
    return out;
  }
}
