package com.exchangesync.worker.outbound;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * A Contact or Event changed in Salesforce: records a {@code sync_request} so
 * the scheduler syncs the reps concerned now instead of at the next poll. The
 * owner is kept when the outbound message definition sends {@code OwnerId}, so
 * the scheduler can go straight to that rep.
 */
public final class SyncRequestHandler implements NotificationHandler {

  @Override
  public Future<Void> handle(SqlConnection tx, StoredNotification n) {
    if (n.recordId() == null) {
      return Future.failedFuture(new IllegalArgumentException(
          "the " + n.logicalType() + " notification has no Id field: add Id to the outbound message's fields"));
    }
    String owner = n.fields().get("OwnerId");
    return tx.preparedQuery("INSERT INTO sync_request (org_id, object_type, record_id, owner_id, notification_id)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, notification_id) DO NOTHING")
        .execute(Tuple.of(n.orgId(), n.logicalType(), n.recordId(),
            owner == null ? null : com.exchangesync.worker.salesforce.SalesforceId.canonical(owner).orElse(null),
            n.notificationId()))
        .mapEmpty();
  }
}
