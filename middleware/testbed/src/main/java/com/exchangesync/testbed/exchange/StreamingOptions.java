package com.exchangesync.testbed.exchange;

import java.time.Duration;

/**
 * How the test bed's streaming notifications behave.
 *
 * @param mailboxServers how many Mailbox servers stand behind the EWS URL (mailboxes are spread over them;
 *     a subscription lives on the one its {@code Subscribe} was routed to)
 * @param hangingConnectionLimit open {@code GetStreamingEvents} connections per budget: Exchange Server's
 *     default {@code HangingConnectionLimit} is 3
 * @param timeScale how long a test bed minute is, as a fraction of a real one: connection timeouts (1–30
 *     minutes), the 30 minutes an idle subscription lives and the keep-alive interval are multiplied by it
 */
public record StreamingOptions(int mailboxServers, int hangingConnectionLimit, double timeScale) {

  /** How often an idle connection says {@code OK}: well within the 45 s heartbeat the EWS Managed API expects. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  /** Two Mailbox servers, three connections per budget, real time. */
  public static StreamingOptions defaults() {
    return new StreamingOptions(2, 3, 1.0);
  }

  /** These options with time running {@code 1 / timeScale} times faster. */
  public StreamingOptions withTimeScale(double timeScale) {
    return new StreamingOptions(mailboxServers, hangingConnectionLimit, timeScale);
  }

  /** These options with {@code limit} connections per budget. */
  public StreamingOptions withHangingConnectionLimit(int limit) {
    return new StreamingOptions(mailboxServers, limit, timeScale);
  }

  Duration scaled(Duration d) {
    return Duration.ofNanos(Math.max(1_000_000L, (long) (d.toNanos() * timeScale)));
  }
}
