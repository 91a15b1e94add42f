package com.exchangesync.worker.store;

import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who works on which mailbox. A worker takes free or expired leases with
 * {@code FOR UPDATE SKIP LOCKED}, so workers sharing one database never wait on
 * each other or take the same mailbox; it renews them while it works (the
 * heartbeat) and keeps them from cycle to cycle as its share of the org's
 * mailboxes, giving back only what is above its share. A worker that dies simply
 * stops renewing, and after {@code ttl} another one takes its mailboxes over.
 */
public final class MailboxLeases {

  /** The lease "mailbox" of an org's push listener ({@code user_id}): one worker per org listens. */
  public static final String PUSH_LISTENER = "push";


  private final Pool pool;

  public MailboxLeases(Pool pool) {
    this.pool = pool;
  }

  /**
   * Takes up to {@code max} of {@code wanted} whose leases are free, expired or
   * already {@code owner}'s, for {@code ttl}; returns those taken.
   */
  public List<MailboxKey> acquire(String owner, Collection<MailboxKey> wanted, int max, Duration ttl) {
    if (wanted.isEmpty() || max <= 0) {
      return List.of();
    }
    List<Tuple> rows = wanted.stream().map(k -> Tuple.of(k.orgId(), k.userId())).toList();
    Blocking.await(pool.preparedQuery("INSERT INTO mailbox_lease (org_id, user_id, owner, expires_at) "
        + "VALUES ($1, $2, '', '-infinity') ON CONFLICT DO NOTHING").executeBatch(rows));
    String[] orgs = wanted.stream().map(MailboxKey::orgId).toArray(String[]::new);
    String[] users = wanted.stream().map(MailboxKey::userId).toArray(String[]::new);
    List<MailboxKey> taken = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery(
        "UPDATE mailbox_lease l SET owner = $1, expires_at = now() + make_interval(secs => $2) FROM ("
            + " SELECT org_id, user_id FROM mailbox_lease"
            + " WHERE (org_id, user_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))"
            + " AND (expires_at <= now() OR owner = $1)"
            + " ORDER BY expires_at LIMIT $5 FOR UPDATE SKIP LOCKED) free"
            + " WHERE l.org_id = free.org_id AND l.user_id = free.user_id RETURNING l.org_id, l.user_id")
        .execute(Tuple.of(owner, ttl.toMillis() / 1000.0, orgs, users, max)))) {
      taken.add(new MailboxKey(r.getString(0), r.getString(1)));
    }
    if (taken.size() < max && taken.size() < wanted.size()) {
      // SKIP LOCKED also passes over a lease that is already ours while our own heartbeat renews it (renewAll
      // locks every row it holds for a moment, longer the more it holds): still ours, and no other worker can
      // take it before it expires.
      List<MailboxKey> rest = wanted.stream().filter(k -> !taken.contains(k)).toList();
      for (Row r : Blocking.await(pool.preparedQuery("SELECT org_id, user_id FROM mailbox_lease"
              + " WHERE (org_id, user_id) IN (SELECT * FROM unnest($2::text[], $3::text[])) AND owner = $1 AND expires_at > now()"
              + " LIMIT $4")
          .execute(Tuple.of(owner, rest.stream().map(MailboxKey::orgId).toArray(String[]::new),
              rest.stream().map(MailboxKey::userId).toArray(String[]::new), max - taken.size())))) {
        taken.add(new MailboxKey(r.getString(0), r.getString(1)));
      }
    }
    return taken;
  }

  /** Extends {@code owner}'s lease; false when it had expired or was taken (stop work at once). */
  public boolean renew(String owner, MailboxKey mailbox, Duration ttl) {
    return Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = now() + make_interval(secs => $4) "
        + "WHERE org_id = $1 AND user_id = $2 AND owner = $3 AND expires_at > now()")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), owner, ttl.toMillis() / 1000.0))).rowCount() == 1;
  }

  /**
   * Whether {@code owner} still holds the lease for at least {@code margin} more:
   * checked before every write batch, so a worker that stalled past its lease
   * (a long pause, a frozen VM) writes nothing beside the worker that took over.
   */
  public boolean holds(String owner, MailboxKey mailbox, Duration margin) {
    return Blocking.await(pool.preparedQuery("SELECT 1 FROM mailbox_lease WHERE org_id = $1 AND user_id = $2 AND owner = $3 "
        + "AND expires_at > now() + make_interval(secs => $4)")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), owner, margin.toMillis() / 1000.0))).rowCount() == 1;
  }

  /** Gives the mailbox back so any worker may take it at once. */
  public void release(String owner, MailboxKey mailbox) {
    Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = '-infinity' "
        + "WHERE org_id = $1 AND user_id = $2 AND owner = $3").execute(Tuple.of(mailbox.orgId(), mailbox.userId(), owner)));
  }

  /** The mailboxes of {@code orgId} that {@code owner} holds a live lease on. */
  public List<MailboxKey> held(String owner, String orgId) {
    List<MailboxKey> held = new ArrayList<>();
    // The org's push listener holds a lease row too; it is no mailbox, and no part of a worker's share.
    for (Row r : Blocking.await(pool.preparedQuery("SELECT user_id FROM mailbox_lease WHERE owner = $1 AND org_id = $2 "
        + "AND expires_at > now() AND user_id <> $3").execute(Tuple.of(owner, orgId, PUSH_LISTENER)))) {
      held.add(new MailboxKey(orgId, r.getString(0)));
    }
    return held;
  }

  /**
   * Extends every live lease of {@code owner} by {@code ttl}, in one statement however many it holds: the
   * worker's heartbeat, so it keeps its share between passes. Returns how many it renewed.
   */
  public int renewAll(String owner, Duration ttl) {
    return Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = now() + make_interval(secs => $2) "
        + "WHERE owner = $1 AND expires_at > now()").execute(Tuple.of(owner, ttl.toMillis() / 1000.0))).rowCount();
  }

  /** Gives back {@code mailboxes} so any worker may take them at once. */
  public void release(String owner, Collection<MailboxKey> mailboxes) {
    if (mailboxes.isEmpty()) {
      return;
    }
    Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = '-infinity' "
        + "WHERE owner = $1 AND (org_id, user_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))")
        .execute(Tuple.of(owner, mailboxes.stream().map(MailboxKey::orgId).toArray(String[]::new),
            mailboxes.stream().map(MailboxKey::userId).toArray(String[]::new))));
  }

  /** Gives back every lease of {@code owner} (it stops), so the other workers take them at once. */
  public void releaseAll(String owner) {
    Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = '-infinity' WHERE owner = $1 "
        + "AND expires_at > now()").execute(Tuple.of(owner)));
  }

  /** The current holder of a live lease, or null. */
  public String holder(MailboxKey mailbox) {
    for (Row r : Blocking.await(pool.preparedQuery("SELECT owner FROM mailbox_lease WHERE org_id = $1 AND user_id = $2 "
        + "AND expires_at > now()").execute(Tuple.of(mailbox.orgId(), mailbox.userId())))) {
      return r.getString(0);
    }
    return null;
  }
}
