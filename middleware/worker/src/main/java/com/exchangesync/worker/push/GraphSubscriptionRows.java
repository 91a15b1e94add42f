package com.exchangesync.worker.push;

import com.exchangesync.worker.exchange.ItemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code graph_subscription} table: the Microsoft Graph subscriptions the workers made, one per org, mailbox
 * and kind, with the SHA-256 of each one's {@code clientState} (never the value) and its expiry. Every worker
 * reads it to check the notifications it receives; the worker that listens for the org writes it.
 */
public final class GraphSubscriptionRows {

  /** One subscription. */
  public record Subscription(String id, String orgId, String email, ItemKind kind, byte[] clientStateHash, Instant expiresAt) {}

  private final Pool pool;

  public GraphSubscriptionRows(Pool pool) {
    this.pool = pool;
  }

  /** The SHA-256 of a client state, as stored and compared. */
  public static byte[] hash(String clientState) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(clientState.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Whether {@code given} is the client state of {@code s}, compared in constant time. */
  public static boolean matches(Subscription s, String given) {
    return given != null && MessageDigest.isEqual(hash(given), s.clientStateHash());
  }

  /** Records a new subscription, replacing the org's earlier one for that mailbox and kind. */
  public Future<Void> put(Subscription s) {
    return pool.preparedQuery("INSERT INTO graph_subscription (id, org_id, email, kind, client_state_hash, expires_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, email, kind) DO UPDATE SET id = excluded.id,"
            + " client_state_hash = excluded.client_state_hash, expires_at = excluded.expires_at, created_at = now()")
        .execute(Tuple.of(s.id(), s.orgId(), s.email().toLowerCase(Locale.ROOT), s.kind().name(),
            io.vertx.core.buffer.Buffer.buffer(s.clientStateHash()), OffsetDateTime.ofInstant(s.expiresAt(), ZoneOffset.UTC)))
        .mapEmpty();
  }

  public Future<Optional<Subscription>> find(String id) {
    return pool.preparedQuery("SELECT id, org_id, email, kind, client_state_hash, expires_at FROM graph_subscription WHERE id = $1")
        .execute(Tuple.of(id)).map(rows -> {
          for (Row r : rows) {
            return Optional.of(of(r));
          }
          return Optional.empty();
        });
  }

  public Future<List<Subscription>> ofOrg(String orgId) {
    return pool.preparedQuery("SELECT id, org_id, email, kind, client_state_hash, expires_at FROM graph_subscription"
        + " WHERE org_id = $1").execute(Tuple.of(orgId)).map(rows -> {
          List<Subscription> out = new ArrayList<>();
          rows.forEach(r -> out.add(of(r)));
          return out;
        });
  }

  public Future<Void> expires(String id, Instant at) {
    return pool.preparedQuery("UPDATE graph_subscription SET expires_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).mapEmpty();
  }

  public Future<Void> delete(String id) {
    return pool.preparedQuery("DELETE FROM graph_subscription WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  private static Subscription of(Row r) {
    return new Subscription(r.getString("id"), r.getString("org_id"), r.getString("email"), ItemKind.valueOf(r.getString("kind")),
        r.getBuffer("client_state_hash").getBytes(), r.getOffsetDateTime("expires_at").toInstant());
  }
}
