package com.exchangesync.worker.outbound;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * An admin saved setup, a configuration, a member or a mapping, marked a user
 * for reset, or asked for a connection test: records a {@code config_change}
 * of the given kind, which the scheduler reads to reload configuration or run
 * the test.
 */
public final class ConfigChangeHandler implements NotificationHandler {

  private final String kind;

  /** A handler recording changes of {@code kind} (a value allowed by {@code config_change.kind}). */
  public ConfigChangeHandler(String kind) {
    this.kind = kind;
  }

  @Override
  public Future<Void> handle(SqlConnection tx, StoredNotification n) {
    return tx.preparedQuery("INSERT INTO config_change (org_id, kind, record_id, notification_id)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (org_id, notification_id) DO NOTHING")
        .execute(Tuple.of(n.orgId(), kind, n.recordId(), n.notificationId()))
        .mapEmpty();
  }
}
