package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.config.Secret;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An app-only access token for Microsoft Graph. {@code toString} leaves the token
 * out.
 *
 * @param value the bearer token
 * @param expiresAt when Entra ID said it ends
 * @param roles the application permissions it carries (its {@code roles} claim),
 *     or empty when the token cannot be read: Microsoft keeps Graph tokens opaque to
 *     clients, so this serves only to name a refusal, never to decide access
 */
record GraphToken(Secret value, Instant expiresAt, Optional<Set<String>> roles) {

  /** A token as Entra ID returned it, its roles read from its payload when it is a JWT. */
  static GraphToken of(String accessToken, Instant expiresAt) {
    return new GraphToken(Secret.of(accessToken), expiresAt, rolesOf(accessToken));
  }

  /** Whether it still has {@code margin} or more to live at {@code now}. */
  boolean freshAt(Instant now, java.time.Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }

  private static Optional<Set<String>> rolesOf(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      Set<String> roles = new LinkedHashSet<>();
      if (claims.getValue("roles") instanceof JsonArray list) {
        list.forEach(r -> roles.add(String.valueOf(r)));
      }
      return Optional.of(Set.copyOf(roles));
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "GraphToken[expiresAt=" + expiresAt + ", roles=" + roles + "]";
  }
}
