package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.exchangesync.testkit.ManualClock;
import com.exchangesync.worker.http.HealthCheck;
import com.exchangesync.worker.logging.CapturedLogs;
import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CycleSchedulerTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final ManualClock clock = new ManualClock(START);
  private final Metrics metrics = new Metrics();
  private final AtomicReference<Instant> progress = new AtomicReference<>();
  private CycleScheduler scheduler;

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  private CycleScheduler scheduler(CycleScheduler.Cycle cycle, LongSupplier queuedWork, Duration interval) {
    scheduler = new CycleScheduler(cycle, queuedWork, interval, () -> Optional.ofNullable(progress.get()), clock, metrics,
        outcomes -> { });
    return scheduler;
  }

  @Test
  void anErrorThrownInsideACycle_isLoggedWithItsStackTraceAndCounted_andTheLoopGoesOn() throws Exception {
    Semaphore permits = new Semaphore(0);
    AtomicInteger runs = new AtomicInteger();
    scheduler(wake -> {
      permits.acquire();
      if (runs.incrementAndGet() == 1) {
        throw new StackOverflowError("injected into the first cycle");
      }
      return List.of();
    }, () -> 0, Duration.ZERO);
    try (CapturedLogs logs = CapturedLogs.of(CycleScheduler.class.getName())) {
      scheduler.start();
      permits.release(2);
      eventually(() -> metrics.render().contains("exsync_cycles_completed_total 1"));

      assertThat(metrics.render()).contains("exsync_cycle_failures_total 1\n").contains("exsync_cycle_loop_running 1\n");
      assertThat(failure(scheduler.readiness())).isNull();
      assertThat(failure(scheduler.liveness())).isNull();
      ILoggingEvent logged = logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
      assertThat(logged.getFormattedMessage()).contains("The cycle failed");
      assertThat(logged.getThrowableProxy().getClassName()).isEqualTo(StackOverflowError.class.getName());
      assertThat(logged.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
    }
  }

  @Test
  void aLoopThatStops_turnsReadinessAndLivenessRed_withTheCause_andTheRunningGaugeToZero() throws Exception {
    // The loop's own machinery failing (here the look for queued work) is the one thing that can end it.
    scheduler(wake -> List.of(), () -> {
      throw new OutOfMemoryError("injected into the look for queued work");
    }, Duration.ofMinutes(1));
    try (CapturedLogs logs = CapturedLogs.of(CycleScheduler.class.getName())) {
      scheduler.start();
      eventually(() -> metrics.render().contains("exsync_cycle_loop_running 0\n"));

      assertThat(failure(scheduler.readiness()))
          .isEqualTo("the sync loop stopped: java.lang.OutOfMemoryError: injected into the look for queued work");
      assertThat(failure(scheduler.liveness())).startsWith("the sync loop stopped: java.lang.OutOfMemoryError");
      ILoggingEvent logged = logs.events().stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
      assertThat(logged.getFormattedMessage()).startsWith("The sync loop stopped");
      assertThat(logged.getThrowableProxy().getClassName()).isEqualTo(OutOfMemoryError.class.getName());
    }
  }

  @Test
  void aLoopThatCompletesNoCycle_turnsReadinessRed_afterFiveMinutes_namingTheLastFailure() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    scheduler(wake -> {
      runs.incrementAndGet();
      throw new IllegalStateException("Salesforce is not reachable");
    }, () -> 0, Duration.ofMinutes(1));
    scheduler.start();
    eventually(() -> runs.get() == 1 && metrics.render().contains("exsync_cycle_failures_total 1\n"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(failure(scheduler.readiness())).isNull();
    clock.advance(Duration.ofSeconds(1));
    assertThat(failure(scheduler.readiness())).isEqualTo("no cycle completed since the loop started at 2026-03-02T09:00:00Z"
        + " (more than 5 minutes); the last failure, at 2026-03-02T09:00:00Z:"
        + " java.lang.IllegalStateException: Salesforce is not reachable");
    // Nothing a restart would mend: the worker stays live.
    assertThat(failure(scheduler.liveness())).isNull();
    assertThat(metrics.render()).contains("exsync_cycle_last_completed_age_seconds 301\n");
  }

  @Test
  void aLongCycleThatStillFinishesMailboxes_isNotStuck() throws Exception {
    Semaphore permits = new Semaphore(0);
    scheduler(wake -> {
      permits.acquire();
      return List.of();
    }, () -> 0, Duration.ofMinutes(1));
    scheduler.start();
    clock.advance(Duration.ofMinutes(20));
    progress.set(clock.instant().minus(Duration.ofMinutes(1)));
    assertThat(failure(scheduler.readiness())).isNull();

    clock.advance(Duration.ofMinutes(5));
    assertThat(failure(scheduler.readiness())).startsWith("no cycle completed since the loop started at");

    permits.release();
    eventually(() -> metrics.render().contains("exsync_cycles_completed_total 1"));
    assertThat(failure(scheduler.readiness())).isNull();
  }

  @Test
  void aDatabaseThatCannotTellTheQueuedWork_isLoggedOnceWithItsCause_andTheLoopPollsOn() throws Exception {
    AtomicInteger looks = new AtomicInteger();
    scheduler(wake -> List.of(), () -> {
      looks.incrementAndGet();
      throw new IllegalStateException("the database did not answer within 120 s");
    }, Duration.ofSeconds(3));
    try (CapturedLogs logs = CapturedLogs.of(CycleScheduler.class.getName())) {
      scheduler.start();
      eventually(() -> metrics.render().contains("exsync_cycles_completed_total 2\n") && looks.get() >= 3);

      List<ILoggingEvent> warnings = logs.events().stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getThrowableProxy().getMessage()).isEqualTo("the database did not answer within 120 s");
      assertThat(failure(scheduler.readiness())).isNull();
    }
  }

  @Test
  void theStallThreshold_isThreePollIntervals_butNeverLessThanFiveMinutes() {
    assertThat(scheduler(wake -> List.of(), () -> 0, Duration.ofSeconds(60)).stallAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(scheduler(wake -> List.of(), () -> 0, Duration.ofMinutes(10)).stallAfter()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aLoopStoppedOnPurpose_isNotReportedAsAFault() throws Exception {
    Semaphore permits = new Semaphore(0);
    scheduler(wake -> {
      permits.acquire();
      return List.of();
    }, () -> 0, Duration.ofMinutes(1));
    try (CapturedLogs logs = CapturedLogs.of(CycleScheduler.class.getName())) {
      scheduler.start();
      scheduler.stop();
      eventually(() -> metrics.render().contains("exsync_cycle_loop_running 0\n"));
      clock.advance(Duration.ofHours(1));

      assertThat(failure(scheduler.readiness())).isNull();
      assertThat(failure(scheduler.liveness())).isNull();
      assertThat(metrics.render()).contains("exsync_cycle_failures_total 0\n");
      assertThat(logs.events()).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }
  }

  /** A queue whose marks a test moves, naming one rep per new row (or everyone, for an admin's change). */
  private static final class FakeQueue implements QueuedWork {
    private final AtomicReference<Marks> latest = new AtomicReference<>(Marks.NONE);
    private final List<Wake> answers = new java.util.concurrent.CopyOnWriteArrayList<>();

    void outboundMessageFor(String ownerId) {
      latest.updateAndGet(m -> new Marks(m.syncRequest() + 1, m.configChange(), m.mailboxChange()));
      answers.add(Wake.of(java.util.Set.of(ownerId), java.util.Set.of(), java.util.Set.of("Contact")));
    }

    @Override
    public Marks latest() {
      return latest.get();
    }

    @Override
    public Wake between(Marks from, Marks to) {
      Wake wake = Wake.NOBODY;
      for (Wake w : answers) {
        wake = wake.and(w);
      }
      answers.clear();
      return wake;
    }
  }

  private CycleScheduler scheduler(CycleScheduler.Cycle cycle, QueuedWork queue, Duration interval) {
    scheduler = new CycleScheduler(cycle, queue, () -> interval, () -> Optional.ofNullable(progress.get()), clock, metrics,
        outcomes -> { });
    return scheduler;
  }

  @Test
  void anOutboundMessage_wakesTheRepItNames_andThePollStillWakesEveryone() throws Exception {
    FakeQueue queue = new FakeQueue();
    List<Wake> wakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    scheduler(wake -> {
      wakes.add(wake);
      return List.of();
    }, queue, Duration.ofSeconds(8));
    scheduler.start();
    eventually(() -> wakes.size() == 1);
    queue.outboundMessageFor("005000000000001AAA");
    eventually(() -> wakes.size() == 2);
    eventually(() -> wakes.size() == 3);

    assertThat(wakes.get(0)).isEqualTo(Wake.EVERYONE);
    assertThat(wakes.get(1).everyone()).isFalse();
    assertThat(wakes.get(1).userIds()).containsExactly("005000000000001AAA");
    assertThat(wakes.get(2)).as("the poll, counted from the start of the last cycle for every rep").isEqualTo(Wake.EVERYONE);
    assertThat(metrics.render()).contains("exsync_cycles_for_named_reps_total 1\n");
  }

  @Test
  void thePollIsCountedFromTheStartOfTheLastCycleForEveryRep_soALongCycleDoesNotStretchIt() throws Exception {
    List<Long> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
    scheduler(wake -> {
      starts.add(System.nanoTime());
      Thread.sleep(3000); // a cycle over many mailboxes
      return List.of();
    }, new FakeQueue(), Duration.ofSeconds(4));
    scheduler.start();
    eventually(() -> starts.size() == 2);

    double gap = (starts.get(1) - starts.get(0)) / 1e9;
    assertThat(gap).as("4 s apart, not the 7 s of a wait that begins at the cycle's end").isLessThan(6.9);
  }

  @Test
  void messagesThatNeverStop_doNotPutOffTheCycleForEveryRep() throws Exception {
    FakeQueue queue = new FakeQueue();
    List<Wake> wakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    scheduler(wake -> {
      wakes.add(wake);
      queue.outboundMessageFor("005000000000002AAA"); // a busy org: another message is always waiting
      return List.of();
    }, queue, Duration.ofSeconds(6));
    scheduler.start();
    eventually(() -> wakes.stream().skip(1).anyMatch(Wake::everyone));

    assertThat(wakes.get(0)).isEqualTo(Wake.EVERYONE);
    assertThat(wakes.get(1).everyone()).as("a message wakes only its rep").isFalse();
    assertThat(wakes.stream().skip(1).filter(Wake::everyone)).as("and the poll still comes").isNotEmpty();
  }

  @Test
  void aCycleForSomeRepsThatFails_isFollowedByOneForEveryRep() throws Exception {
    FakeQueue queue = new FakeQueue();
    List<Wake> wakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    scheduler(wake -> {
      wakes.add(wake);
      if (!wake.everyone()) {
        throw new IllegalStateException("Salesforce went away in the middle of the rep's pass");
      }
      return List.of();
    }, queue, Duration.ofMinutes(10));
    scheduler.start();
    eventually(() -> wakes.size() == 1);
    queue.outboundMessageFor("005000000000003AAA");
    eventually(() -> wakes.size() == 2);
    queue.outboundMessageFor("005000000000004AAA");
    eventually(() -> wakes.size() == 3);

    assertThat(wakes.get(1).userIds()).containsExactly("005000000000003AAA");
    assertThat(wakes.get(2)).as("the failed rep is not dropped: everyone syncs").isEqualTo(Wake.EVERYONE);
    assertThat(metrics.render()).contains("exsync_cycle_failures_total 1\n");
  }

  /** The check's failure message, or null when it passes. */
  private static String failure(HealthCheck check) throws Exception {
    Future<Void> result = check.check();
    return result.toCompletionStage().toCompletableFuture().handle((v, e) -> e == null ? null : e.getMessage())
        .get(10, TimeUnit.SECONDS);
  }

  /** Waits (up to a minute: the machine is shared) until {@code condition} holds. */
  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the condition did not hold within a minute").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
