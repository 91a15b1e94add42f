package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links one page of a pass works with: read from the store as the page
 * needs them (in batches, ahead of each step), changed in memory as the page
 * pairs and unpairs records, and saved with the page. A page holds the links
 * of the records it read, not the mailbox's, so a pass's memory stays bounded
 * however many pairs the rep has.
 */
final class PassLinks {

  private final SyncStateStore store;
  private final MailboxKey mailbox;
  private final ItemKind kind;
  /** By Salesforce id; an empty value: known to have no link. */
  private final Map<String, Optional<Link>> bySf = new HashMap<>();
  /** By Exchange id; an empty value: known to have no link. */
  private final Map<String, Optional<Link>> byEx = new HashMap<>();
  /** The links this page made, changed or dropped, by Salesforce id (dropped: empty). */
  private final Map<String, Optional<Link>> changed = new HashMap<>();

  PassLinks(SyncStateStore store, MailboxKey mailbox, ItemKind kind) {
    this.store = store;
    this.mailbox = mailbox;
    this.kind = kind;
  }

  /** Reads, in one batch per side, the links of these ids that the page has not seen yet. */
  void prefetch(Collection<String> salesforceIds, Collection<String> exchangeIds) {
    List<String> sf = salesforceIds.stream().filter(id -> !bySf.containsKey(id)).distinct().toList();
    if (!sf.isEmpty()) {
      Map<String, Link> found = store.linksOfSalesforce(mailbox, kind, sf);
      for (String id : sf) {
        cache(id, found.get(id), bySf);
      }
      found.values().forEach(l -> byEx.putIfAbsent(l.exchangeId(), Optional.of(l)));
    }
    List<String> ex = exchangeIds.stream().filter(id -> !byEx.containsKey(id)).distinct().toList();
    if (!ex.isEmpty()) {
      Map<String, Link> found = store.linksOfExchange(mailbox, kind, ex);
      for (String id : ex) {
        cache(id, found.get(id), byEx);
      }
      found.values().forEach(l -> bySf.putIfAbsent(l.salesforceId(), Optional.of(l)));
    }
  }

  private static void cache(String id, Link link, Map<String, Optional<Link>> into) {
    into.put(id, Optional.ofNullable(link));
  }

  Optional<Link> ofSalesforce(String salesforceId) {
    if (!bySf.containsKey(salesforceId)) {
      prefetch(List.of(salesforceId), List.of());
    }
    return bySf.get(salesforceId);
  }

  Optional<Link> ofExchange(String exchangeId) {
    if (!byEx.containsKey(exchangeId)) {
      prefetch(List.of(), List.of(exchangeId));
    }
    return byEx.get(exchangeId);
  }

  boolean hasSalesforce(String salesforceId) {
    return ofSalesforce(salesforceId).isPresent();
  }

  boolean hasExchange(String exchangeId) {
    return ofExchange(exchangeId).isPresent();
  }

  /** Pairs (or re-pairs) the link's records; a record's former pairing is dropped. */
  void put(Link link) {
    ofSalesforce(link.salesforceId()).filter(old -> !old.exchangeId().equals(link.exchangeId()))
        .ifPresent(old -> byEx.put(old.exchangeId(), Optional.empty()));
    ofExchange(link.exchangeId()).filter(old -> !old.salesforceId().equals(link.salesforceId()))
        .ifPresent(old -> drop(old.salesforceId()));
    bySf.put(link.salesforceId(), Optional.of(link));
    byEx.put(link.exchangeId(), Optional.of(link));
    changed.put(link.salesforceId(), Optional.of(link));
  }

  /** Drops the link's pairing. */
  void remove(Link link) {
    drop(link.salesforceId());
    byEx.put(link.exchangeId(), Optional.empty());
  }

  private void drop(String salesforceId) {
    bySf.put(salesforceId, Optional.empty());
    changed.put(salesforceId, Optional.empty());
  }

  /** The links under a series as the page has them now: the saved ones, with this page's changes. */
  List<Link> inSeries(String series) {
    List<Link> links = new ArrayList<>();
    for (Link saved : store.linksInSeries(mailbox, kind, series)) {
      if (!changed.containsKey(saved.salesforceId())) {
        links.add(saved);
      }
    }
    changed.values().stream().flatMap(Optional::stream).filter(l -> series.equals(l.series())).forEach(links::add);
    return links;
  }
}
