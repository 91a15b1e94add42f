package com.exchangesync.testbed.graph;

import java.time.Clock;

/**
 * How a Graph test bed runs.
 *
 * @param host the address to listen on (loopback by default)
 * @param port the port, 0 for any free one
 * @param clock the time tokens, assertions and items are judged and stamped by
 */
public record GraphTestbedOptions(String host, int port, Clock clock) {

  /** Loopback, any free port, the system clock. */
  public static GraphTestbedOptions defaults() {
    return new GraphTestbedOptions("127.0.0.1", 0, Clock.systemUTC());
  }

  /** These options on {@code port}. */
  public GraphTestbedOptions withPort(int port) {
    return new GraphTestbedOptions(host, port, clock);
  }

  /** These options with {@code clock}. */
  public GraphTestbedOptions withClock(Clock clock) {
    return new GraphTestbedOptions(host, port, clock);
  }
}
