package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.exchange.RetryPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the worker reaches Exchange Online for one org.
 *
 * @param tenantId the org's Microsoft Entra tenant, a GUID or a verified domain (Setup's {@code Tenant_Id__c})
 * @param clientId the app registration's Application (client) ID (Setup's {@code Application_Id__c})
 * @param credentials the app's certificate or client secret, kept by the worker
 * @param loginUrl Entra ID's base ({@code EXSYNC_GRAPH_LOGIN_URL})
 * @param graphUrl Microsoft Graph's base ({@code EXSYNC_GRAPH_URL})
 * @param allowInsecureLoopback permit {@code http://} to a loopback address (test beds, demo)
 * @param retry how throttling is waited out
 * @param timeout per-request timeout
 * @param clock the time tokens and client assertions are dated by
 * @param windowClock the time the calendar's delta window moves by ({@link DeltaWindow}), and remembered folder
 *     ids age by: the same clock but in tests, which fix it so their dates stay inside the window
 */
public record GraphSettings(String tenantId, String clientId, GraphCredentials credentials, URI loginUrl, URI graphUrl,
                            boolean allowInsecureLoopback, RetryPolicy retry, Duration timeout, Clock clock,
                            Clock windowClock) {

  public GraphSettings {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(credentials, "credentials");
    loginUrl = withoutFinalSlash(loginUrl);
    graphUrl = withoutFinalSlash(graphUrl);
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(windowClock, "windowClock");
  }

  /** Settings with the standard retry policy, a 100-second timeout and the system clock. */
  public static GraphSettings of(String tenantId, String clientId, GraphCredentials credentials, URI loginUrl, URI graphUrl,
                                 boolean allowInsecureLoopback) {
    return new GraphSettings(tenantId, clientId, credentials, loginUrl, graphUrl, allowInsecureLoopback, RetryPolicy.standard(),
        Duration.ofSeconds(100), Clock.systemUTC(), Clock.systemUTC());
  }

  /** The same settings with another retry policy. */
  public GraphSettings withRetry(RetryPolicy policy) {
    return new GraphSettings(tenantId, clientId, credentials, loginUrl, graphUrl, allowInsecureLoopback, policy, timeout, clock,
        windowClock);
  }

  /** The same settings with another clock, for tokens and the delta window alike. */
  public GraphSettings withClock(Clock other) {
    return new GraphSettings(tenantId, clientId, credentials, loginUrl, graphUrl, allowInsecureLoopback, retry, timeout, other,
        other);
  }

  /** The same settings with the delta window moving by another clock. */
  public GraphSettings withWindowClock(Clock other) {
    return new GraphSettings(tenantId, clientId, credentials, loginUrl, graphUrl, allowInsecureLoopback, retry, timeout, clock,
        other);
  }

  /** The tenant's token endpoint, {@code <login>/<tenant>/oauth2/v2.0/token}: also the client assertion's audience. */
  public URI tokenEndpoint() {
    return URI.create(loginUrl + "/" + GraphPaths.segment(tenantId) + "/oauth2/v2.0/token");
  }

  private static URI withoutFinalSlash(URI uri) {
    Objects.requireNonNull(uri);
    String s = uri.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }
}
