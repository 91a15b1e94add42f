package com.exchangesync.worker.sync.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** An event's time, privacy and show-as, each side to one canonical value and back. */
class EventValuesTest {

  private final EventTime time = new EventTime();

  @Test
  void anAllDayEventIsTheSameDatesOnBothSides() {
    Map<ExchangeField, String> outlook = Map.of(ExchangeField.START, "2026-12-24", ExchangeField.END, "2026-12-26",
        ExchangeField.IS_ALL_DAY, "true");
    String when = time.fromExchange(outlook);
    assertThat(when).isEqualTo("2026-12-24/2026-12-26");
    assertThat(time.toSalesforce(when)).containsEntry("IsAllDayEvent", "true").containsEntry("ActivityDate", "2026-12-24")
        .containsEntry("StartDateTime", "2026-12-24T00:00:00Z").containsEntry("DurationInMinutes", "2880");
    // As an org keeps it: midnight GMT of the first and last days, whole days.
    Map<String, String> org = Map.of("IsAllDayEvent", "true", "ActivityDate", "2026-12-24",
        "StartDateTime", "2026-12-24T00:00:00.000Z", "EndDateTime", "2026-12-25T00:00:00.000Z", "DurationInMinutes", "2880");
    assertThat(time.fromSalesforce(org)).isEqualTo(when);
    assertThat(time.toExchange(when)).containsEntry(ExchangeField.START, "2026-12-24").containsEntry(ExchangeField.END, "2026-12-26")
        .containsEntry(ExchangeField.IS_ALL_DAY, "true");
  }

  @Test
  void anAllDayEventWithoutADuration_takesItsDaysFromItsEnd() {
    Map<String, String> org = Map.of("IsAllDayEvent", "true", "ActivityDate", "2026-03-29",
        "StartDateTime", "2026-03-29T00:00:00.000Z", "EndDateTime", "2026-03-31T00:00:00.000Z");
    assertThat(time.fromSalesforce(org)).isEqualTo("2026-03-29/2026-04-01");
  }

  @Test
  void aTimedEventIsTwoInstantsToTheSecond() {
    Map<String, String> org = Map.of("IsAllDayEvent", "false", "StartDateTime", "2026-03-30T07:00:00.000Z",
        "EndDateTime", "2026-03-30T08:30:00.000Z", "DurationInMinutes", "90", "ActivityDate", "2026-03-30");
    Map<ExchangeField, String> outlook = Map.of(ExchangeField.START, "2026-03-30T07:00:00Z",
        ExchangeField.END, "2026-03-30T08:30:00.000Z", ExchangeField.IS_ALL_DAY, "false");
    assertThat(time.fromSalesforce(org)).isEqualTo(time.fromExchange(outlook)).isEqualTo("2026-03-30T07:00:00Z/2026-03-30T08:30:00Z");
    assertThat(time.toSalesforce("2026-03-30T07:00:00Z/2026-03-30T08:30:00Z")).containsEntry("IsAllDayEvent", "false")
        .containsEntry("StartDateTime", "2026-03-30T07:00:00Z").containsEntry("EndDateTime", "2026-03-30T08:30:00Z");
  }

  @Property
  void anyAllDaySpanRoundTripsThroughBothSides(@ForAll @IntRange(min = 0, max = 4000) int day,
                                                @ForAll @IntRange(min = 1, max = 30) int days) {
    LocalDate first = LocalDate.of(2025, 1, 1).plusDays(day);
    String when = first + "/" + first.plusDays(days);
    Map<String, String> sf = new HashMap<>(time.toSalesforce(when));
    sf.put("EndDateTime", first.plusDays(days - 1) + "T00:00:00.000Z");
    assertThat(time.fromSalesforce(sf)).isEqualTo(when);
    assertThat(time.fromExchange(time.toExchange(when))).isEqualTo(when);
  }

  @Test
  void privacyIsPrivateOrNot_onBothSides() {
    Privacy privacy = new Privacy();
    assertThat(privacy.fromExchange(Map.of(ExchangeField.SENSITIVITY, "Confidential"))).isEqualTo("Private");
    assertThat(privacy.fromExchange(Map.of(ExchangeField.SENSITIVITY, "Private"))).isEqualTo("Private");
    assertThat(privacy.fromExchange(Map.of(ExchangeField.SENSITIVITY, "Personal"))).isNull();
    assertThat(privacy.fromSalesforce(Map.of("IsPrivate", "true"))).isEqualTo("Private");
    assertThat(privacy.fromSalesforce(Map.of("IsPrivate", "false"))).isNull();
    assertThat(privacy.toSalesforce("Private")).containsEntry("IsPrivate", "true");
    assertThat(privacy.toSalesforce(null)).containsEntry("IsPrivate", "false");
    assertThat(privacy.toExchange(null)).containsEntry(ExchangeField.SENSITIVITY, "Normal");
  }

  @Test
  void showAsSpeaksWhatBothSidesCanSay_andReadsBackWhatItWrote() {
    ShowAs showAs = new ShowAs();
    assertThat(showAs.fromExchange(Map.of(ExchangeField.SHOW_AS, "Tentative"))).isEqualTo("Busy");
    assertThat(showAs.fromExchange(Map.of(ExchangeField.SHOW_AS, "WorkingElsewhere"))).isEqualTo("Busy");
    assertThat(showAs.fromExchange(Map.of(ExchangeField.SHOW_AS, "OOF"))).isEqualTo("OOF");
    assertThat(showAs.fromSalesforce(Map.of("ShowAs", "OutOfOffice"))).isEqualTo("OOF");
    assertThat(showAs.toSalesforce("OOF")).containsEntry("ShowAs", "OutOfOffice");
    for (String v : new String[] {"Free", "Busy", "OOF"}) {
      assertThat(showAs.fromSalesforce(showAs.toSalesforce(v))).isEqualTo(v);
      assertThat(showAs.fromExchange(showAs.toExchange(v))).isEqualTo(v);
    }
    assertThat(showAs.fromSalesforce(Map.of())).as("both sides default to busy").isEqualTo(showAs.fromExchange(Map.of()));
  }
}
