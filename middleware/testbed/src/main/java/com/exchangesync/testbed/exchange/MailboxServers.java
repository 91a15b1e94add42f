package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Mailbox servers behind the test bed's one EWS URL, and how a request is routed to one of them, as
 * Exchange 2013 and later route notification requests ("Maintain affinity between a group of subscriptions
 * and the Mailbox server"). Subscriptions live on the server a {@code Subscribe} was routed to; a
 * {@code GetStreamingEvents} routed elsewhere does not find them.
 *
 * <p>Routing: with {@code X-PreferServerAffinity: true} and an {@code X-BackEndOverrideCookie} cookie, the
 * server the cookie names (a cookie naming no server fails the call with
 * {@code ErrorProxiedSubscriptionCallFailure}: the Client Access server cannot reach it); else the server of
 * the {@code X-AnchorMailbox}; else the server of the impersonated mailbox. A request with
 * {@code X-PreferServerAffinity: true} and {@code X-AnchorMailbox} but no cookie is answered with
 * {@code Set-Cookie: X-BackEndOverrideCookie=<server>~<number>}. Mailboxes are placed on the servers by a
 * hash of their address (stable across runs).
 */
final class MailboxServers {

  static final String COOKIE = "X-BackEndOverrideCookie";

  /** The headers of one EWS request that take part in routing. */
  record RoutingHeaders(String anchorMailbox, boolean preferAffinity, String overrideCookie) {

    /** The value of the {@code X-BackEndOverrideCookie} cookie in a {@code Cookie} header, or null. */
    static String cookie(String cookieHeader) {
      if (cookieHeader == null) {
        return null;
      }
      for (String part : cookieHeader.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(COOKIE)) {
          return part.substring(eq + 1).trim();
        }
      }
      return null;
    }
  }

  /** Where a request went, and the cookie to set in its answer (null: none). */
  record Route(String server, String setCookie) {}

  private final List<String> servers;

  MailboxServers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one Mailbox server");
    }
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add(String.format(Locale.ROOT, "mbx%02d.corp.example.com", i));
    }
    this.servers = List.copyOf(names);
  }

  List<String> names() {
    return servers;
  }

  /** The server that holds {@code smtp}'s mailbox. */
  String serverOf(String smtp) {
    return servers.get(Math.floorMod(smtp.toLowerCase(Locale.ROOT).hashCode(), servers.size()));
  }

  /**
   * Routes one request.
   *
   * @param acting the impersonated mailbox's address, or null without impersonation
   * @throws ResponseMessageError {@code ErrorProxiedSubscriptionCallFailure} for a cookie that names no server
   */
  Route route(RoutingHeaders headers, String acting) {
    if (headers.preferAffinity() && headers.overrideCookie() != null) {
      return new Route(cookieServer(headers.overrideCookie()).orElseThrow(() -> new ResponseMessageError(
          "ErrorProxiedSubscriptionCallFailure", "Subscription related request failed because EWS could not contact the"
          + " appropriate CAS server for this request. If this problem persists, recreate the subscription.")), null);
    }
    if (headers.anchorMailbox() != null && !headers.anchorMailbox().isBlank()) {
      String server = serverOf(headers.anchorMailbox().trim());
      return new Route(server, headers.preferAffinity() ? COOKIE + "=" + server + "~"
          + ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L) + "; path=/; HttpOnly" : null);
    }
    return new Route(acting == null ? servers.get(0) : serverOf(acting), null);
  }

  private Optional<String> cookieServer(String cookie) {
    int tilde = cookie.indexOf('~');
    String server = tilde < 0 ? cookie : cookie.substring(0, tilde);
    return servers.stream().filter(s -> s.equalsIgnoreCase(server)).findFirst();
  }
}
