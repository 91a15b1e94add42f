package com.exchangesync.worker.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one step of a sync pass remembers, saved in one transaction: links
 * made or changed, links dropped, tombstones set and cleared, and cursors moved.
 * Cursors go in the same transaction as the links they cover, so a crash can
 * never leave a cursor ahead of what was applied.
 */
public final class StateChange {

  final List<Link> upserts = new ArrayList<>();
  final List<String> unlinkedSalesforceIds = new ArrayList<>();
  final List<Tombstone> tombstones = new ArrayList<>();
  final List<Tombstone> clearedTombstones = new ArrayList<>();
  final Map<Side, Cursor> cursors = new EnumMap<>(Side.class);
  final List<Retry> retries = new ArrayList<>();
  final List<Retry> clearedRetries = new ArrayList<>();
  final Map<String, String> unlinkedItems = new java.util.LinkedHashMap<>();
  final java.util.Set<String> forgottenItems = new java.util.LinkedHashSet<>();

  /** Remembers an Exchange item left unlinked, by the key a Salesforce record would match it by. */
  public StateChange unlinkedItem(String exchangeId, String matchKey) {
    forgottenItems.remove(exchangeId);
    unlinkedItems.put(exchangeId, matchKey);
    return this;
  }

  /** Forgets an Exchange item as unlinked (it was linked, or deleted). */
  public StateChange forgetUnlinkedItem(String exchangeId) {
    unlinkedItems.remove(exchangeId);
    forgottenItems.add(exchangeId);
    return this;
  }

  public Map<String, String> unlinkedItems() {
    return Map.copyOf(unlinkedItems);
  }

  public java.util.Set<String> forgottenItems() {
    return java.util.Set.copyOf(forgottenItems);
  }

  /** Schedules a record to be tried again. */
  public StateChange retry(Retry retry) {
    retries.add(retry);
    return this;
  }

  /** Forgets a record's retry (it succeeded). */
  public StateChange clearRetry(Retry retry) {
    clearedRetries.add(retry);
    return this;
  }

  public List<Retry> retries() {
    return List.copyOf(retries);
  }

  public List<Retry> clearedRetries() {
    return List.copyOf(clearedRetries);
  }

  /** Remembers a pair (new, or with a new base). */
  public StateChange link(Link link) {
    upserts.add(link);
    return this;
  }

  /** Forgets the pair of this Salesforce record. */
  public StateChange unlink(String salesforceId) {
    unlinkedSalesforceIds.add(salesforceId);
    return this;
  }

  /** Sets a tombstone. */
  public StateChange tombstone(Tombstone tombstone) {
    tombstones.add(tombstone);
    return this;
  }

  /** Clears a tombstone. */
  public StateChange clearTombstone(Tombstone tombstone) {
    clearedTombstones.add(tombstone);
    return this;
  }

  /** Moves a side's cursor. */
  public StateChange cursor(Side side, Cursor cursor) {
    cursors.put(side, cursor);
    return this;
  }

  /** Whether there is nothing to save. */
  public boolean isEmpty() {
    return upserts.isEmpty() && unlinkedSalesforceIds.isEmpty() && tombstones.isEmpty()
        && clearedTombstones.isEmpty() && cursors.isEmpty() && retries.isEmpty() && clearedRetries.isEmpty()
        && unlinkedItems.isEmpty() && forgottenItems.isEmpty();
  }

  public List<Link> upserts() {
    return List.copyOf(upserts);
  }

  public List<String> unlinkedSalesforceIds() {
    return List.copyOf(unlinkedSalesforceIds);
  }

  public List<Tombstone> tombstones() {
    return List.copyOf(tombstones);
  }

  public List<Tombstone> clearedTombstones() {
    return List.copyOf(clearedTombstones);
  }

  public Map<Side, Cursor> cursors() {
    return Map.copyOf(cursors);
  }
}
