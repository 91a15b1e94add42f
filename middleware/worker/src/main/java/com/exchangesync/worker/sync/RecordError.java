package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * One record that could not be synced, as an admin will read it in
 * {@code ExchangeSyncError__c}; the rest of the batch went on.
 *
 * @param writtenTo the side that refused the write
 * @param salesforceId the Salesforce record, when known
 * @param exchangeId the Exchange item, when known
 * @param code Salesforce's or Exchange's error code
 * @param message the refusal in the system's own words
 * @param suggestion what an admin can do
 */
public record RecordError(Side writtenTo, String salesforceId, String exchangeId, String code, String message,
                          String suggestion) {

  public RecordError {
    Objects.requireNonNull(writtenTo);
    Objects.requireNonNull(code);
    message = message == null ? "" : message;
    suggestion = suggestion == null ? "" : suggestion;
  }
}
