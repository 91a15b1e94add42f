package com.exchangesync.worker.store;

import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an org knows of the syncing-org marks on its reps' mailboxes
 * ({@code mailbox_claim}): those it marked as its own, and those it found marked
 * by another org. The mark in the mailbox is what decides; these rows let the org
 * find its marks again to release them once a rep left its configurations, and
 * leave a mailbox another org syncs out of the mailboxes it serves.
 */
public final class MailboxClaims {

  /** A mailbox the org marked or found marked. */
  public record Claim(MailboxKey key, String email, Optional<String> heldBy) {}

  private final Pool pool;

  public MailboxClaims(Pool pool) {
    this.pool = pool;
  }

  /** The org's own mark is on the mailbox ({@code heldBy} empty), or another org's ({@code heldBy} that org). */
  public void checked(MailboxKey key, String email, Optional<String> heldBy, Instant at) {
    Blocking.await(pool.preparedQuery("INSERT INTO mailbox_claim (org_id, user_id, email, held_by, checked_at)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, user_id) DO UPDATE SET email = EXCLUDED.email,"
            + " held_by = EXCLUDED.held_by, checked_at = EXCLUDED.checked_at")
        .execute(Tuple.of(key.orgId(), key.userId(), email, heldBy.orElse(null), at.atOffset(ZoneOffset.UTC))));
  }

  /** Every mailbox {@code orgId} marked or found marked. */
  public List<Claim> of(String orgId) {
    List<Claim> out = new ArrayList<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT user_id, email, held_by FROM mailbox_claim WHERE org_id = $1")
        .execute(Tuple.of(orgId)))) {
      out.add(new Claim(new MailboxKey(orgId, r.getString("user_id")), r.getString("email"),
          Optional.ofNullable(r.getString("held_by"))));
    }
    return out;
  }

  /** The users of {@code orgId} whose mailboxes another org's mark holds. */
  public Set<String> heldElsewhere(String orgId) {
    Set<String> out = new HashSet<>();
    for (Claim c : of(orgId)) {
      if (c.heldBy().isPresent()) {
        out.add(c.key().userId());
      }
    }
    return out;
  }

  /** Nothing more to know of the mailbox (released, or no longer the org's rep). */
  public void forget(MailboxKey key) {
    Blocking.await(pool.preparedQuery("DELETE FROM mailbox_claim WHERE org_id = $1 AND user_id = $2")
        .execute(Tuple.of(key.orgId(), key.userId())));
  }
}
