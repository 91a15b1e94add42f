package com.exchangesync.worker.cycle;

import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.Blocking;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queued work in PostgreSQL, shared by every worker of the database (each one then syncs the woken reps
 * of its own share). Whom new work concerns:
 * <ul>
 *   <li>a {@code config_change} (setup, configuration, members, mappings, a user status, a connection test):
 *       everyone, since it can change who syncs and how;</li>
 *   <li>a {@code sync_request}: the record's owner, when the message carried {@code OwnerId} (everyone
 *       otherwise), the reps holding a link to the record (a contact given to another owner leaves the earlier
 *       owner's mailbox), and the reps whose configuration reads beyond their own records of that object;</li>
 *   <li>a {@code mailbox_change}: that mailbox.</li>
 * </ul>
 * More than {@link #MOST} rows at once (a mass update, a long outage of the scheduler) wake everyone: one full
 * cycle then costs less than naming them.
 */
public final class QueuedWorkTables implements QueuedWork {

  /** The most rows of one table looked at for one wake. */
  static final int MOST = 1000;

  private final Pool pool;

  public QueuedWorkTables(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Marks latest() {
    for (Row r : Blocking.await(pool.query("SELECT coalesce((SELECT max(id) FROM sync_request), 0),"
        + " coalesce((SELECT max(id) FROM config_change), 0), coalesce((SELECT max(id) FROM mailbox_change), 0)")
        .execute())) {
      return new Marks(r.getLong(0), r.getLong(1), r.getLong(2));
    }
    return Marks.NONE;
  }

  @Override
  public Wake between(Marks from, Marks to) {
    if (to.configChange() > from.configChange()) {
      return Wake.EVERYONE;
    }
    Set<String> userIds = new HashSet<>();
    Set<String> objects = new HashSet<>();
    Map<String, List<String>> recordsByOrg = new HashMap<>();
    if (to.syncRequest() > from.syncRequest()) {
      List<Row> rows = rows("SELECT org_id, object_type, record_id, owner_id FROM sync_request WHERE id > $1 AND id <= $2"
          + " ORDER BY id LIMIT " + (MOST + 1), from.syncRequest(), to.syncRequest());
      if (rows.size() > MOST) {
        return Wake.EVERYONE;
      }
      for (Row r : rows) {
        String owner = r.getString("owner_id");
        if (owner == null || SalesforceId.canonical(owner).isEmpty()) {
          return Wake.EVERYONE; // the message did not carry OwnerId: nobody can tell whose record it is
        }
        userIds.add(SalesforceId.canonical(owner).get());
        objects.add(r.getString("object_type"));
        SalesforceId.canonical(r.getString("record_id")).ifPresent(id ->
            recordsByOrg.computeIfAbsent(r.getString("org_id"), o -> new ArrayList<>()).add(id));
      }
      recordsByOrg.forEach((org, ids) -> userIds.addAll(holders(org, ids)));
    }
    Set<String> emails = new HashSet<>();
    if (to.mailboxChange() > from.mailboxChange()) {
      List<Row> rows = rows("SELECT DISTINCT email FROM mailbox_change WHERE id > $1 AND id <= $2 LIMIT " + (MOST + 1),
          from.mailboxChange(), to.mailboxChange());
      if (rows.size() > MOST) {
        return Wake.EVERYONE;
      }
      rows.forEach(r -> emails.add(r.getString("email")));
    }
    return Wake.of(userIds, emails, objects);
  }

  /** The reps of {@code orgId} holding a link to one of {@code salesforceIds}, of any kind. */
  private Set<String> holders(String orgId, List<String> salesforceIds) {
    Set<String> users = new HashSet<>();
    Blocking.await(pool.preparedQuery("SELECT DISTINCT user_id FROM sync_link WHERE org_id = $1 AND salesforce_id = ANY($2)")
        .execute(Tuple.of(orgId).addArrayOfString(salesforceIds.toArray(String[]::new)))).forEach(r -> users.add(r.getString(0)));
    return users;
  }

  private List<Row> rows(String sql, long after, long upTo) {
    List<Row> rows = new ArrayList<>();
    Blocking.await(pool.preparedQuery(sql).execute(Tuple.of(after, upTo))).forEach(rows::add);
    return rows;
  }
}
