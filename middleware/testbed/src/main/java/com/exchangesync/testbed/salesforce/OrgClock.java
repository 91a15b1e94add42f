package com.exchangesync.testbed.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The org's clock, for its data: record stamps, {@code getServerTimestamp}, {@code getDeleted}'s window. The
 * admin API can move it on ({@code POST /sim/clock}), as if that much time had passed with nothing happening, so
 * a test or a benchmark can see what the sync does a quarter of an hour after a change without waiting for it.
 * It only moves forward, as time does. Sign-in, tokens and sessions keep the real clock: a worker signed in stays
 * signed in. Thread-safe.
 */
final class OrgClock extends Clock {

  /** The most one move may add: a day. */
  static final Duration MOST = Duration.ofDays(1);

  private final Clock real;
  /** Shared with the same clock in another zone ({@link #withZone}): one move moves both. */
  private final AtomicReference<Duration> ahead;

  OrgClock(Clock real) {
    this(real, new AtomicReference<>(Duration.ZERO));
  }

  private OrgClock(Clock real, AtomicReference<Duration> ahead) {
    this.real = real;
    this.ahead = ahead;
  }

  /** Moves the clock on by {@code by} (1 second to a day). */
  void advance(Duration by) {
    if (by.isNegative() || by.isZero() || by.compareTo(MOST) > 0) {
      throw new IllegalArgumentException("the clock moves on by 1 to " + MOST.toSeconds() + " seconds, not " + by.toSeconds());
    }
    ahead.accumulateAndGet(by, Duration::plus);
  }

  /** How far the org's clock is ahead of the real one. */
  Duration ahead() {
    return ahead.get();
  }

  @Override
  public Instant instant() {
    return real.instant().plus(ahead.get());
  }

  @Override
  public ZoneId getZone() {
    return real.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new OrgClock(real.withZone(zone), ahead);
  }
}
