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
  int skipped;
  int deleted;
  /** Exchange items the folder reported whose version we already held (our own writes read back). */
  int echoesSkipped;
  boolean directionNone;
  final List<RecordError> errors = new ArrayList<>();

  /** Counts writes and findings of a kind's own step ({@link GroupSync}). */
  public void count(int exchangeCreated, int exchangeUpdated, int salesforceCreated, int salesforceUpdated, int matched) {
    this.exchangeCreated += exchangeCreated;
    this.exchangeUpdated += exchangeUpdated;
    this.salesforceCreated += salesforceCreated;
    this.salesforceUpdated += salesforceUpdated;
    this.matched += matched;
  }

  /** Counts pairs a kind's own step dropped, records it deleted (a cancelled occurrence), and records it left. */
  public void countDropped(int unlinked, int deleted, int skipped) {
    this.unlinked += unlinked;
    this.deleted += deleted;
    this.skipped += skipped;
  }

  /** Reports something an admin should know that is not a failure (a series synced as single events). */
  public void note(RecordError note) {
    errors.add(note);
  }

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

  /** Records the kind's rules kept where they are this pass (private events, another rep's meeting, …). */
  public int skipped() {
    return skipped;
  }

  /** Records deleted because their partner was cancelled (an occurrence of a series), on either side. */
  public int deleted() {
    return deleted;
  }

  /** Exchange items the folder reported whose version we already held (our own writes read back). */
  public int echoesSkipped() {
    return echoesSkipped;
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
    return exchangeCreated + exchangeUpdated + salesforceCreated + salesforceUpdated + deleted;
  }

  @Override
  public String toString() {
    return "to Exchange: " + exchangeCreated + " created, " + exchangeUpdated + " updated; to Salesforce: "
        + salesforceCreated + " created, " + salesforceUpdated + " updated; " + matched + " matched, " + unlinked
        + " unlinked, " + linkedTotal + " in sync, " + errors.size() + " errors";
  }
}
