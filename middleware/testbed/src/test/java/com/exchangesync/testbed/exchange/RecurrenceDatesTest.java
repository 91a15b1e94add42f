package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The days each Exchange pattern and range falls on. */
class RecurrenceDatesTest {

  private static final LocalDate MON_2_MARCH = LocalDate.of(2026, 3, 2);

  private static java.util.List<LocalDate> days(String rrule, LocalDate start, int n) {
    return RecurrenceDates.first(RRule.parse(rrule, start), n);
  }

  @Test
  void daily_everyOtherDay_stopsAtItsCount() {
    assertThat(days("FREQ=DAILY;INTERVAL=2;COUNT=3", MON_2_MARCH, 10))
        .containsExactly(MON_2_MARCH, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 6));
  }

  @Test
  void weekly_onSeveralDays_everySecondWeek_countsWeeksFromTheFirstDayOfWeek() {
    assertThat(days("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=4", MON_2_MARCH, 10)).containsExactly(MON_2_MARCH,
        LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 19));
  }

  @Test
  void weekly_startingMidWeek_skipsTheDaysBeforeTheStart() {
    assertThat(days("FREQ=WEEKLY;BYDAY=MO,FR", LocalDate.of(2026, 3, 4), 3))
        .containsExactly(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 13));
  }

  @Test
  void absoluteMonthly_onThe31st_usesTheLastDayOfShorterMonths() {
    assertThat(days("FREQ=MONTHLY;BYMONTHDAY=31", LocalDate.of(2026, 1, 31), 3))
        .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
  }

  @Test
  void relativeMonthly_secondTuesday_andLastWeekday() {
    assertThat(days("FREQ=MONTHLY;BYDAY=2TU", MON_2_MARCH, 2)).containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 14));
    assertThat(days("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", MON_2_MARCH, 2))
        .containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
  }

  @Test
  void yearly_absoluteAndRelative() {
    assertThat(days("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", LocalDate.of(2026, 1, 1), 3))
        .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29));
    assertThat(days("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", LocalDate.of(2026, 1, 1), 2))
        .containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2027, 11, 25));
  }

  @Test
  void endDate_isTheLastDayAnOccurrenceMayFallOn_andNoEndGoesOn() {
    assertThat(days("FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316", MON_2_MARCH, 10)).hasSize(3).last().isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(days("FREQ=WEEKLY", MON_2_MARCH, 500)).hasSize(500);
  }

  @Test
  void rrules_roundTrip_andWhatExchangeCannotSayIsRefused() {
    for (String rule : new String[] {"FREQ=DAILY;INTERVAL=3;COUNT=5", "FREQ=WEEKLY;BYDAY=MO,WE;WKST=MO;UNTIL=20261231",
        "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1",
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1;COUNT=2", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"}) {
      assertThat(RRule.format(RRule.parse(rule, MON_2_MARCH))).isEqualTo(rule);
    }
    assertThatThrownBy(() -> RRule.parse("FREQ=HOURLY", MON_2_MARCH)).hasMessageContaining("FREQ=HOURLY");
    assertThatThrownBy(() -> RRule.parse("FREQ=YEARLY;INTERVAL=2", MON_2_MARCH)).hasMessageContaining("INTERVAL");
    assertThatThrownBy(() -> RRule.parse("FREQ=MONTHLY;BYDAY=5MO", MON_2_MARCH)).hasMessageContaining("4th");
    assertThatThrownBy(() -> RRule.parse("FREQ=DAILY;BYHOUR=9", MON_2_MARCH)).hasMessageContaining("BYHOUR");
    assertThatThrownBy(() -> RRule.parse("FREQ=DAILY;COUNT=1000", MON_2_MARCH)).hasMessageContaining("out of range");
  }
}
