package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Graph mailbox's sync tokens and the calendar's delta window. */
class DeltaTokenTest {

  @Test
  void aTokenRoundTrips_andOneOfEwsAnotherKindOrDamaged_isAnInvalidSyncState() throws Exception {
    DeltaWindow w = DeltaWindow.current(Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC));
    DeltaToken t = DeltaToken.events(w, Optional.of("/users/a%40x.com/calendarView/delta?$deltatoken=abc"), Map.of("M1", "h1"),
        Set.of(DeltaToken.hash("S1")));
    assertThat(DeltaToken.decode(t.encode(), ItemKind.EVENT, "a@x.com")).isEqualTo(t);
    for (String bad : java.util.List.of(t.encode(), "H4sIAAAAAAAAAO29B2AcSZYlJi9tynt/SvVK1+B0oQiAYBMk2JBAEOzBiM3mkuwdaUcjKasqgcplVmVdZhZAzO2dvPfee++999577733",
        "bm90IGEgdG9rZW4=", DeltaToken.contacts("F1", Optional.empty()).encode().substring(3))) {
      ItemKind kind = bad.equals(t.encode()) ? ItemKind.CONTACT : ItemKind.EVENT;
      assertThatThrownBy(() -> DeltaToken.decode(bad, kind, "a@x.com")).isInstanceOfSatisfying(MailboxException.class,
          e -> assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE));
    }
  }

  @Test
  void theWindow_coversWhatTheEngineLooksAt_fromAnyDayOfTheYear() {
    for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
      Instant now = day.atTime(23, 59).toInstant(ZoneOffset.UTC);
      DeltaWindow w = DeltaWindow.current(Clock.fixed(now, ZoneOffset.UTC));
      // 180 days back and a year and a day ahead, with a day's margin for any time zone.
      assertThat(w.from()).as(day.toString()).isBefore(now.minus(Duration.ofDays(182)));
      assertThat(w.to()).as(day.toString()).isAfter(now.plus(Duration.ofDays(368)));
    }
  }

  @Test
  void theWindowMovesOnlyWhenTheMonthTurns() {
    DeltaWindow june1 = DeltaWindow.current(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    DeltaWindow june30 = DeltaWindow.current(Clock.fixed(Instant.parse("2026-06-30T23:59:59Z"), ZoneOffset.UTC));
    DeltaWindow july1 = DeltaWindow.current(Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));
    assertThat(june1).isEqualTo(june30).isNotEqualTo(july1);
    assertThat(june1.from()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
    assertThat(june1.to()).isEqualTo(Instant.parse("2027-08-01T00:00:00Z"));
  }
}
