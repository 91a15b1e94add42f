package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recurrence rules read, refused and written one way. */
class RruleTest {

  @Test
  void theSamePatternWrittenTwoWays_isOneCanonicalRule() {
    String a = Rrule.parse("RRULE:FREQ=WEEKLY;BYDAY=WE,MO;INTERVAL=1;WKST=MO;UNTIL=20270301T235959Z").rule().orElseThrow().canonical();
    String b = Rrule.parse("freq=weekly;until=20270301;byday=MO,WE").rule().orElseThrow().canonical();
    assertThat(a).isEqualTo(b).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270301");
  }

  @Test
  void monthlyAndYearlyRulesKeepTheirOrdinals() {
    assertThat(Rrule.parse("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6").rule().orElseThrow().canonical()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6");
    assertThat(Rrule.parse("FREQ=YEARLY;BYMONTH=3;BYDAY=+2TU").rule().orElseThrow().canonical()).isEqualTo("FREQ=YEARLY;BYDAY=2TU;BYMONTH=3");
    assertThat(Rrule.parse("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15").rule().orElseThrow().ends()).isFalse();
  }

  @Test
  void whatEitherSideCannotState_isRefusedWithTheReason() {
    assertThat(Rrule.parse("FREQ=HOURLY").problem()).contains("FREQ");
    assertThat(Rrule.parse("FREQ=WEEKLY;BYHOUR=9").problem()).contains("BYHOUR");
    assertThat(Rrule.parse("FREQ=WEEKLY;BYDAY=2MO").problem()).contains("ordinal");
    assertThat(Rrule.parse("FREQ=DAILY;COUNT=3;UNTIL=20270101").problem()).contains("COUNT and UNTIL");
    assertThat(Rrule.parse("FREQ=DAILY;COUNT=x").problem()).contains("cannot be read");
    assertThat(Rrule.parse("").problem()).isNotBlank();
  }
}
