package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.metrics.Metrics;
import java.time.Duration;

/**
 * The EWS adapter's counters, exported at {@code /metrics}: calls by operation,
 * throttling waits and the time spent in them, and operations that stayed
 * throttled through every retry.
 */
public final class ExchangeStats {

  private final Metrics.Counter calls;
  private final Metrics.Counter throttleWaits;
  private final Metrics.Counter throttleWaitMillis;
  private final Metrics.Counter throttledOut;

  public ExchangeStats(Metrics metrics) {
    calls = metrics.counter("exsync_ews_calls_total", "EWS calls made, by operation (retries included)", "operation");
    throttleWaits = metrics.counter("exsync_ews_throttle_waits_total", "times Exchange asked us to wait (ErrorServerBusy, HTTP 503)");
    throttleWaitMillis = metrics.counter("exsync_ews_throttle_wait_milliseconds_total", "time spent waiting for Exchange");
    throttledOut = metrics.counter("exsync_ews_throttled_out_total", "operations still throttled after every retry");
  }

  void call(String operation) {
    calls.inc(operation);
  }

  void waited(Duration wait) {
    throttleWaits.inc();
    throttleWaitMillis.add(wait.toMillis());
  }

  void gaveUp() {
    throttledOut.inc();
  }

  /** Calls made for {@code operation}. */
  public long calls(String operation) {
    return calls.value(operation);
  }

  /** Throttling waits so far. */
  public long throttleWaits() {
    return throttleWaits.value();
  }
}
