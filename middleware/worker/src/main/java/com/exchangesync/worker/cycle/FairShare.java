package com.exchangesync.worker.cycle;

import com.exchangesync.worker.sync.MailboxKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How many of an org's mailboxes one worker holds when several share one database: at most
 * {@code ceil(mailboxes / live workers)}. Every worker holding its quota covers every mailbox (the quotas add up to
 * at least the total) and none holds more than one above another, so 300 mailboxes on 3 workers are 100 each;
 * when a worker dies the quota of the others grows and they take its mailboxes as their leases expire.
 *
 * <p>A pure decision, from what the org serves, what this worker holds and how many workers are live, to what it
 * gives back and how many more it may take; the leases themselves are {@link MailboxShare}'s.
 */
final class FairShare {

  private FairShare() {}

  /**
   * What to do with this worker's leases.
   *
   * @param keep the wanted mailboxes it goes on holding
   * @param release those it gives back: mailboxes the org no longer serves, and those above its quota
   * @param take how many more it may take, of the wanted mailboxes nobody holds
   */
  record Decision(List<MailboxKey> keep, List<MailboxKey> release, int take) {}

  /** The most mailboxes one worker holds: {@code ceil(mailboxes / workers)}, with at least this worker live. */
  static int quota(int mailboxes, int liveWorkers) {
    int workers = Math.max(1, liveWorkers);
    return (mailboxes + workers - 1) / workers;
  }

  /**
   * @param wanted the mailboxes the org serves now, in a stable order (the one who goes when a worker holds too
   *     many is the last of its mailboxes in this order, so repeated decisions agree)
   * @param held the mailboxes this worker holds a live lease on
   * @param liveWorkers the workers live for the org, this one included
   */
  static Decision decide(List<MailboxKey> wanted, Collection<MailboxKey> held, int liveWorkers) {
    Set<MailboxKey> heldSet = new LinkedHashSet<>(held);
    int quota = quota(wanted.size(), liveWorkers);
    List<MailboxKey> keep = new ArrayList<>();
    List<MailboxKey> release = new ArrayList<>();
    for (MailboxKey key : wanted) {
      if (!heldSet.remove(key)) {
        continue;
      }
      // above the quota: another worker's share now (a worker joined, or the org serves fewer mailboxes)
      (keep.size() < quota ? keep : release).add(key);
    }
    // held but no longer served (the rep left every active configuration): nobody needs the lease
    release.addAll(heldSet);
    return new Decision(keep, release, quota - keep.size());
  }
}
