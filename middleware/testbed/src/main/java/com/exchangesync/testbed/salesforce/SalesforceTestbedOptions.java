package com.exchangesync.testbed.salesforce;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How a Salesforce test bed runs.
 *
 * @param host the address to listen on (loopback by default)
 * @param port the port, 0 for any free one
 * @param projectRoot the directory whose {@code force-app} defines the package's
 *     objects and fields; null = the {@code exsync.project.root} system property,
 *     else the first directory with a {@code force-app} above the working directory
 * @param namespace the package's namespace prefix ({@code exsync} or
 *     {@code exsync__}) as in a managed install, or empty for an unmanaged one
 * @param clock the org's time (record stamps, sessions, replication windows, relative dates)
 * @param outboundTimeScale how much faster than Salesforce the Outbound Message
 *     sender waits between retries (1 = real time; 0.001 turns minutes into
 *     tens of milliseconds for tests)
 */
public record SalesforceTestbedOptions(String host, int port, Path projectRoot, String namespace, Clock clock,
    double outboundTimeScale) {

  /** Validates. */
  public SalesforceTestbedOptions {
    if (outboundTimeScale <= 0) {
      throw new IllegalArgumentException("outboundTimeScale must be positive");
    }
    Schema.normalizeNamespace(namespace);
  }

  /** Loopback, any free port, the package found from the working directory, no namespace, the system clock, real time. */
  public static SalesforceTestbedOptions defaults() {
    return new SalesforceTestbedOptions("127.0.0.1", 0, null, "", Clock.systemUTC(), 1.0);
  }

  /** These options on {@code port}. */
  public SalesforceTestbedOptions withPort(int port) {
    return new SalesforceTestbedOptions(host, port, projectRoot, namespace, clock, outboundTimeScale);
  }

  /** These options with the package read from {@code root}/force-app. */
  public SalesforceTestbedOptions withProjectRoot(Path root) {
    return new SalesforceTestbedOptions(host, port, root, namespace, clock, outboundTimeScale);
  }

  /** These options with a namespace prefix on every custom name. */
  public SalesforceTestbedOptions withNamespace(String prefix) {
    return new SalesforceTestbedOptions(host, port, projectRoot, prefix, clock, outboundTimeScale);
  }

  /** These options on another clock. */
  public SalesforceTestbedOptions withClock(Clock c) {
    return new SalesforceTestbedOptions(host, port, projectRoot, namespace, c, outboundTimeScale);
  }

  /** These options with Outbound Message retry waits multiplied by {@code scale}. */
  public SalesforceTestbedOptions withOutboundTimeScale(double scale) {
    return new SalesforceTestbedOptions(host, port, projectRoot, namespace, clock, scale);
  }
}
