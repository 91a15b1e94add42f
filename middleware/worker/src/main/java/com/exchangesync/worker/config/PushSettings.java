package com.exchangesync.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the worker hears of changes in Exchange without polling: EWS streaming notifications (Exchange Server) and
 * Microsoft Graph change notifications (Exchange Online).
 *
 * @param enabled whether push is used at all ({@code EXSYNC_PUSH}, default true)
 * @param pollInterval the safety-net poll while push is healthy ({@code EXSYNC_PUSH_POLL_INTERVAL_SECONDS}); the
 *     short {@code EXSYNC_POLL_INTERVAL_SECONDS} applies whenever it is not
 * @param publicUrl the worker's public HTTPS base URL ({@code EXSYNC_PUBLIC_URL}), where Microsoft Graph posts
 *     change notifications ({@code <url>/exchange/graph/notifications}); without it Exchange Online is polled
 */
public record PushSettings(boolean enabled, Duration pollInterval, Optional<URI> publicUrl) {

  /**
   * Default safety-net poll while push is healthy: half an hour. Changes arrive by push within seconds; the poll
   * only mends what a notification lost, and at this interval a quiet mailbox costs 4 Exchange calls an hour (each
   * kind's folder read twice) and a quiet org about 30 Salesforce calls an hour.
   */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(30);

  /** Push off: polling only. */
  public static PushSettings off() {
    return new PushSettings(false, DEFAULT_POLL_INTERVAL, Optional.empty());
  }
}
