package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contacts;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import io.vertx.core.json.JsonObject;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** create, update, upsert and delete with the org's per-record errors and whole-call faults, through force-wsc. */
class SalesforceWriteIT extends SalesforceTestbedSupport {

  private static SObject update(String id, String field, Object value) {
    SObject s = new SObject("Contact");
    s.setId(id);
    if (field != null) {
      s.setField(field, value);
    }
    return s;
  }

  @Test
  void anUpdateReportsEachRecordsErrorAndAppliesTheRest() throws Exception {
    PartnerConnection c = connect();
    List<String> ids = create(c, contact("Ann", "Alpha", "a@x.com"), contact("Bob", "Beta", "b@x.com"));
    c.delete(new String[] {ids.get(1)});
    SObject clearLastName = update(ids.get(0), null, null);
    clearLastName.setFieldsToNull(new String[] {"LastName"});

    SaveResult[] results = c.update(new SObject[] {
        update(ids.get(0), "Title", "VP Sales"),
        update("003000000000000AAA", "Title", "x"),
        clearLastName,
        update(ids.get(0), "Email", "not-an-address"),
        update(ids.get(0), "Name", "Renamed"),
        update(ids.get(1), "Title", "x"),
        update(ids.get(0), "AccountId", "001000000000000AAA"),
        update(ids.get(0), "Title", "x".repeat(129))});
    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[0].getId()).isEqualTo(ids.get(0));
    assertThat(code(results[1])).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
    assertThat(code(results[2])).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(results[2].getErrors()[0].getFields()).containsExactly("LastName");
    assertThat(code(results[3])).isEqualTo(StatusCode.INVALID_EMAIL_ADDRESS);
    assertThat(code(results[4])).isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    assertThat(code(results[5])).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(code(results[6])).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
    assertThat(code(results[7])).isEqualTo(StatusCode.STRING_TOO_LONG);
    assertThat(results[1].getId()).isNull();
    SObject now = c.retrieve("Title, LastName, Email", "Contact", new String[] {ids.get(0)})[0];
    assertThat(now.getField("Title")).isEqualTo("VP Sales");
    assertThat(now.getField("LastName")).isEqualTo("Alpha");
    assertThat(now.getField("Email")).isEqualTo("a@x.com");
  }

  @Test
  void aCreateChecksRequiredUniqueAndRestrictedValues() throws Exception {
    PartnerConnection c = connect();
    SObject keyed = contact("Ann", "Alpha", null);
    keyed.setField("Exchange_Key__c", "K-1");
    SObject sameKey = contact("Ann", "Again", null);
    sameKey.setField("Exchange_Key__c", "k-1");
    SObject noLastName = new SObject("Contact");
    noLastName.setField("FirstName", "Nameless");
    SObject config = new SObject("Exchange_Sync_Configuration__c");
    config.setField("Name", "Bad");
    config.setField("Contact_Sync_Direction__c", "Sideways");
    SaveResult[] r = c.create(new SObject[] {keyed, sameKey, noLastName, config});
    assertThat(r[0].isSuccess()).isTrue();
    assertThat(code(r[1])).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(r[1].getErrors()[0].getMessage()).isEqualTo("duplicate value found: Exchange_Key__c duplicates value on record with id: "
        + r[0].getId());
    assertThat(code(r[2])).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(code(r[3])).isEqualTo(StatusCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST);

    SObject unknown = contact("A", "B", null);
    unknown.setField("Foo__c", "x");
    assertThatThrownBy(() -> c.create(new SObject[] {unknown})).isInstanceOfSatisfying(InvalidFieldFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
      assertThat(f.getExceptionMessage()).startsWith("No such column 'Foo__c' on entity 'Contact'.");
    });
    assertThatThrownBy(() -> c.create(new SObject[] {new SObject("Widget__c")})).isInstanceOf(InvalidSObjectFault.class);
    assertThat(c.query("SELECT COUNT() FROM Contact").getSize()).isEqualTo(1);
  }

  @Test
  void allOrNoneRollsBackTheWholeCall() throws Exception {
    PartnerConnection c = connect();
    c.setAllOrNoneHeader(true);
    SaveResult[] r = c.create(new SObject[] {contact("A", "Fine", null), new SObject("Contact")});
    assertThat(code(r[0])).isEqualTo(StatusCode.ALL_OR_NONE_OPERATION_ROLLED_BACK);
    assertThat(code(r[1])).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(c.query("SELECT COUNT() FROM Contact").getSize()).isZero();
  }

  @Test
  void upsertOnAnExternalId() throws Exception {
    PartnerConnection c = connect();
    UpsertResult[] first = c.upsert("User_Key__c", new SObject[] {status("ann", "In sync"), status("bob", "Not started")});
    assertThat(first).allSatisfy(r -> {
      assertThat(r.isSuccess()).isTrue();
      assertThat(r.isCreated()).isTrue();
    });
    UpsertResult[] second = c.upsert("User_Key__c", new SObject[] {status("ANN", "Sync in progress"), status("cid", "Not started")});
    assertThat(second[0].isCreated()).isFalse();
    assertThat(second[0].getId()).isEqualTo(first[0].getId());
    assertThat(second[1].isCreated()).isTrue();
    SObject ann = c.query("SELECT Contacts_Status__c, User_Key__c FROM Exchange_Sync_User_Status__c WHERE User_Key__c = 'ann'")
        .getRecords()[0];
    assertThat(ann.getField("Contacts_Status__c")).isEqualTo("Sync in progress");
    assertThat(ann.getField("User_Key__c")).isEqualTo("ANN");

    SObject noKey = new SObject("Exchange_Sync_User_Status__c");
    noKey.setField("Contacts_Status__c", "x");
    UpsertResult[] odd = c.upsert("User_Key__c", new SObject[] {status("dup", "a"), status("dup", "b"), noKey});
    assertThat(odd[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_EXTERNAL_ID);
    assertThat(odd[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_EXTERNAL_ID);
    assertThat(odd[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MISSING_ARGUMENT);
    assertThatThrownBy(() -> c.upsert("Contacts_Status__c", new SObject[] {status("x", "y")}))
        .isInstanceOfSatisfying(InvalidFieldFault.class, f -> assertThat(f.getExceptionMessage())
            .isEqualTo("Field name provided, Contacts_Status__c is not an External ID or indexed field for Exchange_Sync_User_Status__c"));
  }

  private static SObject status(String key, String contacts) {
    SObject s = new SObject("Exchange_Sync_User_Status__c");
    s.setField("User_Key__c", key);
    s.setField("Contacts_Status__c", contacts);
    s.setField("Records_In_Sync__c", 3);
    return s;
  }

  @Test
  void deletesAreReportedPerRecord_andCascadeToDetailRecords() throws Exception {
    PartnerConnection c = connect();
    List<String> ids = create(c, contact("A", "One", null), contact("B", "Two", null));
    DeleteResult[] r = c.delete(new String[] {ids.get(0), ids.get(0), "bogus", "003000000000000AAA"});
    assertThat(r[0].isSuccess()).isTrue();
    assertThat(r[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(r[1].getId()).isEqualTo(ids.get(0));
    assertThat(c.delete(new String[] {ids.get(0)})[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(r[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
    assertThat(r[3].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);

    SObject config = new SObject("Exchange_Sync_Configuration__c");
    config.setField("Name", "Reps");
    String configId = create(c, config).get(0);
    SObject member = new SObject("Exchange_Sync_Member__c");
    member.setField("Configuration__c", configId);
    create(c, member);
    c.delete(new String[] {configId});
    assertThat(c.query("SELECT COUNT() FROM Exchange_Sync_Member__c").getSize()).isZero();
    assertThat(c.queryAll("SELECT COUNT() FROM Exchange_Sync_Member__c WHERE IsDeleted = true").getSize()).isEqualTo(1);
    assertThatThrownBy(() -> c.delete(new String[201])).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT));
  }

  @Test
  void eventsDeriveTheirDatesAndDuration() throws Exception {
    PartnerConnection c = connect();
    String who = create(c, contact("Ann", "Lee", null)).get(0);
    Calendar start = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    start.setTimeInMillis(java.time.Instant.parse("2030-03-04T09:30:00Z").toEpochMilli());
    Calendar end = (Calendar) start.clone();
    end.add(Calendar.MINUTE, 45);
    SObject e = new SObject("Event");
    e.setField("Subject", "Review");
    e.setField("StartDateTime", start);
    e.setField("EndDateTime", end);
    e.setField("WhoId", who);
    e.setField("IsPrivate", true);
    create(c, e);
    SObject got = c.query("SELECT Subject, ActivityDate, ActivityDateTime, DurationInMinutes, IsAllDayEvent, IsPrivate, Who.Name,"
        + " StartDateTime FROM Event WHERE StartDateTime >= 2030-03-04T00:00:00Z AND ActivityDate = 2030-03-04").getRecords()[0];
    assertThat(got.getField("DurationInMinutes")).isEqualTo("45");
    assertThat(got.getField("ActivityDate")).isEqualTo("2030-03-04");
    assertThat(got.getField("StartDateTime")).isEqualTo("2030-03-04T09:30:00.000Z");
    assertThat(got.getField("IsAllDayEvent")).isEqualTo("false");
    assertThat(got.getField("IsPrivate")).isEqualTo("true");
    assertThat(got.getChild("Who").getField("Name")).isEqualTo("Ann Lee");
    assertThat(got.getChild("Who").getField("type")).as("a polymorphic parent comes as the Name entity").isEqualTo("Name");

    SObject noEnd = new SObject("Event");
    noEnd.setField("StartDateTime", start);
    assertThat(c.create(new SObject[] {noEnd})[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
  }

  @Test
  void injectedLockErrorsThrottlingAndOutages() throws Exception {
    PartnerConnection c = connect();
    sim.fault(new JsonObject().put("operation", "create").put("kind", "UNABLE_TO_LOCK_ROW").put("records", 1));
    SaveResult[] r = c.create(new SObject[] {contact("A", "Locked", null), contact("B", "Fine", null)});
    assertThat(code(r[0])).isEqualTo(StatusCode.UNABLE_TO_LOCK_ROW);
    assertThat(r[1].isSuccess()).isTrue();
    assertThat(c.create(new SObject[] {contact("A", "Locked", null)})[0].isSuccess()).isTrue();

    sim.fault(new JsonObject().put("operation", "*").put("kind", "REQUEST_LIMIT_EXCEEDED"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact")).isInstanceOfSatisfying(UnexpectedErrorFault.class,
        f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
    sim.fault(new JsonObject().put("operation", "query").put("kind", "http503"));
    assertThatThrownBy(() -> c.query("SELECT Id FROM Contact")).isInstanceOf(ConnectionException.class);
    sim.fault(new JsonObject().put("operation", "query").put("kind", "latency").put("ms", 300));
    long t0 = System.nanoTime();
    assertThat(c.query("SELECT Id FROM Contact").getSize()).isEqualTo(2);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(sim.stats().getJsonObject("calls").getLong("query")).isEqualTo(3);
  }

  private static StatusCode code(SaveResult r) {
    assertThat(r.isSuccess()).isFalse();
    return r.getErrors()[0].getStatusCode();
  }
}
