package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.Mailbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 2 of a pass: the linked pairs touched on either side (or due for a
 * retry). The side that did not change is read, each side's {@link Decision.State}
 * is found, and the {@link Decision} merges, unlinks or leaves the pair.
 */
final class LinkedPairs {

  private final PassState s;
  private final Mailbox mailbox;
  private final SalesforceSide salesforce;

  LinkedPairs(PassState s, Mailbox mailbox, SalesforceSide salesforce) {
    this.s = s;
    this.mailbox = mailbox;
    this.salesforce = salesforce;
  }

  void reconcile() throws SyncException {
    Set<String> touched = touched();
    Map<String, SalesforceItem> sfNow = readSalesforcePartners(touched);
    Map<String, ExchangeItem> exNow = readExchangePartners(touched);
    s.rules.prepare(exNow.values());
    for (String sfId : touched) {
      Link link = s.links.ofSalesforce(sfId).orElseThrow();
      SalesforceItem sf = sfNow.get(sfId);
      ExchangeItem ex = exNow.get(link.exchangeId());
      Decision.State sfState = s.sfGone.contains(sfId) ? Decision.State.GONE
          : s.rules.skip(sf).isPresent() ? Decision.State.SKIPPED
          : s.sfChanged.containsKey(sfId) ? Decision.State.CHANGED : Decision.State.UNCHANGED;
      Decision.State exState = s.exGone.contains(link.exchangeId()) ? Decision.State.GONE
          : s.rules.skip(ex).isPresent() ? Decision.State.SKIPPED
          : s.exChanged.containsKey(link.exchangeId()) ? Decision.State.CHANGED : Decision.State.UNCHANGED;
      Decision.Action action = Decision.decide(sfState, exState, true, s.direction);
      switch (action) {
        case UNLINK -> s.unlink(link, sfState != Decision.State.GONE, exState != Decision.State.GONE);
        case MERGE -> s.pairWrites.add(new PassState.PairWrite(sf, ex, link.base(), false));
        case LEAVE -> s.report.skipped++;
        case NOTHING -> { }
        default -> throw new IllegalStateException("not an action for a linked pair: " + action);
      }
      if (action != Decision.Action.UNLINK) {
        // Consumed: neither side is "unlinked" in the steps that follow. (An unlinked survivor goes
        // on as unlinked: if it changed since the content both last agreed on, it comes back.)
        s.sfChanged.remove(sfId);
        s.exChanged.remove(link.exchangeId());
      }
    }
  }

  /** Linked pairs with news on either side; re-reads with nothing new (echoes, the watermark's overlap) are dropped. */
  private Set<String> touched() {
    Set<String> touched = new LinkedHashSet<>();
    for (Link link : candidates()) {
      if (link.inSeries()) {
        continue; // a series' occurrences are the kind's own step
      }
      boolean exTouched = s.exChanged.containsKey(link.exchangeId()) || s.exGone.contains(link.exchangeId());
      SalesforceItem sf = s.sfChanged.get(link.salesforceId());
      // (A record due for a retry is in its feed's changes: FeedReader read it again.)
      boolean retried = s.retried.contains(new RecordRef(Side.SALESFORCE, link.salesforceId()));
      if (sf != null && !exTouched && !retried && s.map.fromSalesforce(sf.fields()).equals(link.base())) {
        // Re-read (the watermark's overlap, or our own write's echo) with nothing new on either side.
        s.sfChanged.remove(link.salesforceId());
        continue;
      }
      if (sf != null || s.sfGone.contains(link.salesforceId()) || exTouched) {
        touched.add(link.salesforceId());
      }
    }
    return touched;
  }

  /** The pairs of every record the feeds gave (changed or deleted) or whose retry is due. */
  private java.util.Collection<Link> candidates() {
    Map<String, Link> pairs = new java.util.LinkedHashMap<>();
    java.util.function.Consumer<java.util.Optional<Link>> add = l -> l.ifPresent(link -> pairs.putIfAbsent(link.salesforceId(), link));
    s.exChanged.keySet().forEach(id -> add.accept(s.links.ofExchange(id)));
    s.exGone.forEach(id -> add.accept(s.links.ofExchange(id)));
    s.sfChanged.keySet().forEach(id -> add.accept(s.links.ofSalesforce(id)));
    s.sfGone.forEach(id -> add.accept(s.links.ofSalesforce(id)));
    for (RecordRef r : s.retried) {
      add.accept(r.side() == Side.SALESFORCE ? s.links.ofSalesforce(r.id()) : s.links.ofExchange(r.id()));
    }
    return pairs.values();
  }

  /** Each touched pair's Salesforce record: as the feed gave it, else read now (not found: gone). */
  private Map<String, SalesforceItem> readSalesforcePartners(Set<String> touched) throws SyncException {
    Map<String, SalesforceItem> now = new HashMap<>(s.sfChanged);
    List<String> need = touched.stream().filter(id -> !now.containsKey(id) && !s.sfGone.contains(id)).toList();
    if (!need.isEmpty()) {
      Set<String> found = new HashSet<>();
      for (SalesforceItem c : salesforce.get(s.repUserId(), need, s.sfFields)) {
        now.put(c.id(), c);
        found.add(c.id());
      }
      need.stream().filter(id -> !found.contains(id)).forEach(s.sfGone::add);
    }
    return now;
  }

  /** Each touched pair's Exchange item: as the feed gave it, else read now (not found: gone). */
  private Map<String, ExchangeItem> readExchangePartners(Set<String> touched) throws SyncException {
    Map<String, ExchangeItem> now = new HashMap<>(s.exChanged);
    List<String> need = new ArrayList<>();
    for (String sfId : touched) {
      String exId = s.links.ofSalesforce(sfId).orElseThrow().exchangeId();
      if (!now.containsKey(exId) && !s.exGone.contains(exId)) {
        need.add(exId);
      }
    }
    if (!need.isEmpty()) {
      Set<String> found = new HashSet<>();
      for (ExchangeItem i : PassState.exchange(() -> mailbox.get(s.rules.itemKind(), need))) {
        now.put(i.id(), i);
        found.add(i.id());
      }
      need.stream().filter(id -> !found.contains(id)).forEach(s.exGone::add);
    }
    return now;
  }
}
