package com.exchangesync.worker.sync;

import java.util.ArrayList;
import java.util.List;

/** What one pass did for one rep: the figures for statuses and the records that failed. */
public final class PassReport {

  int exchangeCreated;
  int exchangeUpdated;
  int salesforceCreated;
  int salesforceUpdated;
  int matched;
  int unlinked;
  int linkedTotal;
  boolean directionNone;
  final List<RecordError> errors = new ArrayList<>();

  public int exchangeCreated() {
    return exchangeCreated;
  }

  public int exchangeUpdated() {
    return exchangeUpdated;
  }

  public int salesforceCreated() {
    return salesforceCreated;
  }

  public int salesforceUpdated() {
    return salesforceUpdated;
  }

  /** Pairs found by extended property, creation key or email rather than created. */
  public int matched() {
    return matched;
  }

  /** Pairs dropped because one side was deleted or left the scope. */
  public int unlinked() {
    return unlinked;
  }

  /** Linked pairs after the pass ("records in sync"). */
  public int linkedTotal() {
    return linkedTotal;
  }

  /** The configuration does not sync this kind: nothing was read or written. */
  public boolean directionNone() {
    return directionNone;
  }

  public List<RecordError> errors() {
    return List.copyOf(errors);
  }

  /** Records written on either side. */
  public int writes() {
    return exchangeCreated + exchangeUpdated + salesforceCreated + salesforceUpdated;
  }

  @Override
  public String toString() {
    return "to Exchange: " + exchangeCreated + " created, " + exchangeUpdated + " updated; to Salesforce: "
        + salesforceCreated + " created, " + salesforceUpdated + " updated; " + matched + " matched, " + unlinked
        + " unlinked, " + linkedTotal + " in sync, " + errors.size() + " errors";
  }
}
