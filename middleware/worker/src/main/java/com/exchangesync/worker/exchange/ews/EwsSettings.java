package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the worker reaches Exchange.
 *
 * @param account the service account with impersonation rights
 * @param ewsUrl a fixed EWS endpoint; when present Autodiscover is skipped
 * @param autodiscoverUrl an Autodiscover endpoint that overrides the one derived from each rep's domain
 * @param allowInsecureLoopback permit {@code http://} to a loopback address (test beds, demo)
 * @param retry how throttling is waited out
 * @param timeout per-request timeout
 */
public record EwsSettings(ServiceAccount account, Optional<URI> ewsUrl, Optional<URI> autodiscoverUrl,
                          boolean allowInsecureLoopback, RetryPolicy retry, Duration timeout) {

  public EwsSettings {
    Objects.requireNonNull(account);
    Objects.requireNonNull(ewsUrl);
    Objects.requireNonNull(autodiscoverUrl);
    Objects.requireNonNull(retry);
    Objects.requireNonNull(timeout);
  }

  /** Settings with the standard retry policy and a 100-second timeout (EWS's own default). */
  public static EwsSettings of(ServiceAccount account, Optional<URI> ewsUrl, Optional<URI> autodiscoverUrl,
                               boolean allowInsecureLoopback) {
    return new EwsSettings(account, ewsUrl, autodiscoverUrl, allowInsecureLoopback, RetryPolicy.standard(),
        Duration.ofSeconds(100));
  }

  /** The same settings with another retry policy. */
  public EwsSettings withRetry(RetryPolicy retry) {
    return new EwsSettings(account, ewsUrl, autodiscoverUrl, allowInsecureLoopback, retry, timeout);
  }
}
