package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Salesforce contacts as the sync engine needs them, for one rep at a time.
 * Implementations: the SOAP adapter over force-wsc, and {@link InMemorySalesforce}
 * for unit tests. A <em>watermark</em> is an opaque position in Salesforce's
 * change history (in practice a {@code SystemModstamp}), returned by
 * {@link #changedSince} and handed back to it.
 */
public interface SalesforceSide {

  /**
   * What changed since a watermark.
   *
   * @param inScope contacts that changed and are in the rep's scope (all of them for a first read)
   * @param gone ids among {@code watch} (linked) that were deleted
   * @param watermark the position that covers this read
   */
  record Changes(List<SalesforceContact> inScope, Set<String> gone, String watermark) {
    public Changes {
      inScope = List.copyOf(inScope);
      gone = Set.copyOf(gone);
    }
  }

  /** The outcome of one write: the record id, or the failure in Salesforce's words. */
  record WriteOutcome(Optional<String> id, Optional<String> errorCode, String message) {
    public static WriteOutcome ok(String id) {
      return new WriteOutcome(Optional.of(id), Optional.empty(), "");
    }

    public static WriteOutcome failed(String code, String message) {
      return new WriteOutcome(Optional.empty(), Optional.of(code), message);
    }

    public boolean succeeded() {
      return errorCode.isEmpty();
    }
  }

  /** A change to one contact: fields to set, null clears. */
  record ContactUpdate(String id, Map<String, String> fields) {}

  /** Contacts changed since {@code watermark} (empty: from the beginning) in {@code scope}, and which of {@code watch} are gone. */
  Changes changedSince(ContactScope scope, Optional<String> watermark, Set<String> watch, List<String> fields) throws SyncException;

  /** The contacts with these ids that exist and that the rep can see. */
  List<SalesforceContact> get(String repUserId, List<String> ids, List<String> fields) throws SyncException;

  /** Contacts this product created from these Exchange items, by creation key. */
  Map<String, SalesforceContact> byCreationKey(List<String> keys, List<String> fields) throws SyncException;

  /** Contacts the rep can see with any of these email addresses (compared without case). */
  List<SalesforceContact> byEmail(String repUserId, Set<String> emails, List<String> fields) throws SyncException;

  /** Creates contacts owned by the rep, each with its creation key; one outcome per record, in order. */
  List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys) throws SyncException;

  /** Updates contacts; one outcome per record, in order. */
  List<WriteOutcome> update(List<ContactUpdate> updates) throws SyncException;
}
