package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where links, tombstones and cursors live: PostgreSQL in the worker
 * ({@code store.PostgresSyncStateStore}), memory in unit tests
 * ({@link InMemorySyncStateStore}). Writes are fenced by the mailbox lease: a
 * worker that lost its lease (it stalled past expiry and another took over)
 * gets {@link LeaseLostException} instead of overwriting the new owner's state.
 */
public interface SyncStateStore {

  /** The whole state of one rep and kind (for tools and tests: a pass reads only what it needs). */
  SyncState load(MailboxKey mailbox, ItemKind kind);

  /**
   * What a pass starts from: the cursors and retries of one rep and kind. Links
   * and tombstones are not in it: a pass asks for those of the records it reads,
   * so its memory does not grow with the mailbox.
   */
  SyncState start(MailboxKey mailbox, ItemKind kind);

  /** The links of those of {@code salesforceIds} that have one, by Salesforce id. */
  Map<String, Link> linksOfSalesforce(MailboxKey mailbox, ItemKind kind, Collection<String> salesforceIds);

  /** The links of those of {@code exchangeIds} that have one, by Exchange id. */
  Map<String, Link> linksOfExchange(MailboxKey mailbox, ItemKind kind, Collection<String> exchangeIds);

  /** The links under a series (its occurrences' pairs; {@link Link#series()}). */
  List<Link> linksInSeries(MailboxKey mailbox, ItemKind kind, String series);

  /** The tombstones of those of {@code recordIds} on {@code side} that have one, by record id. */
  Map<String, Tombstone> tombstones(MailboxKey mailbox, ItemKind kind, Side side, Collection<String> recordIds);

  /**
   * The Exchange ids of the rep's linked items that a read of the folder lists (series occurrences, which only a
   * calendar view shows, are not among them): after a read of the whole folder from its start, one of these it did
   * not list is gone from the folder.
   */
  default Set<String> linkedFolderItemIds(MailboxKey mailbox, ItemKind kind) {
    Set<String> ids = new java.util.HashSet<>();
    for (Link l : load(mailbox, kind).links()) {
      if (l.series() == null || l.exchangeId().equals(l.series())) {
        ids.add(l.exchangeId());
      }
    }
    return ids;
  }

  /** The linked Salesforce ids of one rep and kind, asked about as needed. */
  LinkedIds linkedSalesforceIds(MailboxKey mailbox, ItemKind kind);

  /** How many pairs one rep and kind has. */
  int linkCount(MailboxKey mailbox, ItemKind kind);

  /** Saves {@code change} atomically, if {@code owner} still holds the mailbox's lease. */
  void save(MailboxKey mailbox, ItemKind kind, String owner, StateChange change) throws LeaseLostException;

  /**
   * The Exchange items left unlinked whose match key is one of {@code matchKeys}, by key (an
   * index kept by {@link StateChange#unlinkedItem}, so a match finds items that did not change).
   */
  Map<String, List<String>> unlinkedItems(MailboxKey mailbox, ItemKind kind, Set<String> matchKeys);

  /** Forgets every link, tombstone and cursor of the rep (Reset Sync), fenced like {@link #save}. */
  void reset(MailboxKey mailbox, String owner) throws LeaseLostException;
}
