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
    scheduler(() -> {
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
    scheduler(List::of, () -> {
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
    scheduler(() -> {
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
    scheduler(() -> {
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
    scheduler(List::of, () -> {
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
    assertThat(scheduler(List::of, () -> 0, Duration.ofSeconds(60)).stallAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(scheduler(List::of, () -> 0, Duration.ofMinutes(10)).stallAfter()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aLoopStoppedOnPurpose_isNotReportedAsAFault() throws Exception {
    Semaphore permits = new Semaphore(0);
    scheduler(() -> {
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
