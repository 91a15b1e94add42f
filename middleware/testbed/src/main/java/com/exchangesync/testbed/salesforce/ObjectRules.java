package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * What one sObject type adds to the org's generic save and delete
 * ({@link RecordWriter}): its own checks, and the records a save or delete
 * brings about (an event series' occurrences, an invitee's copy of an event).
 * Checks run before anything of the call is stored and may complete the row
 * being saved; effects run after the call's rows are stored, under the
 * store's lock, and never fail (everything that could fail was checked).
 */
interface ObjectRules {

  /** The rules of a type that adds nothing. */
  ObjectRules NONE = new ObjectRules() {};

  /** The rules of {@code type} in the org {@code store} holds. */
  static ObjectRules of(SObjectType type, RecordStore store) {
    return switch (type.name) {
      case "Event" -> new EventRules(store);
      case EventRelations.NAME -> new EventRelations(store);
      default -> NONE;
    };
  }

  /**
   * Errors for saving {@code row} by {@code actor} ({@code before}: the row as stored, null on
   * create); may fill in fields of {@code row}. {@code change} is what the caller wrote.
   */
  default List<SaveError> check(Row before, Row row, Change change, String actor) {
    return List.of();
  }

  /** Why {@code row} may not be deleted, or null. */
  default SaveError checkDelete(Row row) {
    return null;
  }

  /** After {@code row} was stored ({@code before}: as it was, null if created). */
  default void saved(Row before, Row row, String actor, Instant now) {}

  /** After {@code row} was deleted (it is flagged, in the recycle bin). */
  default void deleted(Row row, Instant now) {}
}
