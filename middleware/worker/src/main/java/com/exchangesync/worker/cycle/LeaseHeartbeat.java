package com.exchangesync.worker.cycle;

import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.sync.MailboxKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Renews a mailbox's lease every third of its length while a rep's passes run,
 * so a dead worker's mailbox is free again within one lease while a live one
 * keeps it. Every save is fenced by the lease besides: a worker that lost it
 * cannot overwrite its successor's state.
 */
final class LeaseHeartbeat implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

  private final Thread thread;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final MailboxLeases leases;
  private final String workerId;
  private final MailboxKey key;
  private final Duration margin;

  LeaseHeartbeat(MailboxLeases leases, String workerId, MailboxKey key, Duration lease, String rep) {
    this.leases = leases;
    this.workerId = workerId;
    this.key = key;
    // A write needs the lease for a while yet: a sixth of it, at most ten seconds.
    this.margin = Duration.ofMillis(Math.min(lease.toMillis() / 6, 10_000));
    // Its lines are about the rep whose passes it keeps leased: they carry the same log context.
    Map<String, String> context = MDC.getCopyOfContextMap();
    thread = Thread.ofVirtual().name("exsync-lease-" + key.userId()).start(() -> {
      if (context != null) {
        MDC.setContextMap(context);
      }
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(Math.max(1000, lease.toMillis() / 3));
        } catch (InterruptedException e) {
          return;
        }
        boolean renewed;
        try {
          renewed = leases.renew(workerId, key, lease);
        } catch (RuntimeException e) {
          // Not knowing is losing: the pass stops at its next write rather than risk writing beside a successor.
          LOG.warn("Could not renew the lease on the mailbox of {} (org {}); the pass stops", rep, key.orgId(), e);
          renewed = false;
        }
        if (!renewed) {
          lost.set(true);
          LOG.warn("Lost the lease on the mailbox of {} (org {}) mid-pass; it stops before its next write and saves nothing",
              rep, key.orgId());
          return;
        }
      }
    });
  }

  /**
   * The pass's fence: the heartbeat has not lost the lease, and the lease (as
   * the database has it now) runs for a while yet. Checked before every write batch.
   */
  boolean holds() {
    if (lost.get()) {
      return false;
    }
    try {
      return leases.holds(workerId, key, margin);
    } catch (RuntimeException e) {
      LOG.warn("Could not check the lease on {} (org {}); the pass stops", key.userId(), key.orgId(), e);
      return false;
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
