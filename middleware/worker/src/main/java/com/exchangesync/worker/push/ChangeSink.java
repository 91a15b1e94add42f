package com.exchangesync.worker.push;

import com.exchangesync.worker.exchange.ItemKind;
import io.vertx.core.Future;

/** Told that a rep's mailbox changed, by a push listener; wakes that rep's passes (see {@link MailboxChanges}). */
@FunctionalInterface
public interface ChangeSink {

  /**
   * @param source {@code ews} or {@code graph}
   */
  Future<Void> changed(String orgId, String email, ItemKind kind, String source);
}
