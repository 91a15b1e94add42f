package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.worker.config.PushSettings;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.push.ChangeSink;
import com.exchangesync.worker.push.GraphSubscriptionRows;
import com.exchangesync.worker.push.PushContext;
import com.exchangesync.worker.push.PushControl;
import com.exchangesync.worker.store.MailboxLeases;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The push listener of {@link FleetBenchmark}'s worker, as {@code WorkerVerticle} makes it ({@link PushControl}, EWS
 * streaming notifications grouped by {@code EwsStreamingListener}), with a sink that notes which mailboxes it was
 * told changed instead of waking a scheduler the benchmark does not run. Measures what subscribing every mailbox
 * costs, and the listener's upkeep: the calls it makes while nothing but its connections' lifetimes pass. The test
 * beds' streaming clock runs {@code 1 / timeScale} times faster ({@link TestbedProcess#start(double)}), so an hour of
 * upkeep takes {@code timeScale} hours.
 */
final class FleetPush implements AutoCloseable {

  /** What subscribing cost: how long until push was healthy, and the calls made meanwhile. */
  record Subscribed(boolean healthy, double seconds, CallCount calls) {}

  /** The upkeep over a window: the calls, and the hours of the streaming clock it lasted. */
  record Upkeep(CallCount calls, double streamingHours) {

    double perMailboxHour(int mailboxes) {
      return calls.total() / (double) mailboxes / streamingHours;
    }
  }

  private final PushControl control;
  private final Set<String> notified = ConcurrentHashMap.newKeySet();

  FleetPush(Pool pool) {
    ChangeSink sink = (orgId, email, kind, source) -> {
      notified.add(email);
      return Future.succeededFuture();
    };
    control = new PushControl(new PushSettings(true, PushSettings.DEFAULT_POLL_INTERVAL, Optional.empty()),
        new MailboxLeases(pool), BenchWorker.WORKER_ID, BenchWorker.LEASE,
        new PushContext(sink, Optional.empty(), new GraphSubscriptionRows(pool), Clock.systemUTC()));
  }

  PushControl control() {
    return control;
  }

  /** Listens to {@code emails} of {@code orgId} through {@code connector} and waits (at most {@code limit}) for push to be healthy. */
  Subscribed subscribe(String orgId, MailboxConnector connector, List<String> emails, ExchangeSimClient ex, Duration limit)
      throws InterruptedException {
    CallCount before = CallCount.of(ex.stats());
    long start = System.nanoTime();
    control.watch(orgId, connector, emails);
    long deadline = start + limit.toNanos();
    while (!control.healthy() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    return new Subscribed(control.healthy(), (System.nanoTime() - start) / 1e9, CallCount.of(ex.stats()).since(before));
  }

  /** The calls made over {@code window} of real time, which is {@code window / timeScale} of the streaming clock. */
  Upkeep upkeep(ExchangeSimClient ex, Duration window, double timeScale) throws InterruptedException {
    CallCount before = CallCount.of(ex.stats());
    Thread.sleep(window.toMillis());
    return new Upkeep(CallCount.of(ex.stats()).since(before), window.toMillis() / timeScale / 3_600_000.0);
  }

  /** Forgets the mailboxes notified so far. */
  void forgetNotified() {
    notified.clear();
  }

  /** How many of {@code emails} it was told changed since {@link #forgetNotified}. */
  long notifiedAmong(List<String> emails) {
    return emails.stream().filter(e -> notified.contains(e.toLowerCase(Locale.ROOT))).count();
  }

  boolean healthy() {
    return control.healthy();
  }

  @Override
  public void close() {
    control.close();
  }
}
