package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.WorkerConfig;
import java.net.URI;
import java.time.Duration;

/**
 * How the adapter reaches Salesforce.
 *
 * @param loginUrl the login URL ({@code https://login.salesforce.com}, {@code https://test.salesforce.com}, a My
 *     Domain, or a test bed): its {@code /services/oauth2/token} signs the worker in
 * @param credentials the OAuth 2.0 flow and what it needs (JWT bearer or client credentials)
 * @param namespace the package's namespace prefix, empty when unmanaged
 * @param allowInsecureLoopback permit {@code http://} to a loopback address (test beds)
 * @param connections the most concurrent calls (one {@code PartnerConnection} each); Salesforce
 *     allows 25 long-running requests per org, so stay well below
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time to wait for an answer
 * @param retries the most waits for throttling, lock errors or HTTP 503 within one call
 * @param backoff the wait before each of those retries
 */
public record SalesforceSettings(
    URI loginUrl,
    SalesforceCredentials credentials,
    String namespace,
    boolean allowInsecureLoopback,
    int connections,
    Duration connectTimeout,
    Duration readTimeout,
    int retries,
    Backoff backoff) {

  /** The partner API version the worker speaks (force-partner-api 65.0.0). */
  public static final String API_VERSION = "65.0";

  /** The SOAP calls the worker has in flight at most: one per mailbox synced at once, by default. */
  public static final int CONNECTIONS = 8;

  /** Settings from the worker's configuration, with production defaults. */
  public static SalesforceSettings from(WorkerConfig config) {
    return new SalesforceSettings(config.salesforceLoginUrl(), config.salesforceCredentials(),
        config.salesforceNamespace(), config.allowInsecureLoopback(), CONNECTIONS, Duration.ofSeconds(10), Duration.ofSeconds(120),
        6, Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(30)));
  }

  /** The same settings with another backoff and retry count (tests compress the waits). */
  public SalesforceSettings withRetries(int retries, Backoff backoff) {
    return new SalesforceSettings(loginUrl, credentials, namespace, allowInsecureLoopback, connections,
        connectTimeout, readTimeout, retries, backoff);
  }

  /** The partner SOAP endpoint of an instance: {@code <instanceUrl>/services/Soap/u/65.0}. */
  public static String soapEndpoint(URI instanceUrl) {
    String base = instanceUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/services/Soap/u/" + API_VERSION;
  }
}
