package com.exchangesync.worker.outbound;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * Turns one stored notification of one object type into work. It runs inside
 * the consumer's transaction, the same one that marks the notification
 * processed: whatever it writes through {@code tx} is committed together with
 * that mark, or not at all. A failed future makes the consumer retry later.
 */
public interface NotificationHandler {

  /** Handles {@code notification}, writing only through {@code tx}. */
  Future<Void> handle(SqlConnection tx, StoredNotification notification);
}
