package com.exchangesync.testbed.graph;

import java.time.Clock;
import java.time.Duration;

/**
 * How a Graph test bed runs.
 *
 * @param host the address to listen on (loopback by default)
 * @param port the port, 0 for any free one
 * @param clock the time tokens, assertions, items and subscription expiry are judged and stamped by
 * @param notificationRetryPause the pause before a change notification the endpoint did not take is sent
 *     again, doubled at each try (nine tries: with a minute, the last is about four hours after the first, as
 *     Graph's "up to 4 hours")
 */
public record GraphTestbedOptions(String host, int port, Clock clock, Duration notificationRetryPause) {

  /** Tries of one change notification collection before it is dropped (and {@code missed} is sent). */
  static final int DELIVERY_ATTEMPTS = 9;

  /** Loopback, any free port, the system clock, a minute's pause before the first retry. */
  public static GraphTestbedOptions defaults() {
    return new GraphTestbedOptions("127.0.0.1", 0, Clock.systemUTC(), Duration.ofMinutes(1));
  }

  /** These options on {@code port}. */
  public GraphTestbedOptions withPort(int port) {
    return new GraphTestbedOptions(host, port, clock, notificationRetryPause);
  }

  /** These options with {@code clock}. */
  public GraphTestbedOptions withClock(Clock clock) {
    return new GraphTestbedOptions(host, port, clock, notificationRetryPause);
  }

  /** These options with {@code pause} before the first retry of a change notification. */
  public GraphTestbedOptions withNotificationRetryPause(Duration pause) {
    return new GraphTestbedOptions(host, port, clock, pause);
  }
}
