package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event series patterns: the RRULE subset an event series takes, and the days each falls on. */
class Recurrence2ExpanderTest {

  private static List<LocalDate> days(String rrule, String first) {
    return days(rrule, first, null);
  }

  private static List<LocalDate> days(String rrule, String first, String lastDay) {
    return Recurrence2Expander.days(Recurrence2Rule.parse(rrule), LocalDate.parse(first),
        lastDay == null ? null : LocalDate.parse(lastDay), 101);
  }

  private static List<LocalDate> dates(String... isoDates) {
    return List.of(isoDates).stream().map(LocalDate::parse).toList();
  }

  @Test
  void weeklyOnSeveralDays_everyOtherWeek_fromTheFirstDayOn() {
    // 2030-03-06 is a Wednesday: that week's Monday is before the series starts
    assertThat(days("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5", "2030-03-06"))
        .isEqualTo(dates("2030-03-06", "2030-03-18", "2030-03-20", "2030-04-01", "2030-04-03"));
    assertThat(days("RRULE:FREQ=WEEKLY;COUNT=3", "2030-03-06")).isEqualTo(dates("2030-03-06", "2030-03-13", "2030-03-20"));
  }

  @Test
  void aWeekStartsOnWkst_whichMattersForEveryOtherWeek() {
    // starting on Sunday 2030-03-10: with weeks from Monday, Sunday ends a week; from Sunday, it starts one
    assertThat(days("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;COUNT=4", "2030-03-10"))
        .isEqualTo(dates("2030-03-10", "2030-03-18", "2030-03-24", "2030-04-01"));
    assertThat(days("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU;COUNT=4", "2030-03-10"))
        .isEqualTo(dates("2030-03-10", "2030-03-11", "2030-03-24", "2030-03-25"));
  }

  @Test
  void monthlyOnADayOfTheMonth_skipsMonthsWithoutIt() {
    assertThat(days("RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", "2030-01-31")).isEqualTo(dates("2030-01-31", "2030-03-31",
        "2030-05-31"));
    assertThat(days("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", "2030-01-15")).isEqualTo(dates("2030-01-31", "2030-02-28",
        "2030-03-31"));
  }

  @Test
  void monthlyOnTheNthWeekday_andTheLastWorkingDayWithBySetPos() {
    assertThat(days("RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2030-01-01")).isEqualTo(dates("2030-01-08", "2030-02-12",
        "2030-03-12"));
    assertThat(days("RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", "2030-01-01")).isEqualTo(dates("2030-01-25", "2030-02-22"));
    assertThat(days("RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3", "2030-01-01"))
        .isEqualTo(dates("2030-01-31", "2030-02-28", "2030-03-29"));
  }

  @Test
  void yearly_onTheDate_orTheNthWeekdayOfAMonth() {
    assertThat(days("RRULE:FREQ=YEARLY;COUNT=3", "2028-02-29")).isEqualTo(dates("2028-02-29", "2032-02-29", "2036-02-29"));
    assertThat(days("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=2", "2030-01-01")).isEqualTo(dates("2030-11-28",
        "2031-11-27"));
  }

  @Test
  void dailyOnWeekdays_untilTheLastDay() {
    assertThat(days("RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20300312", "2030-03-07", "2030-03-12"))
        .isEqualTo(dates("2030-03-07", "2030-03-08", "2030-03-11", "2030-03-12"));
  }

  @Test
  void untilAsADateTime_endsAtTheLastOccurrenceStartingByThen() {
    Recurrence2Rule rule = Recurrence2Rule.parse("RRULE:FREQ=DAILY;UNTIL=20300312T140000Z");
    ZoneId newYork = ZoneId.of("America/New_York");
    // 09:00 in New York on 2030-03-12 is 13:00Z (daylight time since 2030-03-10): the 12th is in
    assertThat(rule.until().lastDay(newYork, LocalTime.of(9, 0), false)).isEqualTo(LocalDate.parse("2030-03-12"));
    // 10:00 is 14:00Z, still in; 11:00 is 15:00Z: the 11th is the last day
    assertThat(rule.until().lastDay(newYork, LocalTime.of(11, 0), false)).isEqualTo(LocalDate.parse("2030-03-11"));
  }

  @Test
  void aPatternNeverFallingOnADayMakesNone() {
    assertThat(days("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", "2030-01-01")).isEmpty();
  }

  @Test
  void whatIsNotInTheSubsetIsRefusedWithTheReason() {
    assertThatThrownBy(() -> Recurrence2Rule.parse("FREQ=WEEKLY;COUNT=2")).hasMessageContaining("must start with RRULE:");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=HOURLY;COUNT=2")).hasMessageContaining("daily at the most");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=DAILY;BYHOUR=9;COUNT=2")).hasMessageContaining("BYHOUR is not supported");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20300101")).hasMessageContaining("COUNT and UNTIL");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=WEEKLY;BYDAY=XX")).hasMessageContaining("BYDAY=XX");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=WEEKLY;BYDAY=2MO")).hasMessageContaining("monthly and yearly");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=WEEKLY;INTERVAL=0")).hasMessageContaining("INTERVAL=0");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=MONTHLY;UNTIL=2030-01-01")).hasMessageContaining("UNTIL=");
    assertThatThrownBy(() -> Recurrence2Rule.parse("DTSTART:20300101T090000Z\nRRULE:FREQ=DAILY")).hasMessageContaining("one RRULE line");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=YEARLY;BYDAY=1MO")).hasMessageContaining("needs BYMONTH");
    assertThatThrownBy(() -> Recurrence2Rule.parse("RRULE:FREQ=DAILY;FOO=1")).hasMessageContaining("FOO is not an RRULE part");
  }
}
