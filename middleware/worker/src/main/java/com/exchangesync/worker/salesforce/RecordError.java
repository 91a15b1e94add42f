package com.exchangesync.worker.salesforce;

import java.util.List;

/**
 * One error Salesforce reported for one record of a write.
 *
 * @param statusCode the API status code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message Salesforce's message
 * @param fields the fields concerned (may be empty)
 */
public record RecordError(String statusCode, String message, List<String> fields) {

  /** An error with no fields. */
  public static RecordError of(String statusCode, String message) {
    return new RecordError(statusCode, message, List.of());
  }

  @Override
  public String toString() {
    return statusCode + ": " + message + (fields.isEmpty() ? "" : " " + fields);
  }
}
