package com.exchangesync.worker.push;

import java.util.Collection;

/**
 * Hears of changes in reps' mailboxes from Exchange itself and tells a {@link ChangeSink}: EWS streaming
 * notifications for Exchange Server, Microsoft Graph change notifications for Exchange Online. Polling stays as
 * the safety net; while a listener is {@link #healthy()} the poll runs at the longer interval.
 */
public interface PushListener extends AutoCloseable {

  /**
   * The mailboxes to listen to from now on (the linked reps of the cycle): new ones are subscribed, those no
   * longer listed are let go. Returns at once; the work goes on in the background.
   */
  void watch(Collection<String> emails);

  /** Whether every watched mailbox is subscribed and its notifications can arrive now. */
  boolean healthy();

  /** Stops listening and lets every subscription go. */
  @Override
  void close();
}
