package com.exchangesync.worker.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rep's mailbox as the sync engine needs it: the changes in the synced folders
 * since a token, and batched writes. Implementations: {@code EwsMailbox} (Exchange
 * Server through EWS), {@link InMemoryMailbox} (tests); Microsoft Graph later.
 *
 * <p>Terms: an item's <em>id</em> names it for its life in the folder; its
 * <em>change key</em> is its version; a <em>sync token</em> is an opaque position
 * in a folder's change history, given by {@link #changes} and handed back to it.
 * The contacts folder is {@code Salesforce_Sync} under Contacts (created when
 * missing); the events folder is the main calendar.
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

  /** The items with these ids that still exist, in no particular order. */
  List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException;

  /** The items carrying these Salesforce ids, by Salesforce id. */
  Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException;

  /** Creates the items in the folder of their kind; one result per item, in order. */
  List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException;

  /** Updates the items; one result per item, in order. */
  List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException;

  /** Deletes the items; one result per item, in order. An item already gone counts as deleted. */
  List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException;

  /** Releases the connections. */
  @Override
  void close();
}
