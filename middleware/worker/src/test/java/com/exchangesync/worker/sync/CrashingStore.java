package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state store that reads what {@code real} holds and, after a given number of
 * saves that go through, refuses every save, as after a lease lost mid-pass: a
 * pass run on it does the writes of the round that cannot be saved and stops,
 * which is what a crash between those writes and their save leaves.
 */
public final class CrashingStore implements SyncStateStore {

  private final SyncStateStore real;
  private int savesLeft;

  /** Refuses every save. */
  public CrashingStore(SyncStateStore real) {
    this(real, 0);
  }

  /** Lets {@code saves} saves through to {@code real}, then refuses every one. */
  public CrashingStore(SyncStateStore real, int saves) {
    this.real = real;
    this.savesLeft = saves;
  }

  @Override
  public SyncState load(MailboxKey mailbox, ItemKind kind) {
    return real.load(mailbox, kind);
  }

  @Override
  public SyncState start(MailboxKey mailbox, ItemKind kind) {
    return real.start(mailbox, kind);
  }

  @Override
  public Map<String, Link> linksOfSalesforce(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    return real.linksOfSalesforce(mailbox, kind, ids);
  }

  @Override
  public Map<String, Link> linksOfExchange(MailboxKey mailbox, ItemKind kind, Collection<String> ids) {
    return real.linksOfExchange(mailbox, kind, ids);
  }

  @Override
  public List<Link> linksInSeries(MailboxKey mailbox, ItemKind kind, String series) {
    return real.linksInSeries(mailbox, kind, series);
  }

  @Override
  public Map<String, Tombstone> tombstones(MailboxKey mailbox, ItemKind kind, Side side, Collection<String> ids) {
    return real.tombstones(mailbox, kind, side, ids);
  }

  @Override
  public LinkedIds linkedSalesforceIds(MailboxKey mailbox, ItemKind kind) {
    return real.linkedSalesforceIds(mailbox, kind);
  }

  @Override
  public int linkCount(MailboxKey mailbox, ItemKind kind) {
    return real.linkCount(mailbox, kind);
  }

  @Override
  public void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException {
    if (savesLeft <= 0) {
      throw new LeaseLostException(mailbox, owner);
    }
    savesLeft--;
    real.save(mailbox, kind, owner, change);
  }

  @Override
  public Map<String, List<String>> unlinkedItems(MailboxKey mailbox, ItemKind kind, Set<String> matchKeys) {
    return real.unlinkedItems(mailbox, kind, matchKeys);
  }

  @Override
  public void reset(MailboxKey mailbox, String owner) throws LeaseLostException {
    throw new LeaseLostException(mailbox, owner);
  }
}
