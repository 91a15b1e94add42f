package com.exchangesync.worker.salesforce;

import java.util.List;

/**
 * The outcome of one record of a create, update, upsert or delete: results
 * come back in the order of the input records, one each.
 *
 * @param id the record's id on success (and for upsert, on either path)
 * @param created for upsert: whether a new record was created
 * @param errors empty on success
 */
public record WriteResult(String id, boolean created, List<RecordError> errors) {

  /** A success. */
  public static WriteResult ok(String id, boolean created) {
    return new WriteResult(id, created, List.of());
  }

  /** A failure. */
  public static WriteResult failed(List<RecordError> errors) {
    return new WriteResult(null, false, List.copyOf(errors));
  }

  /** Whether Salesforce accepted the record. */
  public boolean success() {
    return errors.isEmpty();
  }

  /** The first error's status code, or null on success. */
  public String statusCode() {
    return errors.isEmpty() ? null : errors.get(0).statusCode();
  }
}
