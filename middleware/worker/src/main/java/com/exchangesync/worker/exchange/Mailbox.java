package com.exchangesync.worker.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rep's mailbox as the sync engine needs it: the changes in the synced folders
 * since a token, and batched writes. Implementations: {@code EwsMailbox} (Exchange
 * Server through EWS), {@code GraphMailbox} (Exchange Online through Microsoft
 * Graph), {@code InMemoryMailboxes} (tests).
 *
 * <p>Terms: an item's <em>id</em> names it for its life in the folder; its
 * <em>change key</em> is its version; a <em>sync token</em> is an opaque position
 * in a folder's change history, given by {@link #changes} and handed back to it.
 * The contacts folder is {@code Salesforce_Sync} under Contacts (created when
 * missing); the events folder is the main calendar, whose changes list singles
 * and series masters only (an exception or a cancelled occurrence is a change of
 * its master), and whose occurrences come from {@link #occurrences}. Event fields
 * are given and taken as {@code docs/exchange-adapter.md} ("Events") says.
 *
 * <p>Not thread-safe: one instance per task. Batches may hold any number of items;
 * implementations split them to the protocol's limits. Throttling is absorbed
 * inside (waiting, bounded retries) and surfaces only as {@link MailboxError#THROTTLED}.
 */
public interface Mailbox extends AutoCloseable {

  /** The rep's SMTP address. */
  String smtp();

  /**
   * One page of changes in the folder of {@code kind} since {@code syncToken}
   * (empty: from the beginning, which lists every item as changed).
   */
  ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException;

  /**
   * Which of the items a folder reports changed, by id and the change key it
   * reports, are versions the caller already holds: its own writes read back
   * (echoes), or items unchanged since it last saw them.
   */
  @FunctionalInterface
  interface KnownVersions {
    /** Holds none: every reported item is read. */
    KnownVersions NONE = changeKeyById -> Set.of();

    /** The ids among {@code changeKeyById} whose change key the caller holds. */
    Set<String> known(Map<String, String> changeKeyById);
  }

  /**
   * As {@link #changes(ItemKind, Optional)}, leaving out the items whose change
   * key {@code known} holds. A transport that reports change keys before content
   * (EWS: {@code SyncFolderItems} with ids only, then {@code GetItem}) does not
   * read those items at all; one that reports content with its changes (Graph's
   * delta) leaves them out after.
   */
  default ItemChanges changes(ItemKind kind, Optional<String> syncToken, KnownVersions known) throws MailboxException {
    ItemChanges all = changes(kind, syncToken);
    Map<String, String> reported = new java.util.LinkedHashMap<>();
    all.changed().forEach(i -> reported.put(i.id(), i.changeKey()));
    Set<String> held = reported.isEmpty() ? Set.of() : known.known(reported);
    if (held.isEmpty()) {
      return all;
    }
    return new ItemChanges(all.changed().stream().filter(i -> !held.contains(i.id())).toList(), all.deletedIds(),
        all.syncToken(), all.moreAvailable());
  }

  /** The items with these ids that still exist, in no particular order. */
  List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException;

  /** The items carrying these Salesforce ids, by Salesforce id. */
  Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException;

  /**
   * The ids of every item of {@code kind} carrying one of these Salesforce ids, by Salesforce id: more than one
   * where an item was copied in Outlook, or where a worker that stalled past its lease made an item the worker
   * that took the mailbox over had made already.
   */
  Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException;

  /**
   * The occurrences and exceptions of each series the calendar shows from
   * {@code from} (inclusive: items ending at or after it) to {@code to}
   * (exclusive), by series id (a master's id as {@link #changes} gave it), each
   * with {@code SERIES_ID}, {@code ORIGINAL_START}, {@code CALENDAR_ITEM_TYPE} and
   * its full content, in order of start. Cancelled occurrences are absent; a series
   * id that names no series (any more) maps to an empty list.
   */
  Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException;

  /**
   * Creates the items in the folder of their kind; one result per item, in order.
   * An event with a {@code RECURRENCE} is a series' master; a rule Exchange cannot
   * state fails that item, naming the part. Nobody is ever sent an invitation.
   */
  List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException;

  /**
   * Updates the items; one result per item, in order. An occurrence's id makes
   * that occurrence an exception (a series property set on it fails the item); a
   * {@code null} {@code RECURRENCE} makes a master single again.
   */
  List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException;

  /**
   * Deletes the items; one result per item, in order. An item already gone counts
   * as deleted. A master's id deletes the whole series; an occurrence's id cancels
   * that occurrence only.
   */
  List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException;

  /**
   * The org whose worker syncs this mailbox, as the mailbox itself records it
   * ({@link SyncingOrgMark}): an org id as {@link #markSyncingOrg} wrote it, or
   * empty when no org has marked the mailbox (or its mark was removed).
   */
  Optional<String> syncingOrg() throws MailboxException;

  /**
   * As {@link #syncingOrg()}, asked by {@code orgId} about its own claim: an implementation may answer
   * {@code orgId} without asking Exchange when it read that org's mark within {@link FolderMemory#RECHECK}
   * (a mark stays until its org removes it, or an admin does with the worker's {@code --release-mailbox};
   * either is noticed within that time). Another org's mark, or none, is always read afresh, so a mailbox
   * another org releases is taken over at the next cycle.
   */
  default Optional<String> syncingOrg(String orgId) throws MailboxException {
    return syncingOrg();
  }

  /**
   * Records in the mailbox that {@code orgId} syncs it, replacing any mark; empty
   * removes the mark. Nothing else in the mailbox changes, and no folder or item
   * the rep sees is touched.
   */
  void markSyncingOrg(Optional<String> orgId) throws MailboxException;

  /**
   * The most items one write request carries (a batch given to {@link #create},
   * {@link #update} or {@link #delete} is split into requests of this size). A
   * fenced pass hands over batches of this size, so that it checks its lease
   * before every request a write sends.
   */
  default int writeRequestSize() {
    return 100;
  }

  /**
   * Whether {@code ATTENDEES} given to {@link #create} and {@link #update} are
   * written. EWS writes them without sending anything; Microsoft Graph cannot
   * (creating or changing an event with attendees always emails them), so its
   * mailbox leaves them out and says so here: the engine must then keep
   * Salesforce's invitees out of the comparison, or it would read their absence
   * as the rep removing them.
   */
  default boolean writesAttendees() {
    return true;
  }

  /** Releases the connections. */
  @Override
  void close();
}
