package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Salesforce object (contacts, events) as the sync engine needs it, for one
 * rep at a time. Implementations: {@code salesforce.SoapSalesforceRecords} over
 * force-wsc, and an in-memory twin in the tests; both pass one contract test.
 *
 * <p>Terms: a <em>watermark</em> is an opaque position in the object's change
 * history (in practice a {@code SystemModstamp}, and the last id read when a
 * page ended mid-feed), returned by {@link #changedSince} and handed back to it. A <em>creation key</em> is what this product stores on a
 * record it creates from an Exchange item ({@code Exchange_Sync_Key__c}), so a
 * retried create finds the record instead of making a second one. Text values
 * travel as Salesforce's SOAP API writes them (date-times as ISO-8601 instants).
 */
public interface SalesforceSide {

  /**
   * What changed since a watermark.
   *
   * @param inScope records that changed and are in the rep's scope (all of them for a first read)
   * @param gone ids among {@code watch} (linked) that were deleted
   * @param watermark the position that covers this read
   * @param more whether the read stopped at its limit with changes still to come (read on from {@code watermark})
   */
  record Changes(List<SalesforceItem> inScope, Set<String> gone, String watermark, boolean more) {
    public Changes {
      inScope = List.copyOf(inScope);
      gone = Set.copyOf(gone);
    }

    /** The whole feed up to now, in one read. */
    public Changes(List<SalesforceItem> inScope, Set<String> gone, String watermark) {
      this(inScope, gone, watermark, false);
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

  /**
   * A change to one record: fields to set, null clears; with an expected version,
   * refused with {@link #CONFLICT} if the record changed since it was read.
   */
  record RecordUpdate(String id, Map<String, String> fields, Optional<String> expectedVersion) {
    public RecordUpdate(String id, Map<String, String> fields) {
      this(id, fields, Optional.empty());
    }
  }

  /** The refusal of a conditional write whose record changed since it was read (this product's code, not Salesforce's). */
  String CONFLICT = "EXSYNC_CHANGED_SINCE_READ";

  /**
   * Up to about {@code limit} records changed since {@code watermark} (empty: from
   * the beginning) in {@code scope}, oldest change first, and which of {@code watch}
   * are gone. A read that stops at its limit says {@link Changes#more}; its
   * watermark then continues exactly where it stopped, so a pass can apply and
   * save one page before it reads the next. Deletions are reported by the first
   * read from a saved watermark (the pages after it continue that read).
   */
  Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields, int limit)
      throws SyncException;

  /**
   * What a first read of the feed is asked to bring along: the records made from some Exchange items (by creation
   * key) and the candidates of their match ({@code field} holding one of {@code values}), as
   * {@link #byCreationKeyOrValues} finds them.
   */
  record Lookups(List<String> keys, String field, Set<String> values) {
    public Lookups {
      keys = List.copyOf(keys);
      values = Set.copyOf(values);
    }

    boolean isEmpty() {
      return keys.isEmpty() && values.isEmpty();
    }
  }

  /** A first read's changes, and what it found for the lookups when it could answer them whole. */
  record FirstRead(Changes changes, Optional<Candidates> found) {}

  /**
   * {@link #changedSince} from the feed's start, answering {@code lookups} in the same read where the side can: a
   * pass's first read of the rep's records is then also the read of its match candidates. {@code found} is empty
   * when the side did not answer them (a later page, lists too long for one statement, a scope it cannot tell
   * apart from the candidates), and they are read as before.
   */
  default FirstRead firstRead(Scope scope, LinkedIds watch, List<String> fields, int limit, Lookups lookups)
      throws SyncException {
    return new FirstRead(changedSince(scope, Optional.empty(), watch, fields, limit), Optional.empty());
  }

  /** The whole feed since {@code watermark} in one read. */
  default Changes changedSince(Scope scope, Optional<String> watermark, Set<String> watch, List<String> fields)
      throws SyncException {
    return changedSince(scope, watermark, LinkedIds.of(watch), fields, Integer.MAX_VALUE);
  }

  /** Every record in {@code scope} now (a series' occurrences, say), whatever changed when. */
  List<SalesforceItem> find(Scope scope, List<String> fields) throws SyncException;

  /** The records with these ids that exist and that the rep can see. */
  List<SalesforceItem> get(String repUserId, List<String> ids, List<String> fields) throws SyncException;

  /** Records this product created from these Exchange items, by creation key. */
  Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> fields) throws SyncException;

  /**
   * Records the rep can see whose {@code field} holds any of {@code values}
   * (compared without case, as SOQL compares text): the candidates of a match.
   */
  List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> fields) throws SyncException;

  /** What {@link #byCreationKeyOrValues} found: records by creation key, and a match's candidates. */
  record Candidates(Map<String, SalesforceItem> byKey, List<SalesforceItem> byValue) {}

  /**
   * {@link #byCreationKey} and {@link #byValues} at once: a side that can ask both in one read does (the items a
   * pass has not linked yet are looked for by both).
   */
  default Candidates byCreationKeyOrValues(List<String> keys, String repUserId, String field, Set<String> values,
                                           List<String> fields) throws SyncException {
    return new Candidates(keys.isEmpty() ? Map.of() : byCreationKey(keys, fields),
        values.isEmpty() ? List.of() : byValues(repUserId, field, values, fields));
  }

  /** Creates records owned by the rep, each with its creation key; one outcome per record, in order. */
  List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys) throws SyncException;

  /** Updates records; one outcome per record, in order. */
  List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException;

  /**
   * Deletes records (only ever an occurrence of a series whose partner was
   * cancelled: the sync never deletes a record otherwise); one outcome per id, in
   * order; a record already gone counts as deleted.
   */
  List<WriteOutcome> delete(List<String> ids) throws SyncException;
}
