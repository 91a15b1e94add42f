package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The event filter's window, in the rep's days. */
class EventWindowTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T06:30:00Z"), ZoneOffset.UTC);
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void todayStartsAtTheRepsMidnight() {
    EventWindow w = EventWindow.of("TODAY", null, BERLIN, NOW).window().orElseThrow();
    assertThat(w.firstDay()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(w.start()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(w.end()).isAfter(Instant.parse("2027-12-01T00:00:00Z"));
    EventWindow la = EventWindow.of("", null, ZoneId.of("America/Los_Angeles"), NOW).window().orElseThrow();
    assertThat(la.firstDay()).as("it is still November 30 in Los Angeles").isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void lastMonthStartsOnTheFirstOfLastMonth_andLastNDaysNDaysAgo() {
    assertThat(EventWindow.of("LAST MONTH", null, BERLIN, NOW).window().orElseThrow().firstDay()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(EventWindow.of("LAST N DAYS", 30, BERLIN, NOW).window().orElseThrow().firstDay()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(EventWindow.of("LAST 180 DAYS", null, BERLIN, NOW).window().orElseThrow().firstDay()).isEqualTo(LocalDate.of(2026, 6, 4));
  }

  @Test
  void aFilterThatCannotBeRead_isRefusedWithItsReason() {
    assertThat(EventWindow.of("LAST N DAYS", 181, BERLIN, NOW).problem()).contains("1 to 180");
    assertThat(EventWindow.of("LAST N DAYS", null, BERLIN, NOW).window()).isEmpty();
    assertThat(EventWindow.of("NEXT WEEK", null, BERLIN, NOW).problem()).contains("NEXT WEEK");
  }

  @Test
  void anEventIsInsideWhenItEndsOnTheFirstDayOrLater() {
    EventWindow w = EventWindow.of("TODAY", null, BERLIN, NOW).window().orElseThrow();
    assertThat(w.endsInside("2026-12-01/2026-12-02")).as("an all-day event today").isTrue();
    assertThat(w.endsInside("2026-11-30/2026-12-01")).as("an all-day event yesterday").isFalse();
    assertThat(w.endsInside("2026-11-30T22:00:00Z/2026-11-30T23:00:00Z")).as("ends at the rep's midnight").isTrue();
    assertThat(w.endsInside("2026-11-30T21:00:00Z/2026-11-30T22:00:00Z")).as("ended yesterday, Berlin time").isFalse();
  }
}
