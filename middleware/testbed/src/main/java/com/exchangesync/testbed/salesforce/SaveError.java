package com.exchangesync.testbed.salesforce;

import java.util.List;

/**
 * A per-record error as the partner API reports it in a {@code SaveResult},
 * {@code UpsertResult} or {@code DeleteResult}: a {@code StatusCode} name, a
 * message, and the fields concerned; a {@code DUPLICATES_DETECTED} error also
 * carries its {@code duplicateResult} element, written as a {@code DuplicateError}
 * (null for every other error).
 */
record SaveError(String statusCode, String message, List<String> fields, String duplicateResultXml) {

  SaveError(String statusCode, String message, List<String> fields) {
    this(statusCode, message, fields, null);
  }

  static SaveError of(String statusCode, String message, String... fields) {
    return new SaveError(statusCode, message, List.of(fields));
  }

  /**
   * Why a write of {@code type}, which the API does not let clients write, fails: {@code verb} is
   * "inserted", "updated" or "deleted". The org words the refusal of an entity nobody may write as
   * "entity type cannot be inserted: Organization"; other objects are refused for want of access.
   */
  static SaveError notWritable(SObjectType type, String verb) {
    return type.readOnlyEntity() ? of("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY", "entity type cannot be " + verb + ": " + type.name)
        : of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
  }

  static SaveError lockedRow(String id) {
    return of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: " + (id == null ? "" : id));
  }

  static SaveError rolledBack() {
    return of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "Record rolled back because not all records were valid and the request was using AllOrNone header");
  }
}
