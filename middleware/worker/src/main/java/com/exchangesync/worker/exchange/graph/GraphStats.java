package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.metrics.Metrics;
import java.time.Duration;

/**
 * The Graph adapter's counters, exported at {@code /metrics}: requests by
 * operation (each request inside a {@code $batch} counted apart, as Graph counts
 * them against its limits, and the batch envelopes under {@code batch}), tokens
 * fetched, throttling waits and the time spent in them, and operations still
 * throttled after every retry.
 */
public final class GraphStats {

  private final Metrics.Counter requests;
  private final Metrics.Counter tokens;
  private final Metrics.Counter throttleWaits;
  private final Metrics.Counter throttleWaitMillis;
  private final Metrics.Counter throttledOut;

  public GraphStats(Metrics metrics) {
    requests = metrics.counter("exsync_graph_requests_total", "Microsoft Graph requests made, by operation (retries included)",
        "operation");
    tokens = metrics.counter("exsync_graph_tokens_total", "access tokens fetched from Microsoft Entra ID");
    throttleWaits = metrics.counter("exsync_graph_throttle_waits_total", "times Graph asked us to wait (HTTP 429, 503)");
    throttleWaitMillis = metrics.counter("exsync_graph_throttle_wait_milliseconds_total", "time spent waiting for Graph");
    throttledOut = metrics.counter("exsync_graph_throttled_out_total", "operations still throttled after every retry");
  }

  void request(String operation) {
    requests.inc(operation);
  }

  void token() {
    tokens.inc();
  }

  void waited(Duration wait) {
    throttleWaits.inc();
    throttleWaitMillis.add(wait.toMillis());
  }

  void gaveUp() {
    throttledOut.inc();
  }

  /** Requests made for {@code operation}. */
  public long requests(String operation) {
    return requests.value(operation);
  }

  /** Tokens fetched so far. */
  public long tokens() {
    return tokens.value();
  }

  /** Throttling waits so far. */
  public long throttleWaits() {
    return throttleWaits.value();
  }
}
