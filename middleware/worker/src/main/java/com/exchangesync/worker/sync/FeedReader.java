package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.salesforce.SalesforceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1 of each page of a pass: what changed on each side since its cursor
 * (everything, the first time or after the direction changed), a page's worth at
 * a time, and (on the first page) the records whose retry is due.
 */
final class FeedReader {

  private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

  private final PassState s;
  private final Mailbox mailbox;
  private final SalesforceSide salesforce;

  FeedReader(PassState s, Mailbox mailbox, SalesforceSide salesforce) {
    this.s = s;
    this.mailbox = mailbox;
    this.salesforce = salesforce;
  }

  /**
   * Where a feed stands after one page of a pass.
   *
   * @param position the position that covers what the page read (saved once the page is applied)
   * @param more whether the feed has more to read right away
   * @param fromStart whether this read began at the start of the feed (it was asked to, or the
   *     saved position was refused and the feed is read afresh)
   */
  record FeedPage(String position, boolean more, boolean fromStart) {}

  /** Reads the Exchange folder's changes from {@code token}, page after page, until about {@code budget} items. */
  FeedPage readExchange(Optional<String> token, int budget) throws SyncException {
    try {
      return drainExchange(token, budget);
    } catch (MailboxException e) {
      if (e.error() == MailboxError.INVALID_SYNC_STATE && token.isPresent()) {
        // Exchange forgot our position: read everything again; links keep it from duplicating.
        LOG.warn("Exchange refused the saved sync state of {} ({}); reading the folder afresh", s.rep.email(),
            s.rules.itemKind());
        s.exChanged.clear();
        s.exGone.clear();
        s.exListed.clear();
        return PassState.exchange(() -> drainExchange(Optional.empty(), budget));
      }
      throw PassState.asSyncException(e);
    }
  }

  private FeedPage drainExchange(Optional<String> from, int budget) throws MailboxException {
    Optional<String> token = from;
    int read = 0;
    ItemChanges page;
    do {
      // A read from the start reconsiders every item; a later one skips the versions we already hold. Every id
      // listed is noted, held or not: after a read of the whole folder, a linked item it did not list is gone.
      Mailbox.KnownVersions known = from.isEmpty() ? Mailbox.KnownVersions.NONE : this::heldVersions;
      page = mailbox.changes(s.rules.itemKind(), token, changeKeyById -> {
        s.exListed.addAll(changeKeyById.keySet());
        return known.known(changeKeyById);
      });
      for (ExchangeItem item : page.changed()) {
        s.exChanged.put(item.id(), item);
        s.exGone.remove(item.id());
      }
      for (String id : page.deletedIds()) {
        s.exChanged.remove(id);
        s.exGone.add(id);
        s.change.forgetUnlinkedItem(id);
      }
      read += page.size();
      token = Optional.of(page.syncToken());
    } while (page.moreAvailable() && read < budget);
    return new FeedPage(token.get(), page.moreAvailable(), from.isEmpty());
  }

  /**
   * The reported items whose change key is the one their link saved: the version we
   * wrote (our own write read back) or last read, so nothing in them is new. Their
   * content is not read and their pair is not touched, so an echo costs neither an
   * Exchange read nor a Salesforce one. A series counts by its master (an occurrence's or exception's change
   * is a change of the master's, in Exchange); occurrences' pairs are left to the series step.
   */
  private Set<String> heldVersions(java.util.Map<String, String> changeKeyById) {
    s.links.prefetch(List.of(), changeKeyById.keySet());
    Set<String> held = new java.util.HashSet<>();
    changeKeyById.forEach((id, changeKey) -> s.links.ofExchange(id)
        .filter(link -> (!link.inSeries() || id.equals(link.series())) && changeKey.equals(link.exchangeChangeKey()))
        .ifPresent(link -> held.add(id)));
    s.report.echoesSkipped += held.size();
    return held;
  }

  /**
   * Reads up to about {@code budget} Salesforce records that changed in the rep's scope since {@code watermark}.
   *
   * @param deletions whether to ask which linked records were deleted (the pass's first read of this feed)
   */
  FeedPage readSalesforce(Optional<String> watermark, int budget, boolean deletions, SyncStateStore store)
      throws SyncException {
    LinkedIds watch = deletions ? store.linkedSalesforceIds(s.rep.mailbox(), s.rules.itemKind()) : LinkedIds.of(Set.of());
    SalesforceSide.Changes changes;
    Optional<SalesforceSide.Lookups> ahead = watermark.isEmpty() ? UnlinkedExchange.ahead(s) : Optional.empty();
    if (ahead.isPresent()) {
      // A first read (the initial sync, a reset) brings the match's candidates along: one query, not two.
      SalesforceSide.FirstRead first = salesforce.firstRead(s.rep.scope(), watch, s.sfFields, budget, ahead.get());
      changes = first.changes();
      first.found().ifPresent(found -> {
        s.lookedAhead = ahead.get();
        s.foundAhead = found;
      });
    } else {
      changes = salesforce.changedSince(s.rep.scope(), watermark, watch, s.sfFields, budget);
    }
    changes.inScope().forEach(c -> s.sfChanged.put(c.id(), c));
    if (watermark.isEmpty() && !changes.more()) {
      s.sfReadFromStart = List.copyOf(changes.inScope());
    }
    // Deletions are asked about for linked records (not for a kind's own keys, such as a series pair's).
    changes.gone().stream().filter(SalesforceId::isWellFormed).forEach(s.sfGone::add);
    // A first read of the records the rep owns, whole in this page, lists every candidate a match could find there.
    s.salesforceReadWhole = watermark.isEmpty() && !changes.more() && s.rep.scope().everyOwnedRecord();
    return new FeedPage(changes.watermark(), changes.more(), watermark.isEmpty());
  }

  /** Records whose retry is due are looked at as if they had changed. */
  void addDueRetries() throws SyncException {
    List<String> exIds = new ArrayList<>();
    List<String> sfIds = new ArrayList<>();
    for (Retry r : s.retries.values()) {
      if (r.notBefore().isAfter(s.clock.instant())) {
        continue;
      }
      s.retried.add(new RecordRef(r.side(), r.recordId()));
      if (r.side() == Side.EXCHANGE && !s.exChanged.containsKey(r.recordId()) && !s.exGone.contains(r.recordId())) {
        exIds.add(r.recordId());
      } else if (r.side() == Side.SALESFORCE && !s.sfChanged.containsKey(r.recordId()) && !s.sfGone.contains(r.recordId())) {
        sfIds.add(r.recordId());
      }
    }
    if (!exIds.isEmpty()) {
      PassState.exchange(() -> mailbox.get(s.rules.itemKind(), exIds)).forEach(i -> s.exChanged.put(i.id(), i));
    }
    if (!sfIds.isEmpty()) {
      salesforce.get(s.repUserId(), sfIds, s.sfFields).forEach(c -> s.sfChanged.put(c.id(), c));
    }
  }
}
