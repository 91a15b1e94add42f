package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServerClockTest {

  @Test
  void oneReadingIsExtendedByTheMonotonicClock_andReadAgainAfterTenMinutes() throws Exception {
    Instant server = Instant.parse("2026-12-01T10:00:00Z");
    AtomicInteger calls = new AtomicInteger();
    AtomicLong nanos = new AtomicLong(1_000);
    ServerClock clock = new ServerClock(() -> {
      calls.incrementAndGet();
      return server.plusNanos(nanos.get() - 1_000);
    }, nanos::get);

    assertThat(clock.now()).isEqualTo(server);
    nanos.addAndGet(Duration.ofSeconds(90).toNanos());
    assertThat(clock.now()).isEqualTo(server.plusSeconds(90));
    assertThat(calls.get()).as("no call within ten minutes").isEqualTo(1);

    nanos.addAndGet(ServerClock.REREAD.toNanos());
    clock.now();
    assertThat(calls.get()).isEqualTo(2);
  }
}
