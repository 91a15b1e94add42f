package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar views within Exchange's limits: at most two years, halved while a window holds too much. */
class EwsCalendarWindowTest {

  @Test
  void aLongWindow_isCutIntoConsecutiveWindowsOfAtMost730Days() {
    List<EwsCalendarWindow> chunks = EwsCalendarWindow.chunks(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2031-01-01T00:00:00Z"));
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0).from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(chunks.get(2).to()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).to()).isBeforeOrEqualTo(chunks.get(i).from().plus(EwsCalendarWindow.LONGEST));
      if (i > 0) {
        assertThat(chunks.get(i).from()).isEqualTo(chunks.get(i - 1).to());
      }
    }
    assertThat(EwsCalendarWindow.chunks(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"))).hasSize(1);
  }

  @Test
  void aFullWindow_isHalved_untilItIsTooShortToTell() {
    EwsCalendarWindow w = new EwsCalendarWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(w.halves()).hasValueSatisfying(h -> {
      assertThat(h.get(0).to()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
      assertThat(h.get(1).from()).isEqualTo(h.get(0).to());
    });
    assertThat(new EwsCalendarWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z")).halves()).isEmpty();
  }
}
