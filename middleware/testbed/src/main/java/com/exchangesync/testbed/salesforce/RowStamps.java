package com.exchangesync.testbed.salesforce;

import java.time.Instant;

/**
 * The audit fields every save sets, in one place for the rows a client
 * writes and the rows the org makes or changes itself (an event series'
 * occurrences, an invitee's copy).
 */
final class RowStamps {

  private RowStamps() {}

  /** A new row: its id, not deleted, created and last modified by {@code actor} at {@code now}. */
  static void created(Row row, String actor, Instant now) {
    row.values.put("Id", row.id);
    row.values.put("IsDeleted", Boolean.FALSE);
    row.values.put("CreatedDate", now);
    row.values.put("CreatedById", actor);
    modified(row, actor, now);
  }

  /** A changed row: last modified by {@code actor} at {@code now}. */
  static void modified(Row row, String actor, Instant now) {
    row.values.put("LastModifiedDate", now);
    row.values.put("LastModifiedById", actor);
    row.values.put("SystemModstamp", now);
  }

  /** A copy of {@code row} moved to the recycle bin at {@code now}, ready to store. */
  static Row deleted(Row row, Instant now) {
    Row gone = row.copy();
    gone.deletedAt = now;
    gone.values.put("IsDeleted", Boolean.TRUE);
    gone.values.put("SystemModstamp", now);
    return gone;
  }
}
