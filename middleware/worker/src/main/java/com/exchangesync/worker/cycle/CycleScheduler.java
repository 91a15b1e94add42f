package com.exchangesync.worker.cycle;

import com.exchangesync.worker.errors.ErrorOutboxDrainer;
import com.exchangesync.worker.store.Blocking;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs contact cycles on a virtual thread: one at start, then one whenever an
 * Outbound Message queued work (a new {@code sync_request} or
 * {@code config_change} row, looked for every two seconds) or the poll interval
 * passed, whichever comes first. The poll is the safety net for messages
 * Salesforce dropped. After each cycle the error outbox is drained once.
 */
public final class CycleScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(CycleScheduler.class);
  private static final Duration LOOK = Duration.ofSeconds(2);

  private final ContactSyncCycle cycle;
  private final ErrorOutboxDrainer drainer;
  private final Pool pool;
  private final Duration interval;
  private final Consumer<List<RepOutcome>> listener;
  private volatile boolean running;
  private Thread thread;

  public CycleScheduler(ContactSyncCycle cycle, ErrorOutboxDrainer drainer, Pool pool, Duration interval,
                        Consumer<List<RepOutcome>> listener) {
    this.cycle = cycle;
    this.drainer = drainer;
    this.pool = pool;
    this.interval = interval;
    this.listener = listener;
  }

  /** Runs one cycle now, on the caller's thread, and drains the error outbox. */
  public List<RepOutcome> runOnce() throws Exception {
    List<RepOutcome> outcomes = cycle.run();
    Blocking.await(drainer.drainOnce());
    listener.accept(outcomes);
    return outcomes;
  }

  /** Starts the loop. */
  public synchronized void start() {
    running = true;
    thread = Thread.ofVirtual().name("exsync-cycles").start(this::loop);
  }

  /** Stops the loop after the cycle in progress. */
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void loop() {
    long seen = latestWork();
    while (running) {
      try {
        runOnce();
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.warn("The cycle failed; the next one tries again: {}", e.toString());
      }
      long deadline = System.nanoTime() + interval.toNanos();
      while (running && System.nanoTime() < deadline) {
        try {
          Thread.sleep(LOOK.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        long latest = latestWork();
        if (latest > seen) {
          seen = latest;
          LOG.info("Changes arrived from Salesforce: syncing now");
          break;
        }
      }
    }
  }

  /** The newest queued work item: a change in either table moves it. */
  private long latestWork() {
    try {
      for (Row r : Blocking.await(pool.query("SELECT coalesce((SELECT max(id) FROM sync_request), 0) "
          + "+ coalesce((SELECT max(id) FROM config_change), 0)").execute())) {
        return r.getLong(0);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not look for queued work: {}", e.toString());
    }
    return 0;
  }
}
