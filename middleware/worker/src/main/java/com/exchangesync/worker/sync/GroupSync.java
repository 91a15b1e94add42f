package com.exchangesync.worker.sync;

/**
 * A kind's own step for records that come in groups made by one pattern (an
 * event series and its occurrences), run by the pass after reading and before
 * the steps for single records. It takes on the groups' records (removing them
 * from the feeds it was given) and pairs, merges, creates and deletes their
 * members itself, through the same sides, links and bookkeeping.
 */
@FunctionalInterface
public interface GroupSync {

  void run(PassContext pass) throws SyncException;
}
