package com.exchangesync.worker.salesforce;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with "full jitter": attempt {@code n} (from 1)
 * waits a random time in [base·2^(n-1)/2, base·2^(n-1)], never more than
 * {@code cap}. The half-open lower bound keeps retries from hammering while
 * the jitter spreads workers that failed together.
 *
 * @param base the wait before the first retry (upper bound)
 * @param cap the longest wait
 * @param random uniform numbers in [0, 1); injected so tests are exact
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

  /** Backoff with real randomness. */
  public static Backoff of(Duration base, Duration cap) {
    return new Backoff(base, cap, Math::random);
  }

  /** How long to wait before retry number {@code attempt} (1 = the first retry). */
  public Duration delay(int attempt) {
    int shift = Math.min(Math.max(attempt, 1) - 1, 30);
    long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << shift));
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + (long) (random.getAsDouble() * (ceiling - floor)));
  }
}
