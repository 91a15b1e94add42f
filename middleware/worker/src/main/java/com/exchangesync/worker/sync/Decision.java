package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * The record-level decision of a pass, as one table: from how a record stands on
 * each side, whether the two are linked, and the configuration's direction, to
 * what the pass does with it. Pure and total; {@link FieldMerge} then decides,
 * field by field, what a {@link Action#MERGE} writes where.
 *
 * <p>A linked pair is looked at when either side changed, was deleted, or is due
 * for a retry; an unlinked record when it changed (a first read sees every record
 * as changed).
 */
public final class Decision {

  private Decision() {}

  /** How a record stands on one side, as the pass found it. */
  public enum State {
    /** There is no record on this side (the record is unlinked). */
    ABSENT,
    /** Present and as it was at the last sync, or an echo of our own write. */
    UNCHANGED,
    /** Created or edited since the last sync. */
    CHANGED,
    /** Deleted, or no longer readable by the rep. */
    GONE,
    /** Present, but the kind's rules keep it out (a private event, an invitee's copy, outside the window). */
    SKIPPED,
    /** An unlinked survivor of a deleted partner, not edited since: it waits for a new edit. */
    BURIED
  }

  /** What the pass does with a record or pair. */
  public enum Action {
    /** Nothing to do. */
    NOTHING,
    /** A linked pair: the field merge decides what goes where. */
    MERGE,
    /** A linked pair whose partner is gone: forget the pair, keep and tombstone the survivor. */
    UNLINK,
    /** A linked pair the rules keep out: neither side is written, the link stays for later. */
    LEAVE,
    /** An unlinked Exchange item: look for its Salesforce partner, create nothing. */
    MATCH,
    /** An unlinked Salesforce record: look for its Exchange partner, else create one. */
    MATCH_OR_CREATE_IN_EXCHANGE,
    /** An unlinked Exchange item: look for its Salesforce partner, else create one. */
    MATCH_OR_CREATE_IN_SALESFORCE
  }

  /**
   * The action for one record or pair.
   *
   * @param salesforce how the Salesforce record stands ({@link State#ABSENT} for an unlinked Exchange item)
   * @param exchange how the Exchange item stands ({@link State#ABSENT} for an unlinked Salesforce record)
   * @param linked whether the two are a synced pair
   * @param direction the configuration's direction for the kind
   */
  public static Action decide(State salesforce, State exchange, boolean linked, Direction direction) {
    Objects.requireNonNull(salesforce);
    Objects.requireNonNull(exchange);
    Objects.requireNonNull(direction);
    if (direction == Direction.NONE) {
      return Action.NOTHING; // "Exchange configuration not set to sync": nothing is read or written
    }
    if (linked) {
      if (salesforce == State.GONE || exchange == State.GONE) {
        return Action.UNLINK; // a delete on one side unlinks; it is never carried over
      }
      if (salesforce == State.SKIPPED || exchange == State.SKIPPED) {
        return Action.LEAVE; // e.g. made private: stays where it is on both sides
      }
      if (salesforce == State.CHANGED || exchange == State.CHANGED) {
        return Action.MERGE; // one or both moved: merge field by field
      }
      return Action.NOTHING; // nothing new on either side
    }
    if (exchange == State.ABSENT) { // an unlinked Salesforce record
      if (salesforce != State.CHANGED) {
        return Action.NOTHING; // buried, skipped, or not new
      }
      // Salesforce to Exchange: find it in the folder, else create it there. Otherwise an
      // Exchange item that matches it links it (below).
      return direction.toExchange() ? Action.MATCH_OR_CREATE_IN_EXCHANGE : Action.NOTHING;
    }
    if (salesforce == State.ABSENT) { // an unlinked Exchange item
      if (exchange != State.CHANGED) {
        return Action.NOTHING; // buried, skipped, or not new
      }
      // Exchange to Salesforce: find it, else create it. Salesforce to Exchange only: still look
      // for its partner, so the same person is not created in the folder a second time.
      return direction.toSalesforce() ? Action.MATCH_OR_CREATE_IN_SALESFORCE : Action.MATCH;
    }
    throw new IllegalArgumentException("an unlinked record is on one side only: " + salesforce + ", " + exchange);
  }
}
