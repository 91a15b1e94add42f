package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.RecurrenceRules;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import org.junit.jupiter.api.Test;

/** Exchange patterns to ews-java-api's and back, with range days that survive the library's date handling. */
class EwsRecurrenceTest {

  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);

  private static ExchangeRecurrence rule(String rrule) {
    return RecurrenceRules.fromRrule(rrule, FIRST, LA);
  }

  @Test
  void aRangeDay_isWrittenAsThatDay_whateverTheJvmZone() {
    TimeZone jvm = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"Pacific/Auckland", "Pacific/Honolulu", "UTC"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // The library formats range days with SimpleDateFormat("yyyy-MM-dd") in the JVM's zone.
        String written = new SimpleDateFormat("yyyy-MM-dd").format(EwsRecurrence.day(LocalDate.of(2026, 3, 29)));
        assertThat(written).as(zone).isEqualTo("2026-03-29");
      }
    } finally {
      TimeZone.setDefault(jvm);
    }
  }

  @Test
  void aRangeDay_isReadInTheSeriesZone_orInUtcWhenExchangeGaveNoOffset() {
    // "2026-03-31-07:00" as the library reads it: midnight at that offset.
    Date withOffset = Date.from(LocalDate.of(2026, 3, 31).atStartOfDay(LA).toInstant());
    assertThat(EwsRecurrence.localDate(withOffset, LA)).isEqualTo(LocalDate.of(2026, 3, 31));
    Date withoutOffset = Date.from(LocalDate.of(2026, 3, 31).atStartOfDay(ZoneId.of("UTC")).toInstant());
    assertThat(EwsRecurrence.localDate(withoutOffset, LA)).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void patterns_goToTheLibrarysClasses_andComeBackAsTheSameRule() throws Exception {
    for (String rrule : new String[] {"FREQ=DAILY;INTERVAL=2;COUNT=4", "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20260430",
        "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
        "FREQ=YEARLY;BYMONTHDAY=14;BYMONTH=7", "FREQ=YEARLY;BYDAY=4TH;BYMONTH=11", "FREQ=MONTHLY;BYMONTHDAY=-1"}) {
      Recurrence ews = EwsRecurrence.toEws(rule(rrule));
      // What the library read back: the end day at the series' offset.
      if (ews.getEndDate() != null) {
        ews.setEndDate(Date.from(LocalDate.of(2026, 4, 30).atStartOfDay(LA).toInstant()));
      }
      assertThat(EwsRecurrence.fromEws(ews, FIRST, LA).map(RecurrenceRules::toRrule)).as(rrule).contains(rrule);
    }
    Recurrence.RelativeMonthlyPattern lastFriday = (Recurrence.RelativeMonthlyPattern) EwsRecurrence.toEws(rule("FREQ=MONTHLY;BYDAY=-1FR"));
    assertThat(lastFriday.getDayOfTheWeek()).isEqualTo(DayOfTheWeek.Friday);
    assertThat(lastFriday.getDayOfTheWeekIndex()).isEqualTo(DayOfTheWeekIndex.Last);
  }
}
