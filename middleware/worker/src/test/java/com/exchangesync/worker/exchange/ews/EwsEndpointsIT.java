package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autodiscover's answers are kept an hour, and a mailbox no longer asked about keeps nothing after that. */
class EwsEndpointsIT {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T09:00:00Z"));
  private ExchangeTestbedFixture fixture;
  private EwsEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
    endpoints = new EwsEndpoints(fixture.autodiscover(), clock);
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void anAnswerIsKeptAnHour_andThoseOfMailboxesNoLongerAskedAbout_areForgottenAfterIt() throws Exception {
    endpoints.resolve(ExchangeTestbedFixture.ANN, fixture.stats);
    endpoints.resolve(ExchangeTestbedFixture.BOB, fixture.stats);
    endpoints.resolve(ExchangeTestbedFixture.ANN, fixture.stats);
    assertThat(fixture.stats.calls("GetUserSettings")).as("Ann's second answer from memory").isEqualTo(2);
    assertThat(endpoints.cached()).isEqualTo(2);

    clock.advance(EwsEndpoints.CACHE_FOR.plus(Duration.ofMinutes(1)));
    endpoints.resolve(ExchangeTestbedFixture.ANN, fixture.stats);
    assertThat(fixture.stats.calls("GetUserSettings")).as("asked again after the hour").isEqualTo(3);
    assertThat(endpoints.cached()).as("Bob, not asked about since, is forgotten").isEqualTo(1);
  }
}
