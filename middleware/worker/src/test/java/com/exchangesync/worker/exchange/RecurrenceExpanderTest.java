package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory twin's expansion places days as Exchange does. */
class RecurrenceExpanderTest {

  private static List<LocalDate> first(String rule, String firstDay, int n) {
    return RecurrenceExpander.first(RecurrenceRules.fromRrule(rule, LocalDate.parse(firstDay), ZoneId.of("UTC")), n);
  }

  @Test
  void theLastDaysOfTheMonth_fallOnShorterMonthsLastDay() {
    assertThat(first("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "2026-01-31", 4)).containsExactly(
        LocalDate.parse("2026-01-31"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-30"));
    assertThat(first("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1", "2028-02-29", 2)).containsExactly(
        LocalDate.parse("2028-02-29"), LocalDate.parse("2029-02-28"));
  }

  @Test
  void relativeDays_andCountsAndEndDays() {
    assertThat(first("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", "2026-01-30", 10)).containsExactly(
        LocalDate.parse("2026-01-30"), LocalDate.parse("2026-02-27"), LocalDate.parse("2026-03-31"));
    assertThat(first("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2026-11-26", 2)).containsExactly(
        LocalDate.parse("2026-11-26"), LocalDate.parse("2027-11-25"));
    assertThat(first("FREQ=DAILY;INTERVAL=10;UNTIL=20260125", "2026-01-01", 10)).containsExactly(
        LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-11"), LocalDate.parse("2026-01-21"));
  }

  @Test
  void everyOtherWeek_countsWeeksFromSunday() {
    // From Monday 2 March: the Sunday of that Sunday-to-Saturday week is before the start, so the first is 15 March.
    assertThat(first("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;WKST=SU", "2026-03-02", 2)).containsExactly(
        LocalDate.parse("2026-03-15"), LocalDate.parse("2026-03-29"));
    assertThat(first("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-03-02", 4)).containsExactly(
        LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-06"), LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-20"));
  }
}
