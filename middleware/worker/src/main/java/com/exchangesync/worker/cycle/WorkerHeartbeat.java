package com.exchangesync.worker.cycle;

import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.WorkerPresence;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this worker counted and its share of mailboxes held: every third of the lease it renews its presence and
 * all its leases, two statements however many mailboxes it holds. Should the database not answer for a whole
 * lease, the leases lapse and other workers take the mailboxes; every write is fenced by the lease besides
 * ({@link LeaseHeartbeat}), so a worker that lost one writes nothing more for it.
 *
 * <p>{@link #close()} is the orderly stop (a rolling update, a scale-down): it leaves and gives every lease back,
 * so the other workers take the mailboxes at their next cycle rather than one lease later.
 */
public final class WorkerHeartbeat implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerHeartbeat.class);

  private final MailboxLeases leases;
  private final WorkerPresence presence;
  private final String workerId;
  private final Thread thread;

  /** Starts beating for {@code workerId}, whose leases run for {@code lease}. */
  public WorkerHeartbeat(MailboxLeases leases, WorkerPresence presence, String workerId, Duration lease) {
    this.leases = leases;
    this.presence = presence;
    this.workerId = workerId;
    this.thread = Thread.ofVirtual().name("exsync-worker-heartbeat").start(() -> beat(lease));
  }

  private void beat(Duration lease) {
    boolean failing = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(Math.max(1000, lease.toMillis() / 3));
      } catch (InterruptedException e) {
        return;
      }
      try {
        presence.renew(workerId, lease);
        leases.renewAll(workerId, lease);
        if (failing) {
          failing = false;
          LOG.info("Worker {} renews its leases again", workerId);
        }
      } catch (RuntimeException e) {
        if (!failing) {
          failing = true;
          LOG.warn("Worker {} could not renew its leases; other workers take its mailboxes if this lasts a lease",
              workerId, e);
        }
      }
    }
  }

  /** Stops beating, leaves and gives every lease back (blocking: call it off the event loop). */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(5_000);
      presence.leave(workerId);
      leases.releaseAll(workerId);
      LOG.info("Worker {} left and gave its mailboxes back", workerId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Worker {} could not give its mailboxes back; other workers take them one lease from now", workerId, e);
    }
  }
}
