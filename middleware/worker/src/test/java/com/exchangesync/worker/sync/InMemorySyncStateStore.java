package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Sync state in memory, for unit tests. Leases are checked through the given
 * predicate ({@code (mailbox, owner) -> holds}); by default everyone holds them.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

  private record Key(MailboxKey mailbox, ItemKind kind) {}

  private static final class Entry {
    final Map<String, Link> links = new LinkedHashMap<>();
    final Map<String, Tombstone> tombstones = new LinkedHashMap<>();
    final Map<Side, Cursor> cursors = new HashMap<>();
    final Map<String, Retry> retries = new LinkedHashMap<>();
    final Map<String, String> unlinkedItems = new LinkedHashMap<>();
  }

  private final Map<Key, Entry> entries = new HashMap<>();
  private final BiPredicate<MailboxKey, String> holdsLease;

  public InMemorySyncStateStore() {
    this((m, o) -> true);
  }

  public InMemorySyncStateStore(BiPredicate<MailboxKey, String> holdsLease) {
    this.holdsLease = holdsLease;
  }

  @Override
  public synchronized SyncState load(MailboxKey mailbox, ItemKind kind) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    return new SyncState(new ArrayList<>(e.links.values()), new ArrayList<>(e.tombstones.values()), e.cursors,
        new ArrayList<>(e.retries.values()));
  }

  @Override
  public synchronized SyncState start(MailboxKey mailbox, ItemKind kind) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    return new SyncState(List.of(), List.of(), e.cursors, new ArrayList<>(e.retries.values()));
  }

  @Override
  public synchronized Map<String, Link> linksOfSalesforce(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    Map<String, Link> out = new HashMap<>();
    ids.forEach(id -> {
      Link l = e.links.get(id);
      if (l != null) {
        out.put(id, l);
      }
    });
    return out;
  }

  @Override
  public synchronized Map<String, Link> linksOfExchange(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    Set<String> wanted = new HashSet<>(ids);
    Map<String, Link> out = new HashMap<>();
    e.links.values().stream().filter(l -> wanted.contains(l.exchangeId())).forEach(l -> out.put(l.exchangeId(), l));
    return out;
  }

  @Override
  public synchronized List<Link> linksInSeries(MailboxKey mailbox, ItemKind kind, String series) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    return e.links.values().stream().filter(l -> series.equals(l.series())).toList();
  }

  @Override
  public synchronized Map<String, Tombstone> tombstones(MailboxKey mailbox, ItemKind kind, Side side, Collection<String> ids) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    Map<String, Tombstone> out = new HashMap<>();
    ids.forEach(id -> {
      Tombstone t = e.tombstones.get(side + ":" + id);
      if (t != null) {
        out.put(id, t);
      }
    });
    return out;
  }

  @Override
  public synchronized LinkedIds linkedSalesforceIds(MailboxKey mailbox, ItemKind kind) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    return LinkedIds.of(Set.copyOf(e.links.keySet()));
  }

  @Override
  public synchronized int linkCount(MailboxKey mailbox, ItemKind kind) {
    return entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry()).links.size();
  }

  @Override
  public synchronized void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException {
    if (!holdsLease.test(mailbox, owner)) {
      throw new LeaseLostException(mailbox, owner);
    }
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    for (String sf : change.unlinkedSalesforceIds) {
      e.links.remove(sf);
    }
    for (Link link : change.upserts) {
      // The exchange id is unique too: a new pairing replaces any old one of that item.
      e.links.values().removeIf(l -> l.exchangeId().equals(link.exchangeId()) && !l.salesforceId().equals(link.salesforceId()));
      e.links.put(link.salesforceId(), link);
    }
    for (Tombstone t : change.clearedTombstones) {
      e.tombstones.remove(t.side() + ":" + t.recordId());
    }
    for (Tombstone t : change.tombstones) {
      e.tombstones.put(t.side() + ":" + t.recordId(), t);
    }
    for (Retry r : change.clearedRetries) {
      e.retries.remove(r.side() + ":" + r.recordId());
    }
    for (Retry r : change.retries) {
      e.retries.put(r.side() + ":" + r.recordId(), r);
    }
    change.forgottenItems.forEach(e.unlinkedItems::remove);
    e.unlinkedItems.putAll(change.unlinkedItems);
    e.cursors.putAll(change.cursors);
  }

  @Override
  public synchronized Map<String, List<String>> unlinkedItems(MailboxKey mailbox, ItemKind kind, java.util.Set<String> matchKeys) {
    Entry e = entries.computeIfAbsent(new Key(mailbox, kind), k -> new Entry());
    Map<String, List<String>> out = new HashMap<>();
    e.unlinkedItems.forEach((id, key) -> {
      if (matchKeys.contains(key)) {
        out.computeIfAbsent(key, x -> new ArrayList<>()).add(id);
      }
    });
    return out;
  }

  @Override
  public synchronized void reset(MailboxKey mailbox, String owner) throws LeaseLostException {
    if (!holdsLease.test(mailbox, owner)) {
      throw new LeaseLostException(mailbox, owner);
    }
    List<Key> keys = entries.keySet().stream().filter(k -> k.mailbox().equals(mailbox)).toList();
    keys.forEach(entries::remove);
  }
}
