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
 * run its requests side by side, each counted against the limit.
 */
final class MailboxSlots {

  static final int PER_MAILBOX = 4;

  private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

  /** Takes {@code n} slots of {@code smtp}'s mailbox, waiting for them. */
  void acquire(String smtp, int n) throws MailboxException {
    try {
      semaphore(smtp).acquire(n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException(MailboxError.UNEXPECTED, "Waiting to reach the mailbox of " + smtp + " was interrupted", e);
    }
  }

  void release(String smtp, int n) {
    semaphore(smtp).release(n);
  }

  /** Slots free now (for tests). */
  int available(String smtp) {
    return semaphore(smtp).availablePermits();
  }

  private Semaphore semaphore(String smtp) {
    return slots.computeIfAbsent(smtp.toLowerCase(Locale.ROOT), k -> new Semaphore(PER_MAILBOX, true));
  }
}
