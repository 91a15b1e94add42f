package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event's times as Exchange keeps them, from and to the engine's values. */
class EventTimesTest {

  @Test
  void anAllDayEvent_isMidnightsInItsZone_andReadsBackAsTheSameDates() {
    EventTimes t = EventTimes.of(Map.of(ExchangeField.START, "2026-07-14", ExchangeField.END, "2026-07-15",
        ExchangeField.IS_ALL_DAY, "true", ExchangeField.START_TIME_ZONE, "Europe/Paris"));
    assertThat(t.start()).isEqualTo(Instant.parse("2026-07-13T22:00:00Z"));
    assertThat(t.windowsZone()).isEqualTo("Romance Standard Time");
    assertThat(t.startValue()).isEqualTo("2026-07-14");
    assertThat(t.endValue()).isEqualTo("2026-07-15");
    assertThat(t.firstDay()).hasToString("2026-07-14");
  }

  @Test
  void aTimedEvent_isTwoInstants_readToTheSecond_inUtcWithoutAZone() {
    EventTimes t = EventTimes.of(Map.of(ExchangeField.START, "2026-12-01T09:30:00.250Z", ExchangeField.END, "2026-12-01T10:00:00Z"));
    assertThat(t.zone()).isEqualTo(WindowsTimeZones.UTC);
    assertThat(t.startValue()).isEqualTo("2026-12-01T09:30:00Z");
  }

  @Test
  void badTimes_areRefusedSayingWhy() {
    assertThatThrownBy(() -> EventTimes.of(Map.of(ExchangeField.START, "2026-12-01T10:00:00Z", ExchangeField.END, "2026-12-01T09:00:00Z")))
        .hasMessageContaining("before the start");
    assertThatThrownBy(() -> EventTimes.of(Map.of(ExchangeField.START, "2026-12-01", ExchangeField.END, "2026-12-01",
        ExchangeField.IS_ALL_DAY, "true"))).hasMessageContaining("later day");
    assertThatThrownBy(() -> EventTimes.of(Map.of(ExchangeField.START, "tomorrow", ExchangeField.END, "2026-12-01T09:00:00Z")))
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> EventTimes.of(Map.of(ExchangeField.START, "2026-12-01T09:00:00Z", ExchangeField.END,
        "2026-12-01T10:00:00Z", ExchangeField.START_TIME_ZONE, "Mars/Olympus"))).hasMessageContaining("Mars/Olympus");
    assertThatThrownBy(() -> EventTimes.of(Map.of(ExchangeField.SUBJECT, "no times"))).hasMessageContaining("required");
  }
}
