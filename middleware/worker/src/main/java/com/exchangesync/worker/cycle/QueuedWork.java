package com.exchangesync.worker.cycle;

/**
 * The work queued for the scheduler by Outbound Messages ({@code sync_request}: a Contact or Event changed;
 * {@code config_change}: an admin's change) and by push notifications from Exchange ({@code mailbox_change}).
 * The scheduler looks at {@link #latest} every half second and, when it moved, asks {@link #between} whom the
 * new work concerns, so a change wakes the reps it concerns rather than every rep.
 */
public interface QueuedWork {

  /**
   * How far each table of queued work has grown: the newest row ids (ids only grow, even after old rows are
   * pruned), so marks that differ mean new work.
   */
  record Marks(long syncRequest, long configChange, long mailboxChange) {

    public static final Marks NONE = new Marks(0, 0, 0);

    /** Whether any table has rows past {@code earlier}. */
    public boolean after(Marks earlier) {
      return syncRequest > earlier.syncRequest || configChange > earlier.configChange
          || mailboxChange > earlier.mailboxChange;
    }
  }

  /** Where the queue stands now. */
  Marks latest();

  /** Whom the work queued after {@code from} and up to {@code to} concerns. */
  Wake between(Marks from, Marks to);

  /**
   * A queue told only by a number that grows with new work: every change wakes every rep (for tests of the
   * scheduler's timing, where whom a change concerns does not matter).
   */
  static QueuedWork counting(java.util.function.LongSupplier newest) {
    return new QueuedWork() {
      @Override
      public Marks latest() {
        return new Marks(newest.getAsLong(), 0, 0);
      }

      @Override
      public Wake between(Marks from, Marks to) {
        return Wake.EVERYONE;
      }
    };
  }
}
