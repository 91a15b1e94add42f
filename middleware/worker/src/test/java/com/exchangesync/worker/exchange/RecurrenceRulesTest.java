package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeRecurrence.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RRULEs to Exchange's patterns and back: exact, canonical, and refused part by part where Exchange places days otherwise. */
class RecurrenceRulesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** A Monday. */
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  private static ExchangeRecurrence parse(String rule) {
    return RecurrenceRules.fromRrule(rule, MONDAY, BERLIN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "FREQ=DAILY",
      "FREQ=DAILY;INTERVAL=3;UNTIL=20260331",
      "FREQ=WEEKLY;BYDAY=MO;COUNT=6",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
      "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4",
      "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
      "FREQ=MONTHLY;BYDAY=2TU",
      "FREQ=MONTHLY;BYDAY=-1FR;COUNT=10",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      "FREQ=YEARLY;BYMONTHDAY=14;BYMONTH=7",
      "FREQ=YEARLY;BYMONTHDAY=28,29;BYMONTH=2;BYSETPOS=-1",
      "FREQ=YEARLY;BYDAY=4TH;BYMONTH=11;COUNT=2",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;WKST=SU",
  })
  void aRuleExchangeCanState_readsBackAsWritten(String rule) {
    assertThat(RecurrenceRules.toRrule(parse(rule))).isEqualTo(rule);
  }

  @Test
  void theMissingPartsComeFromTheFirstDay_asInOutlook() {
    assertThat(RecurrenceRules.toRrule(parse("FREQ=WEEKLY"))).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
    assertThat(RecurrenceRules.toRrule(parse("FREQ=MONTHLY"))).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=2");
    assertThat(RecurrenceRules.toRrule(parse("FREQ=YEARLY"))).isEqualTo("FREQ=YEARLY;BYMONTHDAY=2;BYMONTH=3");
    assertThat(parse("RRULE:freq=weekly;byday=mo").kind()).isEqualTo(Kind.WEEKLY);
  }

  @Test
  void everyWeekday_isAWeeklyPattern() {
    ExchangeRecurrence r = parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
    assertThat(r.kind()).isEqualTo(Kind.WEEKLY);
    assertThat(r.days()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY);
    assertThat(RecurrenceRules.toRrule(r)).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
  }

  @Test
  void theRangeIsACountAnEndDayOrNone_andAnUntilTimeIsADayInTheSeriesZone() {
    assertThat(parse("FREQ=DAILY;COUNT=5").count()).isEqualTo(5);
    assertThat(parse("FREQ=DAILY").ends()).isFalse();
    // 23:30 UTC on 30 March is already 31 March in Berlin.
    assertThat(parse("FREQ=DAILY;UNTIL=20260330T233000Z").endDate()).contains(LocalDate.of(2026, 3, 31));
    assertThat(parse("FREQ=DAILY;UNTIL=20260330T233000").endDate()).contains(LocalDate.of(2026, 3, 30));
    assertThat(parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1")).satisfies(r -> {
      assertThat(r.kind()).isEqualTo(Kind.ABSOLUTE_YEARLY);
      assertThat(r.month()).isEqualTo(Month.FEBRUARY);
      assertThat(r.dayOfMonth()).isEqualTo(29);
      assertThat(r.startDate()).isEqualTo(MONDAY);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "FREQ=HOURLY|FREQ=HOURLY",
      "FREQ=WEEKLY;BYHOUR=9|BYHOUR",
      "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU|BYDAY",
      "FREQ=MONTHLY;BYMONTHDAY=31|BYMONTHDAY=31",
      "FREQ=MONTHLY;BYMONTHDAY=1,15|BYMONTHDAY=1,15",
      "FREQ=MONTHLY;BYMONTHDAY=-2|BYMONTHDAY=-2",
      "FREQ=MONTHLY;BYDAY=5MO|BYDAY=5MO",
      "FREQ=MONTHLY;BYDAY=-2FR|BYDAY=-2FR",
      "FREQ=MONTHLY;BYDAY=MO|BYDAY=MO",
      "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1|BYDAY=MO,TU",
      "FREQ=MONTHLY;BYMONTH=3|BYMONTH=3",
      "FREQ=YEARLY;INTERVAL=2|INTERVAL=2",
      "FREQ=YEARLY;BYMONTH=2,3|BYMONTH=2,3",
      "FREQ=WEEKLY;BYDAY=2MO|BYDAY=2MO",
      "FREQ=WEEKLY;BYMONTHDAY=3|BYMONTHDAY=3",
      "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU|BYDAY=MO,TU",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU|WKST=MO",
      "FREQ=DAILY;COUNT=1000|COUNT=1000",
      "FREQ=DAILY;COUNT=3;UNTIL=20260401|UNTIL=20260401",
      "FREQ=DAILY;UNTIL=20260301|UNTIL=20260301",
      "FREQ=DAILY;INTERVAL=0|INTERVAL=0",
      "FREQ=WEEKLY;BYDAY=XX|BYDAY=XX",
      "COUNT=3|FREQ",
  })
  void aRuleExchangeCannotState_isRefused_namingThePart(String rule, String part) {
    assertThatThrownBy(() -> parse(rule)).isInstanceOfSatisfying(UnstatableRecurrenceException.class, e -> {
      assertThat(e.part()).contains(part);
      assertThat(e.getMessage()).contains(part).contains("cannot be stated in Exchange");
    });
  }

  @Test
  void aSeriesStartingOnThe31st_withoutADay_isRefused_asExchangeWouldMoveItInShorterMonths() {
    assertThatThrownBy(() -> RecurrenceRules.fromRrule("FREQ=MONTHLY", LocalDate.of(2026, 1, 31), BERLIN))
        .isInstanceOfSatisfying(UnstatableRecurrenceException.class, e -> assertThat(e.getMessage()).contains("day 31"));
    assertThat(RecurrenceRules.fromRrule("FREQ=YEARLY", LocalDate.of(2026, 3, 31), BERLIN).dayOfMonth()).isEqualTo(31);
  }

  @Test
  void theWeekStart_mattersOnlyForDaysThatChangeWeeks() {
    List<DayOfWeek> mondayAndFriday = List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    assertThat(RecurrenceRules.weekStartMatters(mondayAndFriday, MONDAY, DayOfWeek.MONDAY)).isFalse();
    assertThat(RecurrenceRules.weekStartMatters(List.of(DayOfWeek.SUNDAY), MONDAY, DayOfWeek.MONDAY)).isTrue();
    assertThat(RecurrenceRules.weekStartMatters(List.of(DayOfWeek.SUNDAY), MONDAY, DayOfWeek.SUNDAY)).isFalse();
    // A pattern read from Exchange says WKST=SU only where it changes the occurrences.
    ExchangeRecurrence sundays = new ExchangeRecurrence(Kind.WEEKLY, 2, List.of(DayOfWeek.SUNDAY), 0, 0, null, MONDAY, 0,
        Optional.empty());
    assertThat(RecurrenceRules.toRrule(sundays)).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;WKST=SU");
  }
}
