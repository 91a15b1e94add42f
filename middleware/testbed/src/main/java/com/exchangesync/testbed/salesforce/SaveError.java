package com.exchangesync.testbed.salesforce;

import java.util.List;

/**
 * A per-record error as the partner API reports it in a {@code SaveResult},
 * {@code UpsertResult} or {@code DeleteResult}: a {@code StatusCode} name, a
 * message, and the fields concerned.
 */
record SaveError(String statusCode, String message, List<String> fields) {

  static SaveError of(String statusCode, String message, String... fields) {
    return new SaveError(statusCode, message, List.of(fields));
  }

  static SaveError lockedRow(String id) {
    return of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: " + (id == null ? "" : id));
  }

  static SaveError rolledBack() {
    return of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "Record rolled back because not all records were valid and the request was using AllOrNone header");
  }
}
