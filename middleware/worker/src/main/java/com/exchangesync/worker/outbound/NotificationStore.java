package com.exchangesync.worker.outbound;

import com.exchangesync.worker.salesforce.SalesforceId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The durable inbox of Outbound Messages ({@code outbound_notification}).
 * All notifications of a message are stored by one statement, hence in one
 * transaction: either every one is stored, or none is and the endpoint does
 * not acknowledge. A notification id already stored is skipped
 * ({@code ON CONFLICT DO NOTHING}) and counted as a duplicate.
 */
public final class NotificationStore {

  private final Pool pool;

  /** The inbox in the database behind {@code pool}. */
  public NotificationStore(Pool pool) {
    this.pool = pool;
  }

  /** What storing a message did. */
  public record Stored(int inserted, int duplicates) {}

  /**
   * Stores every notification of {@code message} for the org {@code orgId}
   * (canonical id).
   */
  public Future<Stored> store(String orgId, OutboundMessage message) {
    List<OutboundMessage.Notification> ns = message.notifications();
    if (ns.isEmpty()) {
      return Future.succeededFuture(new Stored(0, 0));
    }
    String[] ids = new String[ns.size()];
    String[] types = new String[ns.size()];
    String[] records = new String[ns.size()];
    String[] fields = new String[ns.size()];
    for (int i = 0; i < ns.size(); i++) {
      OutboundMessage.Notification n = ns.get(i);
      ids[i] = n.id();
      types[i] = n.objectType();
      records[i] = n.recordId() == null ? null : SalesforceId.canonical(n.recordId()).orElse(n.recordId());
      JsonObject json = new JsonObject();
      n.fields().forEach(json::put);
      fields[i] = json.encode();
    }
    return pool.preparedQuery("INSERT INTO outbound_notification (org_id, notification_id, action_id, object_type, record_id, fields)"
            + " SELECT $1, n.id, $2, n.type, n.record, n.fields::jsonb"
            + " FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS n(id, type, record, fields)"
            + " ON CONFLICT (org_id, notification_id) DO NOTHING")
        .execute(Tuple.of(orgId, message.actionId(), ids, types, records, fields))
        .map(r -> new Stored(r.rowCount(), ns.size() - r.rowCount()));
  }
}
