package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The Exchange service account, as an admin types it in Setup: {@code user@domain}
 * or {@code domain&#92;user}. Its {@link #basicAuthorization()} header is sent with
 * every request, so no call pays a 401 challenge round trip.
 */
public record ServiceAccount(String username, Secret password) {

  public ServiceAccount {
    Objects.requireNonNull(password, "password");
    username = username == null ? "" : username.trim();
    String problem = problemWith(username);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code username} is not a usable service account name, or {@code null}. */
  public static String problemWith(String username) {
    if (username == null || username.isBlank()) {
      return "The service account user name is empty: enter it as user@domain or domain\\user.";
    }
    boolean upn = username.matches("[^@\\\\\\s]+@[^@\\\\\\s]+\\.[^@\\\\\\s]+");
    boolean downLevel = username.matches("[^@\\\\\\s]+\\\\[^@\\\\\\s]+");
    if (!upn && !downLevel) {
      return "The service account user name '" + username + "' is neither user@domain nor domain\\user.";
    }
    return null;
  }

  /** The {@code Authorization} header value for HTTP Basic. */
  public String basicAuthorization() {
    String pair = username + ":" + password.reveal();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ServiceAccount[" + username + "]";
  }
}
