package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.at;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.day;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.event;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.refused;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.update;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lightning Experience event series (IsRecurrence2): one Event record per occurrence, through force-wsc. */
class SalesforceEventSeriesIT extends SalesforceTestbedSupport {

  private static final String FIELDS = "Id, Subject, StartDateTime, EndDateTime, ActivityDate, IsRecurrence2,"
      + " Recurrence2PatternText, Recurrence2PatternStartDate, Recurrence2PatternTimeZone, IsRecurrence2Exception,"
      + " IsRecurrence2Exclusion";

  /** Weekly on Mondays at 09:00 New York time, five times from 2030-03-04 (daylight time starts on 2030-03-10). */
  private static SObject weeklyStandUp() {
    return event("Stand-up", "StartDateTime", at("2030-03-04T14:00:00Z"), "DurationInMinutes", 30, "IsRecurrence2", true,
        "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5", "Recurrence2PatternTimeZone", "America/New_York");
  }

  private static SObject[] occurrences(PartnerConnection c, String subject) throws Exception {
    return c.query("SELECT " + FIELDS + " FROM Event WHERE Subject = '" + subject + "' ORDER BY StartDateTime").getRecords();
  }

  private static List<Object> field(SObject[] rows, String name) {
    return Arrays.stream(rows).map(r -> r.getField(name)).toList();
  }

  @Test
  void aWeeklySeriesIsOneRecordPerOccurrence_keepingNineOClockLocalAcrossDaylightSaving() throws Exception {
    PartnerConnection c = connect();
    String first = create(c, weeklyStandUp()).get(0);
    SObject[] rows = occurrences(c, "Stand-up");
    assertThat(rows).hasSize(5);
    assertThat(rows[0].getId()).as("the created record is the first occurrence").isEqualTo(first);
    assertThat(field(rows, "StartDateTime")).containsExactly("2030-03-04T14:00:00.000Z", "2030-03-11T13:00:00.000Z",
        "2030-03-18T13:00:00.000Z", "2030-03-25T13:00:00.000Z", "2030-04-01T13:00:00.000Z");
    for (SObject r : rows) {
      Instant start = Instant.parse(r.getField("StartDateTime").toString());
      assertThat(start.atZone(ZoneId.of("America/New_York")).toLocalTime()).hasToString("09:00");
      assertThat(Instant.parse(r.getField("EndDateTime").toString())).isEqualTo(start.plus(Duration.ofMinutes(30)));
      assertThat(r.getField("IsRecurrence2")).isEqualTo("true");
      assertThat(r.getField("Recurrence2PatternText")).isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5");
      assertThat(r.getField("Recurrence2PatternStartDate")).isEqualTo("2030-03-04T14:00:00.000Z");
      assertThat(r.getField("Recurrence2PatternTimeZone")).isEqualTo("America/New_York");
      assertThat(r.getField("IsRecurrence2Exception")).isEqualTo("false");
    }
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsRecurrence2 = true").getSize()).isEqualTo(5);
  }

  @Test
  void aSeriesStartsOnThePatternsFirstDay_inTheSavingUsersTimeZoneByDefault() throws Exception {
    PartnerConnection c = connect();
    // 2030-03-06 is a Wednesday; the pattern is Mondays and Fridays; the integration user is on GMT
    create(c, event("Gym", "StartDateTime", at("2030-03-06T07:00:00Z"), "EndDateTime", at("2030-03-06T08:00:00Z"),
        "IsRecurrence2", true, "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20300315"));
    SObject[] rows = occurrences(c, "Gym");
    assertThat(field(rows, "StartDateTime")).containsExactly("2030-03-08T07:00:00.000Z", "2030-03-11T07:00:00.000Z",
        "2030-03-15T07:00:00.000Z");
    assertThat(rows[0].getField("Recurrence2PatternTimeZone")).isEqualTo("GMT");
    assertThat(rows[0].getField("Recurrence2PatternStartDate")).isEqualTo("2030-03-08T07:00:00.000Z");

    create(c, event("Payroll", "IsAllDayEvent", true, "ActivityDate", day("2030-01-01"), "IsRecurrence2", true,
        "Recurrence2PatternText", "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3"));
    assertThat(field(occurrences(c, "Payroll"), "ActivityDate")).containsExactly("2030-01-31", "2030-02-28", "2030-03-29");
  }

  @Test
  void anEditedOccurrenceBecomesAnException_theOthersStayAsTheyWere() throws Exception {
    PartnerConnection c = connect();
    create(c, weeklyStandUp());
    SObject[] rows = occurrences(c, "Stand-up");
    SaveResult r = c.update(new SObject[] {update(rows[2].getId(), "Location", "Room 4", "StartDateTime",
        at("2030-03-18T15:00:00Z"))})[0];
    assertThat(r.isSuccess()).isTrue();
    SObject[] after = c.query("SELECT " + FIELDS + ", Location FROM Event WHERE Subject = 'Stand-up' ORDER BY StartDateTime")
        .getRecords();
    assertThat(field(after, "IsRecurrence2Exception")).containsExactly("false", "false", "true", "false", "false");
    assertThat(after[2].getField("Location")).isEqualTo("Room 4");
    assertThat(after[2].getField("EndDateTime")).as("it keeps its length").isEqualTo("2030-03-18T15:30:00.000Z");
    assertThat(after[2].getField("Recurrence2PatternText")).isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5");
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsRecurrence2Exception = true").getSize()).isEqualTo(1);
  }

  @Test
  void aDeletedOccurrenceGoesAlone() throws Exception {
    PartnerConnection c = connect();
    create(c, weeklyStandUp());
    SObject[] rows = occurrences(c, "Stand-up");
    assertThat(c.delete(new String[] {rows[1].getId()})[0].isSuccess()).isTrue();
    assertThat(field(occurrences(c, "Stand-up"), "Id")).containsExactly(rows[0].getId(), rows[2].getId(), rows[3].getId(),
        rows[4].getId());
    assertThat(c.queryAll("SELECT Id FROM Event WHERE IsDeleted = true").getRecords()[0].getId()).isEqualTo(rows[1].getId());
  }

  @Test
  void aNewPatternOnTheFirstOccurrenceMakesTheSeriesAgain() throws Exception {
    PartnerConnection c = connect();
    String first = create(c, weeklyStandUp()).get(0);
    SObject[] before = occurrences(c, "Stand-up");
    c.update(new SObject[] {update(before[3].getId(), "Location", "Moved")});
    assertThat(c.update(new SObject[] {update(first, "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4")})[0]
        .isSuccess()).isTrue();
    SObject[] after = occurrences(c, "Stand-up");
    assertThat(field(after, "StartDateTime")).containsExactly("2030-03-04T14:00:00.000Z", "2030-03-06T14:00:00.000Z",
        "2030-03-11T13:00:00.000Z", "2030-03-13T13:00:00.000Z");
    assertThat(after[0].getId()).isEqualTo(first);
    assertThat(field(after, "Recurrence2PatternText")).containsOnly("RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4");
    assertThat(field(after, "IsRecurrence2Exception")).as("the exception went with the old occurrences").containsOnly("false");
    assertThat(c.queryAll("SELECT COUNT() FROM Event WHERE IsDeleted = true").getSize()).isEqualTo(4);

    // a pattern is changed on the first occurrence only
    SaveResult r = refused(c.update(new SObject[] {update(after[2].getId(), "Recurrence2PatternText",
        "RRULE:FREQ=DAILY;COUNT=2")})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(r.getErrors()[0].getFields()).containsExactly("Recurrence2PatternText");
  }

  @Test
  void pastOccurrencesBeforeANewFirstOneStayAsHistory() throws Exception {
    Instant monday = Instant.parse("2030-03-04T14:00:00Z");
    clock.advance(Duration.between(clock.instant(), monday.plus(Duration.ofDays(9)))); // now: after the first two occurrences
    PartnerConnection c = connect();
    String first = create(c, weeklyStandUp()).get(0);
    c.update(new SObject[] {update(first, "Recurrence2PatternStartDate", at("2030-03-18T14:00:00Z"))});
    SObject[] rows = occurrences(c, "Stand-up");
    assertThat(field(rows, "StartDateTime")).containsExactly("2030-03-11T13:00:00.000Z", "2030-03-18T14:00:00.000Z",
        "2030-03-25T14:00:00.000Z", "2030-04-01T14:00:00.000Z", "2030-04-08T14:00:00.000Z", "2030-04-15T14:00:00.000Z");
    assertThat(field(rows, "IsRecurrence2Exclusion")).containsExactly("true", "false", "false", "false", "false", "false");
    assertThat(rows[1].getId()).isEqualTo(first);
  }

  @Test
  void patternsTheOrgRefuses() throws Exception {
    PartnerConnection c = connect();
    SObject noPattern = event("X", "StartDateTime", at("2030-03-04T14:00:00Z"), "DurationInMinutes", 30, "IsRecurrence2", true);
    refused(c.create(new SObject[] {noPattern})[0], StatusCode.REQUIRED_FIELD_MISSING);
    for (String bad : List.of("RRULE:FREQ=HOURLY;COUNT=3", "FREQ=WEEKLY;COUNT=3", "RRULE:FREQ=WEEKLY;BYDAY=MO",
        "RRULE:FREQ=DAILY;COUNT=101", "RRULE:FREQ=WEEKLY;BYDAY=XX;COUNT=2")) {
      SObject e = weeklyStandUp();
      e.setField("Recurrence2PatternText", bad);
      SaveResult r = refused(c.create(new SObject[] {e})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
      assertThat(r.getErrors()[0].getFields()).as(bad).containsExactly("Recurrence2PatternText");
    }
    SObject badZone = weeklyStandUp();
    badZone.setField("Recurrence2PatternTimeZone", "Mars/Olympus_Mons");
    refused(c.create(new SObject[] {badZone})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    SObject patternWithoutSeries = weeklyStandUp();
    patternWithoutSeries.setField("IsRecurrence2", false);
    refused(c.create(new SObject[] {patternWithoutSeries})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    SaveResult classic = refused(c.create(new SObject[] {event("Classic", "StartDateTime", at("2030-03-04T14:00:00Z"),
        "DurationInMinutes", 30, "IsRecurrence", true)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(classic.getErrors()[0].getMessage()).contains("IsRecurrence2");
    assertThat(c.query("SELECT COUNT() FROM Event").getSize()).isZero();
  }
}
