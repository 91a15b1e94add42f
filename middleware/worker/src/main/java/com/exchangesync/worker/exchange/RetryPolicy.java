package com.exchangesync.worker.exchange;

import java.time.Duration;

/**
 * How long to keep waiting while Exchange is busy, for either protocol. When
 * Exchange says how long to wait (EWS {@code ErrorServerBusy} with
 * {@code BackOffMilliseconds}, Graph's {@code Retry-After}) that is the wait;
 * when it does not (HTTP 503 without one), the wait doubles from
 * {@code firstBackOff}. Every wait is capped at {@code maxBackOff}, and after
 * {@code maxAttempts} calls the operation fails as throttled.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackOff, Duration maxBackOff, Sleeper sleeper) {

  /** Waits; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Six attempts, starting at one second, never more than a minute at a time. */
  public static RetryPolicy standard() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(1), d -> Thread.sleep(d.toMillis()));
  }

  /** The wait before attempt {@code attempt + 1} when Exchange gave no figure. */
  public Duration backOffAfter(int attempt) {
    long millis = firstBackOff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackOff.toMillis()));
  }

  /** {@code requested} capped at {@code maxBackOff}. */
  public Duration capped(Duration requested) {
    return requested.compareTo(maxBackOff) > 0 ? maxBackOff : requested;
  }
}
