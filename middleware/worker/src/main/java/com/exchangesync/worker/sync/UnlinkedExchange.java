package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Steps 3 and 5 of a pass: unlinked Exchange items. Each is matched before
 * anything is created: by the Salesforce id we stored on the item, by the
 * creation key we stored on a record made from it, then by the kind's match key
 * among records the rep can see (the rules choose among several). Those left,
 * where the direction carries Exchange to Salesforce, are created in Salesforce,
 * owned by the rep, with the item id as creation key; the new id then goes onto
 * the item.
 */
final class UnlinkedExchange {

  private final PassState s;
  private final Mailbox mailbox;
  private final SalesforceSide salesforce;

  UnlinkedExchange(PassState s, Mailbox mailbox, SalesforceSide salesforce) {
    this.s = s;
    this.mailbox = mailbox;
    this.salesforce = salesforce;
  }

  /** Matches what it can; returns the items still unlinked, with the action the decision gave each. */
  List<ExchangeItem> match() throws SyncException {
    List<ExchangeItem> unlinked = new ArrayList<>();
    List<ExchangeItem> buriedWithMark = new ArrayList<>();
    for (ExchangeItem item : s.exChanged.values()) {
      if (s.links.hasExchange(item.id())) {
        continue;
      }
      Decision.State state = s.stateOf(item);
      if (Decision.decide(Decision.State.ABSENT, state, false, s.direction) != Decision.Action.NOTHING) {
        unlinked.add(item);
      } else if (state == Decision.State.BURIED && item.salesforceId().isPresent()) {
        // A tombstoned item whose mark names a live record we wrote it for (a pass that matched it
        // to that record and stopped before saving): it is that record's partner, not a second one.
        buriedWithMark.add(item);
      }
    }
    if (unlinked.isEmpty() && buriedWithMark.isEmpty()) {
      return unlinked;
    }
    List<ExchangeItem> candidates = new ArrayList<>(unlinked);
    candidates.addAll(buriedWithMark);
    List<ExchangeItem> rest = byMark(candidates);
    rest.removeAll(buriedWithMark); // not matched by its mark: it stays buried
    Found found = find(rest);
    return byKindKey(byCreationKey(rest, found.byKey()), found.candidates());
  }

  /** What (b) and (c) look for, read together: by creation key, and the match key's candidates by field. */
  private record Found(Map<String, SalesforceItem> byKey, Map<String, List<SalesforceItem>> candidates) {}

  /**
   * Reads what the items left may match: records made from them by creation key (those of the rep's records read
   * whole are known without a query: such records are the rep's), and the candidates of their match keys, in one
   * query where the side can.
   */
  private Found find(List<ExchangeItem> rest) throws SyncException {
    Map<String, SalesforceItem> byKey = new HashMap<>();
    s.sfChanged.values().stream().filter(c -> c.creationKey() != null).forEach(c -> byKey.put(c.creationKey(), c));
    List<String> keys = rest.isEmpty() || s.salesforceReadWhole ? List.of()
        : rest.stream().map(s.rules::creationKey).filter(k -> !byKey.containsKey(k)).distinct().toList();
    Map<String, Set<String>> lookups = lookups(s.rules, rest);
    Map<String, List<SalesforceItem>> candidates = new HashMap<>();
    if (s.foundAhead != null && covers(s.lookedAhead, keys, lookups)) {
      // The first read of the rep's records brought them (FeedReader): nothing more to ask.
      byKey.putAll(s.foundAhead.byKey());
      addCandidates(candidates, s.foundAhead.byValue());
      return new Found(byKey, candidates);
    }
    java.util.Iterator<Map.Entry<String, Set<String>>> fields = lookups.entrySet().iterator();
    if (fields.hasNext()) { // the first field's candidates are read with the creation keys
      Map.Entry<String, Set<String>> first = fields.next();
      SalesforceSide.Candidates both = salesforce.byCreationKeyOrValues(keys, s.repUserId(), first.getKey(), first.getValue(),
          s.sfFields);
      byKey.putAll(both.byKey());
      addCandidates(candidates, both.byValue());
    } else if (!keys.isEmpty()) {
      byKey.putAll(salesforce.byCreationKey(keys, s.sfFields));
    }
    while (fields.hasNext()) {
      Map.Entry<String, Set<String>> more = fields.next();
      addCandidates(candidates, salesforce.byValues(s.repUserId(), more.getKey(), more.getValue(), s.sfFields));
    }
    return new Found(byKey, candidates);
  }

  /** The match's lookups of {@code items}: the values of each field their candidates are read by. */
  private static Map<String, Set<String>> lookups(KindRules rules, java.util.Collection<ExchangeItem> items) {
    Map<String, Set<String>> lookups = new java.util.LinkedHashMap<>();
    for (ExchangeItem item : items) {
      rules.candidateLookup(item).ifPresent(l -> lookups.computeIfAbsent(l.field(), f -> new HashSet<>()).add(l.value()));
    }
    return lookups;
  }

  /**
   * What the page's first read of the rep's records is asked to bring along ({@link SalesforceSide#firstRead}): the
   * lookups of every item not linked yet, so the match below asks nothing. Creation keys only where that read will
   * not list every record made from them (a scope with conditions of its own, or of every visible record); none
   * at all when the items' candidates are read by more than one field, or by none.
   */
  static Optional<SalesforceSide.Lookups> ahead(PassState s) {
    List<ExchangeItem> unlinked = s.exChanged.values().stream().filter(i -> !s.links.hasExchange(i.id())).toList();
    Map<String, Set<String>> lookups = lookups(s.rules, unlinked);
    if (lookups.size() != 1) {
      return Optional.empty();
    }
    List<String> keys = s.rep.scope().everyOwnedRecord() ? List.of() : unlinked.stream().map(s.rules::creationKey).distinct().toList();
    Map.Entry<String, Set<String>> only = lookups.entrySet().iterator().next();
    return Optional.of(new SalesforceSide.Lookups(keys, only.getKey(), only.getValue()));
  }

  /** Whether what was looked up ahead holds every key and value the match needs now. */
  private static boolean covers(SalesforceSide.Lookups ahead, List<String> keys, Map<String, Set<String>> lookups) {
    if (!ahead.keys().containsAll(keys) || lookups.size() > 1) {
      return false;
    }
    return lookups.isEmpty() || lookups.containsKey(ahead.field()) && ahead.values().containsAll(lookups.get(ahead.field()));
  }

  private void addCandidates(Map<String, List<SalesforceItem>> candidates, List<SalesforceItem> found) {
    for (SalesforceItem c : found) {
      s.rules.matchKey(c).ifPresent(k -> candidates.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
    }
  }

  /** (a) The Salesforce id we stored on the item (an item copied in Outlook carries it too: first come wins). */
  private List<ExchangeItem> byMark(List<ExchangeItem> unlinked) throws SyncException {
    List<String> marked = unlinked.stream().map(ExchangeItem::salesforceId).flatMap(Optional::stream)
        .filter(id -> !s.links.hasSalesforce(id)).distinct().toList();
    Map<String, SalesforceItem> found = new HashMap<>();
    List<String> notRead = new ArrayList<>();
    for (String id : marked) {
      if (s.sfChanged.containsKey(id)) {
        found.put(id, s.sfChanged.get(id));
      } else {
        notRead.add(id);
      }
    }
    if (!notRead.isEmpty()) {
      salesforce.get(s.repUserId(), notRead, s.sfFields).forEach(c -> found.put(c.id(), c));
    }
    List<ExchangeItem> rest = new ArrayList<>();
    for (ExchangeItem item : unlinked) {
      Optional<String> sfId = item.salesforceId();
      if (sfId.isPresent() && found.containsKey(sfId.get()) && !s.links.hasSalesforce(sfId.get())) {
        s.matched(found.get(sfId.get()), item);
      } else {
        rest.add(item); // no mark, or its record is gone or taken
      }
    }
    return rest;
  }

  /** (b) The creation key on a record we made from this item. */
  private List<ExchangeItem> byCreationKey(List<ExchangeItem> rest, Map<String, SalesforceItem> byKey) {
    List<ExchangeItem> left = new ArrayList<>();
    for (ExchangeItem item : rest) {
      SalesforceItem c = byKey.get(s.rules.creationKey(item));
      if (c != null && !s.rules.mayLink(c)) {
        s.report.skipped++; // someone else's record for the same thing: never a second one
      } else if (c != null && !s.links.hasSalesforce(c.id())) {
        s.matched(c, item);
      } else {
        left.add(item);
      }
    }
    return left;
  }

  /** (c) The kind's match key (a contact's email), among records the rep can see. */
  private List<ExchangeItem> byKindKey(List<ExchangeItem> rest, Map<String, List<SalesforceItem>> candidates) {
    List<ExchangeItem> unmatched = new ArrayList<>();
    for (ExchangeItem item : rest) {
      Optional<SalesforceItem> choice = s.rules.matchKey(item).flatMap(k -> s.rules.choose(
          candidates.getOrDefault(k, List.of()).stream().filter(c -> !s.links.hasSalesforce(c.id())).toList()));
      if (choice.isPresent()) {
        s.matched(choice.get(), item);
      } else {
        unmatched.add(item);
      }
    }
    return unmatched;
  }

  /**
   * Items still unlinked after the pass (the direction does not carry them to
   * Salesforce, or Salesforce refused them) are remembered by their match key,
   * so a Salesforce record that comes later finds them whether or not they changed.
   */
  void rememberUnlinked(List<ExchangeItem> unmatched) {
    for (ExchangeItem item : unmatched) {
      if (!s.links.hasExchange(item.id())) {
        s.rules.matchKey(item).ifPresentOrElse(k -> s.change.unlinkedItem(item.id(), k),
            () -> s.change.forgetUnlinkedItem(item.id()));
      }
    }
  }

  /**
   * Creates in Salesforce the unmatched items the direction carries there, and in the same call what the pass's
   * steps left for it ({@link LaterCreates}). With those (no creation key), the call is sent once: an answer lost
   * fails the pass, and the next one finds what was made by key (the items) and by start and subject (a series).
   */
  void createInSalesforce(List<ExchangeItem> unmatched) throws SyncException {
    List<ExchangeItem> toCreate = unmatched.stream().filter(i -> !s.links.hasExchange(i.id())
        && Decision.decide(Decision.State.ABSENT, Decision.State.CHANGED, false, s.direction)
            == Decision.Action.MATCH_OR_CREATE_IN_SALESFORCE).toList();
    if (toCreate.isEmpty() && s.later.isEmpty()) {
      return;
    }
    List<Map<String, String>> records = new ArrayList<>(toCreate.stream()
        .map(i -> PassState.nonNull(s.map.toSalesforce(s.map.fromExchange(i)))).toList());
    List<String> keys = new ArrayList<>(toCreate.stream().map(s.rules::creationKey).toList());
    List<Map<String, String>> later = s.later.records();
    records.addAll(later);
    later.forEach(r -> keys.add(null));
    List<SalesforceSide.WriteOutcome> results = salesforce.create(s.repUserId(), records, keys);
    s.later.finish(results.subList(toCreate.size(), results.size()));
    List<ItemUpdate> markBack = new ArrayList<>();
    for (int i = 0; i < toCreate.size(); i++) {
      ExchangeItem item = toCreate.get(i);
      SalesforceSide.WriteOutcome r = results.get(i);
      if (r.succeeded()) {
        s.report.salesforceCreated++;
        String sfId = r.id().orElseThrow();
        s.remember(new Link(sfId, item.id(), s.map.fromExchange(item), item.changeKey()));
        markBack.add(new ItemUpdate(item.id(), Optional.of(item.changeKey()), Map.of(), Optional.of(sfId)));
        s.cleared(Side.EXCHANGE, item.id());
      } else {
        s.failed(Side.EXCHANGE, item.id(), new RecordError(Side.SALESFORCE, null, item.id(), r.errorCode().orElse("UNKNOWN"),
            r.message(), SalesforceSuggestions.forCode(r.errorCode().orElse(""))));
      }
    }
    if (!markBack.isEmpty()) {
      // The new Salesforce id goes onto the item, so a Reset Sync re-links it by id. A conflict
      // (the rep edited it meanwhile) only delays that: the creation key links it too.
      List<ItemResult> marked = PassState.exchange(() -> mailbox.update(s.rules.itemKind(), markBack));
      for (int i = 0; i < markBack.size(); i++) {
        ItemResult r = marked.get(i);
        if (r.succeeded()) {
          Link link = s.links.ofExchange(markBack.get(i).id()).orElseThrow();
          s.remember(new Link(link.salesforceId(), link.exchangeId(), link.base(), r.changeKey().orElse(link.exchangeChangeKey())));
        }
      }
    }
  }
}
