package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.NewItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 4 of a pass: unlinked Salesforce records, where the direction carries
 * Salesforce to Exchange. Each is matched before anything is created: an item
 * we created for it before a crash (found by our extended property), else an
 * unlinked Exchange item with the same match key (the rep already has this
 * person in the folder); else it is created in the kind's folder carrying its
 * Salesforce id, so a retried create finds the item instead of making a second.
 */
final class UnlinkedSalesforce {

  private final PassState s;
  private final Mailbox mailbox;
  private final SyncStateStore store;

  UnlinkedSalesforce(PassState s, Mailbox mailbox, SyncStateStore store) {
    this.s = s;
    this.mailbox = mailbox;
    this.store = store;
  }

  /** @param unmatchedEx Exchange items left unlinked by the matching before; those matched here leave the list */
  void matchOrCreate(List<ExchangeItem> unmatchedEx) throws SyncException {
    List<SalesforceItem> unlinked = new ArrayList<>();
    for (SalesforceItem c : s.sfChanged.values()) {
      if (!s.links.hasSalesforce(c.id())
          && Decision.decide(s.stateOf(c), Decision.State.ABSENT, false, s.direction) == Decision.Action.MATCH_OR_CREATE_IN_EXCHANGE) {
        unlinked.add(c);
      }
    }
    if (unlinked.isEmpty()) {
      return;
    }
    // (a) an item we created for it before a crash: after a whole read of the folder every such
    // item was in the read (and matched by its mark); otherwise Exchange is asked
    Map<String, ExchangeItem> ours = s.exchangeReadWhole ? Map.of() : PassState.exchange(() -> mailbox.findBySalesforceIds(
        s.rules.itemKind(), unlinked.stream().map(SalesforceItem::id).toList()));
    Map<String, ExchangeItem> unmatchedByKey = new HashMap<>();
    for (ExchangeItem i : unmatchedEx) {
      s.rules.matchKey(i).ifPresent(k -> unmatchedByKey.putIfAbsent(k, i));
    }
    remembered(unlinked, unmatchedByKey);
    List<SalesforceItem> toCreate = new ArrayList<>();
    for (SalesforceItem c : unlinked) {
      ExchangeItem found = ours.get(c.id());
      Optional<String> key = s.rules.matchKey(c);
      ExchangeItem sameKey = key.map(unmatchedByKey::get).orElse(null);
      if (found != null && !s.links.hasExchange(found.id())) {
        s.matched(c, found);
      } else if (sameKey != null && !s.links.hasExchange(sameKey.id())) {
        // (b) the rep already has this record in the folder
        s.matched(c, sameKey);
        unmatchedEx.remove(sameKey);
        unmatchedByKey.remove(key.get());
      } else {
        toCreate.add(c);
      }
    }
    create(toCreate);
  }

  /**
   * Adds the unlinked items earlier passes remembered under the same match keys:
   * unchanged since, they are not in this pass's feed, but they are the same person.
   */
  private void remembered(List<SalesforceItem> unlinked, Map<String, ExchangeItem> byKey) throws SyncException {
    java.util.Set<String> keys = new java.util.HashSet<>();
    unlinked.forEach(c -> s.rules.matchKey(c).filter(k -> !byKey.containsKey(k)).ifPresent(keys::add));
    if (keys.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    store.unlinkedItems(s.rep.mailbox(), s.rules.itemKind(), keys).values().forEach(ids::addAll);
    ids.removeIf(id -> s.links.hasExchange(id) || s.exGone.contains(id));
    if (ids.isEmpty()) {
      return;
    }
    for (ExchangeItem item : PassState.exchange(() -> mailbox.get(s.rules.itemKind(), ids))) {
      // Still there and still unlinked, by the key it has now.
      s.rules.matchKey(item).ifPresent(k -> byKey.putIfAbsent(k, item));
    }
  }

  /** (c) Creates the items, each carrying its Salesforce id. */
  private void create(List<SalesforceItem> toCreate) throws SyncException {
    if (toCreate.isEmpty()) {
      return;
    }
    List<NewItem> items = new ArrayList<>();
    for (SalesforceItem c : toCreate) {
      Map<ExchangeField, String> values = new HashMap<>(s.rules.newItemDefaults());
      values.putAll(PassState.nonNull(s.map.toExchange(s.map.fromSalesforce(c.fields()))));
      items.add(new NewItem(s.rules.itemKind(), values, Optional.of(c.id())));
    }
    List<ItemResult> results = PassState.exchange(() -> mailbox.create(s.rules.itemKind(), items));
    for (int i = 0; i < toCreate.size(); i++) {
      SalesforceItem c = toCreate.get(i);
      ItemResult r = results.get(i);
      if (r.succeeded()) {
        s.report.exchangeCreated++;
        s.remember(new Link(c.id(), r.id().orElseThrow(), s.map.fromSalesforce(c.fields()), r.changeKey().orElse(null)));
        s.cleared(Side.SALESFORCE, c.id());
      } else {
        s.failed(Side.SALESFORCE, c.id(), new RecordError(Side.EXCHANGE, c.id(), null, PassState.code(r), r.message(),
            r.error().map(MailboxError::suggestion).orElse("")));
      }
    }
  }
}
