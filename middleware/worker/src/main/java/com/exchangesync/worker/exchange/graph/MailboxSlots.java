package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Exchange Online lets an app have at most {@value #PER_MAILBOX} requests in
 * flight against one mailbox (the next is refused with {@code 429}). Every
 * request this worker sends to a mailbox first takes a slot here, shared by all
 * the tasks of one org (a sync and a connection test of the same rep, say), so
 * the limit is kept rather than hit. A {@code $batch} takes all four: Graph may
 * run its requests side by side, each counted against the limit. A mailbox's
 * slots exist only while a task holds or waits for some, so a worker that has
 * served many mailboxes keeps nothing for them.
 */
final class MailboxSlots {

  static final int PER_MAILBOX = 4;

  /** A mailbox's slots, and how many tasks hold or wait for some: kept only while there are any. */
  private static final class Slot {
    final Semaphore permits = new Semaphore(PER_MAILBOX, true);
    int users;
  }

  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** Takes {@code n} slots of {@code smtp}'s mailbox, waiting for them. */
  void acquire(String smtp, int n) throws MailboxException {
    String key = smtp.toLowerCase(Locale.ROOT);
    Slot slot = slots.compute(key, (k, s) -> {
      Slot held = s == null ? new Slot() : s;
      held.users++;
      return held;
    });
    try {
      slot.permits.acquire(n);
    } catch (InterruptedException e) {
      slots.computeIfPresent(key, (k, s) -> --s.users == 0 ? null : s);
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, "Waiting to reach the mailbox of " + smtp + " was interrupted", e);
    }
  }

  /** Gives back {@code n} slots taken with {@link #acquire}; a mailbox nobody holds or waits for is forgotten. */
  void release(String smtp, int n) {
    slots.computeIfPresent(smtp.toLowerCase(Locale.ROOT), (k, s) -> {
      s.permits.release(n);
      return --s.users == 0 ? null : s;
    });
  }

  /** Slots free now (for tests). */
  int available(String smtp) {
    Slot slot = slots.get(smtp.toLowerCase(Locale.ROOT));
    return slot == null ? PER_MAILBOX : slot.permits.availablePermits();
  }

  /** How many mailboxes have a task holding or waiting for a slot (for tests: the others take no memory). */
  int mailboxesInUse() {
    return slots.size();
  }
}
