package com.exchangesync.worker.cycle;

import com.exchangesync.worker.http.HealthCheck;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cycles on a virtual thread: one for every rep at start and whenever the poll interval passed since the
 * last such cycle started, and in between one for the reps that queued work names ({@link QueuedWork}: an
 * Outbound Message names the record's owner, a push notification from Exchange the mailbox; an admin's change
 * wakes everyone), looked for every half second (a cheap read of three ids, so a change waits little for it). The poll is the safety net for messages Salesforce dropped and
 * notifications Exchange did not send; while push is healthy it is longer. Cycles for some reps do not put the
 * poll off: a busy org, whose Outbound Messages never stop, still gets its full cycle every interval. A cycle
 * for some reps that fails is followed by one for every rep, so nothing named is dropped.
 *
 * <p>Nothing a cycle throws ends the loop: an {@link Exception} or an {@link Error} is logged with its stack
 * trace, counted ({@code exsync_cycle_failures_total}) and the next cycle tries again. Should the loop end
 * anyway (its own machinery failing), it says so: the log names the cause, {@link #readiness} and
 * {@link #liveness} fail with "the sync loop stopped: …" and {@code exsync_cycle_loop_running} drops to 0.
 * A loop that runs but completes no cycle for {@link #stallAfter} (max(3 poll intervals, 5 minutes)) fails
 * readiness too, unless the cycle in progress is still finishing mailboxes.
 */
public final class CycleScheduler {

  /** One cycle's work: the sync cycle for the reps woken and what follows it (the error outbox drained). */
  @FunctionalInterface
  public interface Cycle {
    List<RepOutcome> run(Wake wake) throws Exception;
  }

  /** The least time without a completed cycle before the loop counts as stuck. */
  static final Duration MIN_STALL = Duration.ofMinutes(5);
  private static final int STALL_INTERVALS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(CycleScheduler.class);
  private static final Duration LOOK = Duration.ofMillis(500);

  private final Cycle cycle;
  private final QueuedWork queuedWork;
  private final Supplier<Duration> interval;
  private final Supplier<Optional<Instant>> progress;
  private final Clock clock;
  private final Consumer<List<RepOutcome>> listener;
  private final Metrics.Counter completed;
  private final Metrics.Counter failures;
  private final Metrics.Counter targeted;
  private volatile boolean running;
  private volatile boolean looping;
  private volatile Instant loopStarted;
  private volatile Instant lastCompleted;
  private volatile String lastFailure;
  private volatile Throwable stoppedBy;
  private boolean lookFailing;
  private Thread thread;

  /**
   * @param cycle the work of one cycle
   * @param queuedWork the newest queued work item: a cycle for every rep starts early when it moves
   * @param interval the poll interval
   * @param progress when the cycle in progress last finished a mailbox's pass, if ever
   * @param listener told what each cycle did (the demo prints it)
   */
  public CycleScheduler(Cycle cycle, LongSupplier queuedWork, Duration interval, Supplier<Optional<Instant>> progress,
                        Clock clock, Metrics metrics, Consumer<List<RepOutcome>> listener) {
    this(cycle, QueuedWork.counting(queuedWork), () -> interval, progress, clock, metrics, listener);
  }

  /**
   * A scheduler whose poll interval may change between cycles: the longer safety-net interval while push
   * notifications from Exchange are healthy, the short one otherwise.
   */
  public CycleScheduler(Cycle cycle, QueuedWork queuedWork, Supplier<Duration> interval, Supplier<Optional<Instant>> progress,
                        Clock clock, Metrics metrics, Consumer<List<RepOutcome>> listener) {
    this.cycle = cycle;
    this.queuedWork = queuedWork;
    this.interval = interval;
    this.progress = progress;
    this.clock = clock;
    this.listener = listener;
    this.completed = metrics.counter("exsync_cycles_completed_total", "Sync cycles that ran to their end");
    this.failures = metrics.counter("exsync_cycle_failures_total",
        "Sync cycles that ended with an exception or error (the loop went on to the next)");
    this.targeted = metrics.counter("exsync_cycles_for_named_reps_total",
        "Cycles that synced only the reps queued work named (an Outbound Message's owner, a mailbox Exchange notified of)");
    metrics.gauge("exsync_cycle_loop_running", "1 while the sync loop runs, 0 before it starts or once it stopped",
        () -> looping ? 1 : 0);
    metrics.gauge("exsync_cycle_last_completed_age_seconds",
        "Seconds since the last cycle completed (since the loop started, before the first)", this::lastCompletedAge);
  }

  /** How long the loop may go without completing a cycle before it counts as stuck: max(3 poll intervals, 5 minutes). */
  public Duration stallAfter() {
    Duration intervals = interval.get().multipliedBy(STALL_INTERVALS);
    return intervals.compareTo(MIN_STALL) > 0 ? intervals : MIN_STALL;
  }

  /** Runs one cycle for every rep now, on the caller's thread. */
  public List<RepOutcome> runOnce() throws Exception {
    return runOnce(Wake.EVERYONE);
  }

  private List<RepOutcome> runOnce(Wake wake) throws Exception {
    List<RepOutcome> outcomes = cycle.run(wake);
    lastCompleted = clock.instant();
    completed.inc();
    if (!wake.everyone()) {
      targeted.inc();
    }
    listener.accept(outcomes);
    return outcomes;
  }

  /** Starts the loop. */
  public synchronized void start() {
    running = true;
    looping = true;
    loopStarted = clock.instant();
    stoppedBy = null;
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
    Throwable cause = null;
    try {
      QueuedWork.Marks seen = latestWork(QueuedWork.Marks.NONE);
      Wake wake = Wake.EVERYONE;
      long lastFullStarted = System.nanoTime();
      while (running) {
        if (wake.everyone()) {
          lastFullStarted = System.nanoTime();
        }
        boolean ok = runGuarded(wake);
        Awaited next = awaitWork(seen, lastFullStarted, ok ? Wake.NOBODY : Wake.EVERYONE);
        seen = next.seen();
        wake = next.wake();
      }
    } catch (Throwable e) { // an interrupt too, when stop() did not ask for it
      cause = e;
    } finally {
      looping = false;
      if (running) {
        stoppedBy = cause != null ? cause : new IllegalStateException("the loop returned");
        LOG.error("The sync loop stopped: no cycle runs on this worker until it is restarted ({})", describe(stoppedBy),
            stoppedBy);
      }
    }
  }

  /** One cycle; whatever it throws is logged and counted, and the loop goes on. Returns whether it completed. */
  private boolean runGuarded(Wake wake) {
    try {
      runOnce(wake);
      return true;
    } catch (Throwable e) {
      if (!running) {
        return false; // stop() interrupted the cycle
      }
      failures.inc();
      lastFailure = clock.instant() + ": " + describe(e);
      if (e instanceof Exception) {
        LOG.warn("The cycle failed; the next one tries again", e);
      } else {
        LOG.error("The cycle failed with an error; the next one tries again", e);
      }
      return false;
    }
  }

  /** What a wait ended with: the queue's marks it saw last, and whom the next cycle syncs. */
  private record Awaited(QueuedWork.Marks seen, Wake wake) {}

  /**
   * Waits until the poll interval has passed since the last cycle for every rep started (then everyone syncs),
   * or less when new work is queued (then the reps it names). Counted from the start, a mailbox is checked every
   * interval however long the cycle takes, as long as it takes less (a longer one is followed at once by the next).
   *
   * @param owed reps the next cycle syncs whatever wakes it (everyone, after a failed cycle for some reps:
   *     it is tried again for everyone, after the usual wait)
   */
  private Awaited awaitWork(QueuedWork.Marks seen, long lastFullStarted, Wake owed) throws InterruptedException {
    // The interval is read at every look: should push stop being healthy, the short poll applies at once.
    while (running && System.nanoTime() - lastFullStarted < interval.get().toNanos()) {
      long left = interval.get().toNanos() - (System.nanoTime() - lastFullStarted);
      Thread.sleep(Math.min(LOOK.toMillis(), Math.max(1, left / 1_000_000)));
      QueuedWork.Marks latest = latestWork(seen);
      if (latest.after(seen)) {
        Wake wake = owed.and(whom(seen, latest));
        if (wake.everyone()) {
          LOG.info("Changes arrived from Salesforce or Exchange: syncing every rep now");
          return new Awaited(latest, wake);
        }
        if (!wake.nobody()) {
          LOG.info("Changes arrived from Salesforce or Exchange: syncing {} now", wake);
          return new Awaited(latest, wake);
        }
        seen = latest;
      }
    }
    return new Awaited(seen, Wake.EVERYONE);
  }

  /** Whom new work concerns; everyone when the database cannot tell (the cycle then costs more, but misses nothing). */
  private Wake whom(QueuedWork.Marks from, QueuedWork.Marks to) {
    try {
      return queuedWork.between(from, to);
    } catch (RuntimeException e) {
      LOG.warn("Could not tell whom the queued work concerns; syncing every rep", e);
      return Wake.EVERYONE;
    }
  }

  /**
   * The newest queued work, or {@code otherwise} when the database cannot tell: the poll goes on. Looked for
   * every half second, so an outage is logged (with its stack trace) when it starts and when it ends.
   */
  private QueuedWork.Marks latestWork(QueuedWork.Marks otherwise) {
    try {
      QueuedWork.Marks latest = queuedWork.latest();
      if (lookFailing) {
        lookFailing = false;
        LOG.info("Looking for queued work works again");
      }
      return latest;
    } catch (RuntimeException e) {
      if (!lookFailing) {
        lookFailing = true;
        LOG.warn("Could not look for queued work; polling goes on until it works again", e);
      }
      return otherwise;
    }
  }

  /** Why the loop is unwell now, if it is. */
  Optional<String> problem() {
    Throwable stopped = stoppedBy;
    if (stopped != null) {
      return Optional.of("the sync loop stopped: " + describe(stopped));
    }
    if (!looping) {
      return Optional.empty(); // never started (one cycle only) or stopped on purpose
    }
    Instant since = latest(latest(lastCompleted, loopStarted), progress.get().orElse(null));
    Instant now = clock.instant();
    if (!since.plus(stallAfter()).isBefore(now)) {
      return Optional.empty();
    }
    String failure = lastFailure;
    return Optional.of("no cycle completed since " + (lastCompleted != null ? lastCompleted : "the loop started at " + loopStarted)
        + " (more than " + HealthCheck.words(stallAfter()) + ")"
        + (failure != null ? "; the last failure, at " + failure : ""));
  }

  /** Readiness: fails while the loop is stopped or completes no cycle. */
  public HealthCheck readiness() {
    return check(this::problem);
  }

  /** Liveness: fails once the loop stopped by itself, which only a restart mends. */
  public HealthCheck liveness() {
    return check(() -> Optional.ofNullable(stoppedBy).map(t -> "the sync loop stopped: " + describe(t)));
  }

  private static HealthCheck check(Supplier<Optional<String>> problem) {
    return new HealthCheck() {
      @Override
      public String name() {
        return "cycles";
      }

      @Override
      public Future<Void> check() {
        return problem.get().<Future<Void>>map(Future::failedFuture).orElse(Future.succeededFuture());
      }
    };
  }

  private double lastCompletedAge() {
    Instant since = lastCompleted != null ? lastCompleted : loopStarted;
    return since == null ? Double.NaN : Duration.between(since, clock.instant()).toMillis() / 1000.0;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** The cause in words: its class and message (the log has the stack trace). */
  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
  }
}
