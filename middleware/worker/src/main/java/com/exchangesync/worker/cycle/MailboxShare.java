package com.exchangesync.worker.cycle;

import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.MailboxKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's share of an org's mailboxes, claimed at the start of each cycle and rechecked between passes
 * ({@link #recheck}): it says it is live
 * ({@link WorkerPresence}), counts the live workers, gives back what is above its quota or no longer served, and
 * takes free or expired leases up to the quota ({@link FairShare}). Between cycles the {@link WorkerHeartbeat}
 * keeps the leases, so a mailbox stays with one worker and its passes, caches and connections stay there too.
 *
 * <p>A worker that joins takes nothing from the others: they give back what is above the new quota at their next
 * recheck and it takes them at its next. A worker that dies stops renewing: one lease later it no longer counts,
 * its leases have expired and the others' quotas have grown to take them.
 */
final class MailboxShare {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxShare.class);

  private final MailboxLeases leases;
  private final WorkerPresence presence;
  private final String workerId;
  private final Duration lease;
  private final long recheckNanos;
  private String lastSaid = "";
  private long lastClaim;

  MailboxShare(MailboxLeases leases, WorkerPresence presence, String workerId, Duration lease) {
    this.leases = leases;
    this.presence = presence;
    this.workerId = workerId;
    this.lease = lease;
    this.recheckNanos = Math.max(1_000, lease.toMillis() / 3) * 1_000_000L;
  }

  /**
   * The share again, claimed anew when a third of the lease passed since the last claim; else {@code mine}. Asked
   * between passes, so a long cycle (a first sync, thousands of mailboxes) gives back what a newcomer should have
   * and takes a dead worker's mailboxes within a lease or so, not at its next cycle; the mailboxes it gives back
   * are the last in the cycle's order, those it has not reached yet.
   */
  Set<MailboxKey> recheck(String orgId, List<MailboxKey> wanted, Set<MailboxKey> mine) {
    return System.nanoTime() - lastClaim < recheckNanos ? mine : claim(orgId, wanted);
  }

  /** Claims this worker's share of {@code wanted} (the org's served mailboxes); returns the mailboxes it holds. */
  Set<MailboxKey> claim(String orgId, List<MailboxKey> wanted) {
    lastClaim = System.nanoTime();
    presence.announce(orgId, workerId, lease);
    int live = presence.live(orgId);
    List<MailboxKey> held = leases.held(workerId, orgId);
    FairShare.Decision decision = FairShare.decide(wanted, held, live);
    leases.release(workerId, decision.release());
    Set<MailboxKey> mine = new LinkedHashSet<>(decision.keep());
    if (decision.take() > 0) {
      Set<MailboxKey> notHeld = new HashSet<>(held);
      List<MailboxKey> candidates = new ArrayList<>();
      for (MailboxKey key : wanted) {
        if (!notHeld.contains(key)) {
          candidates.add(key);
        }
      }
      mine.addAll(leases.acquire(workerId, candidates, decision.take(), lease));
    }
    // Said when it changes, not every cycle: a quiet org's log stays quiet.
    String said = mine.size() + " of " + wanted.size() + " with " + live + " workers live";
    if (!said.equals(lastSaid)) {
      lastSaid = said;
      LOG.info("Worker {} holds {} of the org's {} mailboxes ({} live; at most {} each{})", workerId, mine.size(),
          wanted.size(), live == 1 ? "this worker alone" : live + " workers", FairShare.quota(wanted.size(), live),
          decision.release().isEmpty() ? "" : "; gave back " + decision.release().size());
    }
    return mine;
  }
}
