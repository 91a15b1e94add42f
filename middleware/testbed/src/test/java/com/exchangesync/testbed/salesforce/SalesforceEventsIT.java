package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** An event's times as the org keeps them, and the refusals it gives, through force-wsc. */
class SalesforceEventsIT extends SalesforceTestbedSupport {

  static final String TIMES = "StartDateTime, EndDateTime, ActivityDateTime, ActivityDate, DurationInMinutes, IsAllDayEvent";

  static Calendar at(String instant) {
    Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(Instant.parse(instant).toEpochMilli());
    return c;
  }

  static Calendar day(String date) {
    return at(LocalDate.parse(date) + "T00:00:00Z");
  }

  static SObject event(String subject, Object... fieldsAndValues) {
    SObject e = fields(new SObject("Event"), fieldsAndValues);
    e.setField("Subject", subject);
    return e;
  }

  /** An update of the event {@code id} that writes only the fields given. */
  static SObject update(String id, Object... fieldsAndValues) {
    SObject e = fields(new SObject("Event"), fieldsAndValues);
    e.setId(id);
    return e;
  }

  private static SObject fields(SObject s, Object... fieldsAndValues) {
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      s.setField((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return s;
  }

  static SObject read(PartnerConnection c, String fields, String id) throws Exception {
    return c.query("SELECT " + fields + " FROM Event WHERE Id = '" + id + "'").getRecords()[0];
  }

  static SaveResult refused(SaveResult r, StatusCode code) {
    assertThat(r.isSuccess()).as("refused with " + code).isFalse();
    assertThat(r.getErrors()[0].getStatusCode()).isEqualTo(code);
    return r;
  }

  @Test
  void anAllDayEventIsADate_atMidnightGmt_inWholeDays() throws Exception {
    PartnerConnection c = connect();
    String oneDay = create(c, event("Offsite", "IsAllDayEvent", true, "ActivityDate", day("2030-03-04"))).get(0);
    SObject got = read(c, TIMES, oneDay);
    assertThat(got.getField("ActivityDate")).isEqualTo("2030-03-04");
    assertThat(got.getField("StartDateTime")).isEqualTo("2030-03-04T00:00:00.000Z");
    assertThat(got.getField("EndDateTime")).as("midnight of the last day").isEqualTo("2030-03-04T00:00:00.000Z");
    assertThat(got.getField("DurationInMinutes")).isEqualTo("1440");
    assertThat(got.getField("ActivityDateTime")).isNull();

    // three days given by start and end: the time of day does not matter, only the dates in GMT
    String threeDays = create(c, event("Trade fair", "IsAllDayEvent", true, "StartDateTime", at("2030-03-04T15:30:00Z"),
        "EndDateTime", at("2030-03-06T08:00:00Z"))).get(0);
    got = read(c, TIMES, threeDays);
    assertThat(got.getField("StartDateTime")).isEqualTo("2030-03-04T00:00:00.000Z");
    assertThat(got.getField("EndDateTime")).isEqualTo("2030-03-06T00:00:00.000Z");
    assertThat(got.getField("DurationInMinutes")).isEqualTo("4320");
    assertThat(c.query("SELECT Id FROM Event WHERE IsAllDayEvent = true AND ActivityDate = 2030-03-04").getSize()).isEqualTo(2);

    // moved by its date, it keeps its length; made a timed event, it keeps its start and length until told otherwise
    assertThat(c.update(new SObject[] {update(threeDays, "ActivityDate", day("2030-04-01"))})[0].isSuccess()).isTrue();
    assertThat(read(c, TIMES, threeDays).getField("EndDateTime")).isEqualTo("2030-04-03T00:00:00.000Z");
    assertThat(c.update(new SObject[] {update(oneDay, "IsAllDayEvent", false, "StartDateTime", at("2030-03-04T09:00:00Z"),
        "DurationInMinutes", 30)})[0].isSuccess()).isTrue();
    got = read(c, TIMES, oneDay);
    assertThat(got.getField("ActivityDateTime")).isEqualTo("2030-03-04T09:00:00.000Z");
    assertThat(got.getField("EndDateTime")).isEqualTo("2030-03-04T09:30:00.000Z");
  }

  @Test
  void durationFollowsStartAndEnd_whicheverIsWritten() throws Exception {
    PartnerConnection c = connect();
    String id = create(c, event("Call", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 45)).get(0);
    assertThat(read(c, TIMES, id).getField("EndDateTime")).isEqualTo("2030-03-04T09:45:00.000Z");

    c.update(new SObject[] {update(id, "EndDateTime", at("2030-03-04T10:30:00Z"))});
    assertThat(read(c, TIMES, id).getField("DurationInMinutes")).isEqualTo("90");

    // only the start moves: the event keeps its length
    c.update(new SObject[] {update(id, "StartDateTime", at("2030-03-05T14:00:00Z"))});
    SObject got = read(c, TIMES, id);
    assertThat(got.getField("EndDateTime")).isEqualTo("2030-03-05T15:30:00.000Z");
    assertThat(got.getField("ActivityDateTime")).isEqualTo("2030-03-05T14:00:00.000Z");
    assertThat(got.getField("ActivityDate")).isEqualTo("2030-03-05");

    // ActivityDateTime is another name for the start
    String viaActivity = create(c, event("Lunch", "ActivityDateTime", at("2030-03-06T12:00:00Z"), "DurationInMinutes", 60)).get(0);
    assertThat(read(c, TIMES, viaActivity).getField("StartDateTime")).isEqualTo("2030-03-06T12:00:00.000Z");
    refused(c.create(new SObject[] {event("Both", "StartDateTime", at("2030-03-06T12:00:00Z"), "ActivityDateTime",
        at("2030-03-06T13:00:00Z"), "DurationInMinutes", 60)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    refused(c.create(new SObject[] {event("Disagree", "StartDateTime", at("2030-03-06T12:00:00Z"), "EndDateTime",
        at("2030-03-06T13:00:00Z"), "DurationInMinutes", 30)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
  }

  @Test
  void aTimedEventNeedsAnEnd() throws Exception {
    PartnerConnection c = connect();
    SaveResult r = refused(c.create(new SObject[] {event("Open-ended", "StartDateTime", at("2030-03-04T09:00:00Z"))})[0],
        StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(r.getErrors()[0].getMessage()).isEqualTo("Required fields are missing: [DurationInMinutes]");
    assertThat(r.getErrors()[0].getFields()).containsExactly("DurationInMinutes");
  }

  @Test
  void anEndBeforeTheStartIsRefused() throws Exception {
    PartnerConnection c = connect();
    SaveResult r = refused(c.create(new SObject[] {event("Backwards", "StartDateTime", at("2030-03-04T10:00:00Z"),
        "EndDateTime", at("2030-03-04T09:00:00Z"))})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(r.getErrors()[0].getFields()).containsExactly("EndDateTime");
    refused(c.create(new SObject[] {event("Backwards", "IsAllDayEvent", true, "StartDateTime", day("2030-03-04"),
        "EndDateTime", day("2030-03-03"))})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    refused(c.create(new SObject[] {event("Negative", "StartDateTime", at("2030-03-04T10:00:00Z"), "DurationInMinutes", -5)})[0],
        StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(c.query("SELECT COUNT() FROM Event").getSize()).isZero();
  }

  @Test
  void noEventLastsMoreThanFourteenDays() throws Exception {
    PartnerConnection c = connect();
    assertThat(create(c, event("Two weeks", "StartDateTime", at("2030-03-01T00:00:00Z"), "DurationInMinutes", 20160))).hasSize(1);
    SaveResult r = refused(c.create(new SObject[] {event("Too long", "StartDateTime", at("2030-03-01T00:00:00Z"),
        "EndDateTime", at("2030-03-15T00:01:00Z"))})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(r.getErrors()[0].getMessage()).isEqualTo("Duration must be between 0 and 20160 minutes");
    assertThat(r.getErrors()[0].getFields()).containsExactly("DurationInMinutes");
    refused(c.create(new SObject[] {event("Fifteen days", "IsAllDayEvent", true, "StartDateTime", day("2030-03-01"),
        "EndDateTime", day("2030-03-15"))})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(create(c, event("Fourteen days", "IsAllDayEvent", true, "StartDateTime", day("2030-03-01"),
        "EndDateTime", day("2030-03-14")))).hasSize(1);
  }

  @Test
  void fieldsTheOrgKeepsAreRefused() throws Exception {
    PartnerConnection c = connect();
    for (String field : new String[] {"IsChild", "IsGroupEvent", "IsRecurrence2Exception", "IsRecurrence2Exclusion"}) {
      SaveResult r = refused(c.create(new SObject[] {event("Sneaky", "StartDateTime", at("2030-03-04T09:00:00Z"),
          "DurationInMinutes", 30, field, true)})[0], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
      assertThat(r.getErrors()[0].getFields()).containsExactly(field);
    }
    refused(c.create(new SObject[] {event("Sneaky", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 30,
        "GroupEventType", "1")})[0], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    String id = create(c, event("Plain", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 30)).get(0);
    refused(c.update(new SObject[] {update(id, "IsRecurrence2", true)})[0], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    refused(c.update(new SObject[] {update(id, "IsChild", false)})[0], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    SObject got = read(c, "IsChild, IsGroupEvent, GroupEventType, IsRecurrence2, IsRecurrence2Exception", id);
    assertThat(got.getField("IsChild")).isEqualTo("false");
    assertThat(got.getField("IsGroupEvent")).isEqualTo("false");
    assertThat(got.getField("GroupEventType")).isEqualTo("0");
    assertThat(got.getField("IsRecurrence2")).isEqualTo("false");
  }

  @Test
  void activityDateIsTheStartsDateInTheTimeZoneOfTheUserWhoSaves() throws Exception {
    sim.org(new JsonObject().put("orgId", ORG_ID)
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD))
        .put("users", new JsonArray().add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com")
            .put("timeZoneSidKey", "America/Los_Angeles"))));
    assertThat(sim.org().getJsonArray("users").stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("Username").equals("ann@acme.example.com")).findFirst().orElseThrow().getString("TimeZoneSidKey"))
        .isEqualTo("America/Los_Angeles");
    sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
        .put("preApproved", new JsonArray().add(INTEGRATION).add("ann@acme.example.com"))));
    // 03:00Z on the 5th is 19:00 on the 4th in Los Angeles
    String byAnn = create(connect("ann@acme.example.com"), event("Late call", "StartDateTime",
        at("2030-03-05T03:00:00Z"), "DurationInMinutes", 30)).get(0);
    String byIntegration = create(connect(), event("Late call", "StartDateTime", at("2030-03-05T03:00:00Z"),
        "DurationInMinutes", 30)).get(0);
    PartnerConnection c = connect();
    assertThat(read(c, TIMES, byAnn).getField("ActivityDate")).isEqualTo("2030-03-04");
    assertThat(read(c, TIMES, byIntegration).getField("ActivityDate")).as("the integration user is on GMT").isEqualTo("2030-03-05");
  }
}
