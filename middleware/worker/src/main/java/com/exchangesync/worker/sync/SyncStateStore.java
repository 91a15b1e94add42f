package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;

/**
 * Where links, tombstones and cursors live: PostgreSQL in the worker
 * ({@code store.PostgresSyncStateStore}), memory in unit tests
 * ({@link InMemorySyncStateStore}). Writes are fenced by the mailbox lease: a
 * worker that lost its lease (it stalled past expiry and another took over)
 * gets {@link LeaseLostException} instead of overwriting the new owner's state.
 */
public interface SyncStateStore {

  /** The state of one rep and kind. */
  SyncState load(MailboxKey mailbox, ItemKind kind);

  /** Saves {@code change} atomically, if {@code owner} still holds the mailbox's lease. */
  void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException;

  /** Forgets every link, tombstone and cursor of the rep (Reset Sync), fenced like {@link #save}. */
  void reset(MailboxKey mailbox, String owner) throws LeaseLostException;
}
