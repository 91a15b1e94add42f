package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    e.cursors.putAll(change.cursors);
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
