package com.exchangesync.worker.errors;

import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.WriteResult;
import java.util.List;

/**
 * Where the {@link ErrorOutboxDrainer} sends errors: Salesforce, through the
 * adapter. Blocking; called off the event loop.
 */
public interface ErrorSender {

  /** The canonical id of the org the errors are written to (logs in if needed). */
  String organizationId() throws SalesforceException;

  /**
   * Inserts one {@code ExchangeSyncError__c} row per error (at most 200).
   *
   * @return one result per error, in order
   */
  List<WriteResult> insertErrors(List<SyncError> errors) throws SalesforceException;

  /**
   * Writes queued errors, one result per entry. Senders that can upsert by
   * {@code Error_Key__c} keep one row per error with its count; the default
   * inserts a row each.
   */
  default List<WriteResult> writeErrors(List<ErrorOutbox.Entry> entries) throws SalesforceException {
    return insertErrors(entries.stream().map(ErrorOutbox.Entry::error).toList());
  }
}
