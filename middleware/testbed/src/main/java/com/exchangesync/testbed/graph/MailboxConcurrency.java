package com.exchangesync.testbed.graph;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Exchange Online's concurrency limit: an app may have at most four requests
 * in flight against one mailbox; the fifth is refused with {@code 429}
 * {@code ApplicationThrottled} ("Application is over its MailboxConcurrency
 * limit.") and a {@code Retry-After}. A request holds its slot from when it
 * is let in until it is answered (added latency included).
 */
final class MailboxConcurrency {

  static final int LIMIT = 4;
  /** Seconds a client is told to wait; short, since a slot frees as soon as a request is answered. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Map<String, Integer> inFlight = new HashMap<>();

  /**
   * Takes a slot for {@code smtp}.
   *
   * @throws GraphError 429 when all four are taken
   */
  synchronized void acquire(String smtp) {
    String key = smtp.toLowerCase(Locale.ROOT);
    int n = inFlight.getOrDefault(key, 0);
    if (n >= LIMIT) {
      throw throttled("Application is over its MailboxConcurrency limit.", RETRY_AFTER_SECONDS);
    }
    inFlight.put(key, n + 1);
  }

  synchronized void release(String smtp) {
    String key = smtp.toLowerCase(Locale.ROOT);
    int n = inFlight.getOrDefault(key, 0);
    if (n <= 1) {
      inFlight.remove(key);
    } else {
      inFlight.put(key, n - 1);
    }
  }

  static GraphError throttled(String message, int retryAfterSeconds) {
    return new GraphError(429, "ApplicationThrottled", message).header("Retry-After", Integer.toString(retryAfterSeconds));
  }
}
