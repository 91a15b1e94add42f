package com.exchangesync.testbed.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

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
  private volatile Duration ahead = Duration.ZERO;

  OrgClock(Clock real) {
    this.real = real;
  }

  /** Moves the clock on by {@code by} (1 second to a day). */
  synchronized void advance(Duration by) {
    if (by.isNegative() || by.isZero() || by.compareTo(MOST) > 0) {
      throw new IllegalArgumentException("the clock moves on by 1 to " + MOST.toSeconds() + " seconds, not " + by.toSeconds());
    }
    ahead = ahead.plus(by);
  }

  /** How far the org's clock is ahead of the real one. */
  Duration ahead() {
    return ahead;
  }

  @Override
  public Instant instant() {
    return real.instant().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return real.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the org's clock is in UTC");
  }
}
