package com.exchangesync.worker.sync;

/**
 * Checked before every write batch of a pass: whether this worker may still
 * write for the mailbox (it still holds the lease, with time to spare). A worker
 * that stalled past its lease and resumed is stopped at its next write, before
 * it writes beside the worker that took the mailbox over.
 */
@FunctionalInterface
public interface Fence {

  /** No fence (a unit test's pass, which nobody else can take over). */
  Fence NONE = () -> true;

  /** Whether writing may go on. */
  boolean holds();

  /** Thrown by a fenced side when the fence does not hold; the pass turns it into {@link LeaseLostException}. */
  final class FencedOut extends RuntimeException {
    public FencedOut() {
      super("this worker no longer holds the mailbox's lease", null, false, false);
    }
  }

  /** Stops at once when the fence does not hold. */
  default void check() {
    if (!holds()) {
      throw new FencedOut();
    }
  }
}
