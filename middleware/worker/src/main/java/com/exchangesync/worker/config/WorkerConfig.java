package com.exchangesync.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The worker's settings, read once at start from the environment (see
 * {@link WorkerConfigReader}). Secrets are kept as {@link Secret} so that no
 * {@code toString} or log line ever shows them.
 *
 * @param databaseUrl PostgreSQL URL ({@code EXSYNC_DATABASE_URL})
 * @param httpPort port of the HTTP listener ({@code EXSYNC_HTTP_PORT}, 0 = any free port)
 * @param salesforceLoginUrl the org's login URL ({@code EXSYNC_SF_LOGIN_URL}): the OAuth token endpoint's base and
 *     the JWT audience
 * @param salesforceCredentials how the worker signs in (OAuth 2.0: JWT bearer or client credentials)
 * @param salesforceNamespace managed-package namespace prefix, empty when unmanaged
 * @param outboundToken the secret path segment of the Outbound Message URL
 * @param autodiscoverUrl Autodiscover endpoint override ({@code EXSYNC_AUTODISCOVER_URL})
 * @param ewsUrl fixed EWS endpoint that skips Autodiscover ({@code EXSYNC_EWS_URL})
 * @param graphCredentials how the worker signs in to Microsoft Entra ID for orgs on Exchange Online
 *     ({@code EXSYNC_GRAPH_CERTIFICATE_FILE} or {@code EXSYNC_GRAPH_CLIENT_SECRET}); empty when neither is set
 * @param graphLoginUrl Entra ID's base ({@code EXSYNC_GRAPH_LOGIN_URL}): tokens come from
 *     {@code <graphLoginUrl>/<tenant>/oauth2/v2.0/token}
 * @param graphUrl Microsoft Graph's base ({@code EXSYNC_GRAPH_URL}): the API is {@code <graphUrl>/v1.0/…}
 * @param pollInterval how often both sides are polled as the safety net
 * @param allowInsecureLoopback permit {@code http://} to 127.0.0.0/8 (test beds, demo)
 * @param lease how long a mailbox stays leased to a worker without a heartbeat
 *     ({@code EXSYNC_LEASE_SECONDS}): how soon another worker takes over a dead one's mailboxes
 * @param workerId this worker's name in the lease table and the logs ({@code EXSYNC_WORKER_ID})
 * @param parallelMailboxes how many reps' mailboxes this worker syncs at once ({@code EXSYNC_PARALLEL_MAILBOXES})
 * @param push push notifications from Exchange and the longer poll while they are healthy
 */
public record WorkerConfig(
    String databaseUrl,
    int httpPort,
    URI salesforceLoginUrl,
    SalesforceCredentials salesforceCredentials,
    String salesforceNamespace,
    Secret outboundToken,
    Optional<URI> autodiscoverUrl,
    Optional<URI> ewsUrl,
    Optional<GraphCredentials> graphCredentials,
    URI graphLoginUrl,
    URI graphUrl,
    Duration pollInterval,
    boolean allowInsecureLoopback,
    Duration lease,
    String workerId,
    int parallelMailboxes,
    PushSettings push) {

  /** Microsoft Entra ID of the public cloud. */
  public static final URI DEFAULT_GRAPH_LOGIN_URL = URI.create("https://login.microsoftonline.com");

  /** Microsoft Graph of the public cloud. */
  public static final URI DEFAULT_GRAPH_URL = URI.create("https://graph.microsoft.com");

  /** Default HTTP port. */
  public static final int DEFAULT_HTTP_PORT = 8080;

  /** Default mailbox lease: renewed every third of it while a pass runs. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  /**
   * Default number of mailboxes synced at once: well inside Exchange's default EWS concurrency per
   * service account (EWSMaxConcurrency 27) and Salesforce's concurrent API requests, on two cores.
   */
  public static final int DEFAULT_PARALLEL_MAILBOXES = 8;

  /** Default safety-net poll interval. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);

  /** The poll interval now: the longer one while push notifications from Exchange are {@code healthy}. */
  public Duration pollInterval(boolean healthy) {
    return push.enabled() && healthy ? push.pollInterval() : pollInterval;
  }

  /**
   * The database URL with any password replaced, for log lines.
   */
  public String databaseUrlForLogs() {
    return databaseUrl.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
