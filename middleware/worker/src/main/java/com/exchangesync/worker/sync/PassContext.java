package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.Mailbox;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a kind's own step of a pass ({@link GroupSync}) sees of the pass: the
 * rep, both sides, what the feeds said (records it takes on are removed from
 * them, so the steps after it do not see them), the links, and the bookkeeping.
 * Everything it remembers is saved with the rest of the pass, in one transaction.
 */
public interface PassContext {

  RepContext rep();

  Mailbox mailbox();

  SalesforceSide salesforce();

  /** The Salesforce fields every read asks for. */
  java.util.List<String> salesforceFields();

  Clock clock();

  /** Exchange items the feed gave as changed, by id (mutable). */
  Map<String, ExchangeItem> exchangeChanged();

  /** Exchange ids the feed gave as deleted (mutable). */
  Set<String> exchangeGone();

  /** Salesforce records the feed gave as changed, by id (mutable). */
  Map<String, SalesforceItem> salesforceChanged();

  /** Linked Salesforce ids the feed gave as deleted (mutable). */
  Set<String> salesforceGone();

  /**
   * Every record of the rep's scope as this page's Salesforce read brought them, when that read began at the feed's
   * start and was whole (the initial sync, a reset): a step may look among them instead of asking again for what the
   * scope holds. Empty otherwise. Not changed by the steps: what a step wrote since is not in it.
   */
  default Optional<java.util.List<SalesforceItem>> salesforceReadFromStart() {
    return Optional.empty();
  }

  /**
   * Where a step may leave Salesforce creates to go with the pass's create of new Exchange items, one call for
   * both ({@link LaterCreates}); empty where the pass has none (a step then creates at once).
   */
  default Optional<LaterCreates> laterCreates() {
    return Optional.empty();
  }

  /** The links under a series (its occurrences' pairs), as the pass holds them now. */
  java.util.List<Link> linksInSeries(String series);

  Optional<Link> linkOfSalesforce(String salesforceId);

  Optional<Link> linkOfExchange(String exchangeId);

  /** Remembers a pair (new, or with a new base or change key). */
  void remember(Link link);

  /** Forgets a pair without a tombstone: both records are paired again at once, or were never the rep's. */
  void forget(Link link);

  /**
   * Forgets a pair whose partner was deleted, keeping the survivors tombstoned
   * with the content both last agreed on: not re-created where the rep deleted
   * its partner until it changes again.
   */
  void unlink(Link link, boolean salesforceSurvives, boolean exchangeSurvives);

  /** Whether a tombstone still holds for this record (it has not changed since its partner was deleted). */
  boolean buried(Side side, String id, Map<String, String> values);

  /** A record that failed: reported, and tried again after a back-off. */
  void failed(Side side, String recordId, RecordError error);

  /** A record that succeeded: its retry, if any, is over. */
  void cleared(Side side, String recordId);

  PassReport report();
}
