package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.at;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.event;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.refused;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.update;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invitees (EventRelation) and the copies users get (IsChild), as an org with Shared Activities keeps them, through force-wsc. */
class SalesforceEventRelationIT extends SalesforceTestbedSupport {

  private static final String ANN = SalesforceIds.canonical(ANN_ID);
  private static final String BOB = SalesforceIds.canonical(BOB_ID);

  static SObject relation(String eventId, String relationId, Object... fieldsAndValues) {
    SObject r = new SObject("EventRelation");
    r.setField("EventId", eventId);
    r.setField("RelationId", relationId);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      r.setField((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return r;
  }

  private static String annsMeeting(PartnerConnection c) throws Exception {
    return create(c, event("Pipeline review", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 60,
        "OwnerId", ANN_ID)).get(0);
  }

  @Test
  void aUserInviteeGetsACopyOwnedByThem_thatTheSyncFiltersOutWithIsChild() throws Exception {
    PartnerConnection c = connect();
    String meeting = annsMeeting(c);
    String pat = create(c, contact("Pat", "Jones", "pat@acme.example.com")).get(0);
    List<String> ids = create(c, relation(meeting, BOB_ID), relation(meeting, pat, "IsInvitee", true));

    QueryResult rows = c.query("SELECT Id, EventId, RelationId, IsInvitee, IsParent, IsWhat, Status, Relation.Name FROM"
        + " EventRelation WHERE EventId IN ('" + meeting + "') ORDER BY CreatedDate");
    assertThat(rows.getSize()).isEqualTo(2);
    SObject bob = rows.getRecords()[0];
    assertThat(bob.getId()).isEqualTo(ids.get(0)).startsWith("0RE");
    assertThat(bob.getField("RelationId")).isEqualTo(BOB);
    assertThat(bob.getField("IsInvitee")).as("an invitee unless said otherwise").isEqualTo("true");
    assertThat(bob.getField("IsParent")).isEqualTo("false");
    assertThat(bob.getField("Status")).isEqualTo("New");
    assertThat(bob.getChild("Relation").getField("Name")).isEqualTo("Bob Rep");

    SObject[] events = c.query("SELECT Id, OwnerId, Subject, StartDateTime, IsChild, IsGroupEvent, GroupEventType FROM Event"
        + " ORDER BY CreatedDate").getRecords();
    assertThat(events).hasSize(2).as("the contact gets no copy");
    assertThat(events[0].getId()).isEqualTo(meeting);
    assertThat(events[0].getField("IsChild")).isEqualTo("false");
    assertThat(events[0].getField("IsGroupEvent")).isEqualTo("true");
    assertThat(events[0].getField("GroupEventType")).isEqualTo("1");
    assertThat(events[1].getField("OwnerId")).isEqualTo(BOB);
    assertThat(events[1].getField("IsChild")).isEqualTo("true");
    assertThat(events[1].getField("Subject")).isEqualTo("Pipeline review");
    assertThat(events[1].getField("StartDateTime")).isEqualTo("2030-03-04T09:00:00.000Z");
    assertThat(c.query("SELECT Id FROM Event WHERE OwnerId = '" + BOB + "' AND IsChild = false").getSize())
        .as("Bob's own events, to sync").isZero();

    // the copy follows the organizer's event, and is not written on its own
    c.update(new SObject[] {update(meeting, "Subject", "Pipeline review (moved)", "StartDateTime", at("2030-03-05T09:00:00Z"))});
    SObject copy = c.query("SELECT Id, Subject, EndDateTime FROM Event WHERE IsChild = true").getRecords()[0];
    assertThat(copy.getField("Subject")).isEqualTo("Pipeline review (moved)");
    assertThat(copy.getField("EndDateTime")).isEqualTo("2030-03-05T10:00:00.000Z");
    refused(c.update(new SObject[] {update(copy.getId(), "Subject", "Mine now")})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    assertThat(c.delete(new String[] {copy.getId()})[0].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.FIELD_INTEGRITY_EXCEPTION);
    refused(c.create(new SObject[] {relation(copy.getId(), pat)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);

    // deleting the invitation removes the copy; with no invitee left the event is no group event
    assertThat(c.delete(new String[] {ids.get(0)})[0].isSuccess()).isTrue();
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsChild = true").getSize()).isZero();
    assertThat(c.delete(new String[] {ids.get(1)})[0].isSuccess()).isTrue();
    assertThat(c.query("SELECT IsGroupEvent FROM Event WHERE Id = '" + meeting + "'").getRecords()[0].getField("IsGroupEvent"))
        .isEqualTo("false");
    assertThat(c.queryAll("SELECT COUNT() FROM EventRelation WHERE IsDeleted = true").getSize()).isEqualTo(2);
  }

  @Test
  void theWhoIsARelationToo_andOnePersonHasOneRow() throws Exception {
    PartnerConnection c = connect();
    String pat = create(c, contact("Pat", "Jones", null)).get(0);
    SObject lead = new SObject("Lead");
    lead.setField("LastName", "Lee");
    lead.setField("Company", "Lee Ltd");
    String leadId = create(c, lead).get(0);
    String meeting = create(c, event("Demo", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 30,
        "WhoId", pat)).get(0);
    SObject[] rows = c.query("SELECT RelationId, IsParent, IsWhat, IsInvitee FROM EventRelation WHERE EventId = '" + meeting
        + "'").getRecords();
    assertThat(rows).hasSize(1);
    assertThat(rows[0].getField("IsParent")).isEqualTo("true");
    assertThat(rows[0].getField("IsInvitee")).isEqualTo("false");
    assertThat(c.query("SELECT COUNT() FROM EventRelation WHERE EventId = '" + meeting + "' AND IsInvitee = true").getSize())
        .as("the invitees a sync reads").isZero();

    // inviting the who again is a duplicate; the row says both
    refused(c.create(new SObject[] {relation(meeting, pat)})[0], StatusCode.DUPLICATE_VALUE);
    String row = c.query("SELECT Id FROM EventRelation WHERE EventId = '" + meeting + "'").getRecords()[0].getId();
    SObject invite = new SObject("EventRelation");
    invite.setId(row);
    invite.setField("IsInvitee", true);
    assertThat(c.update(new SObject[] {invite})[0].isSuccess()).isTrue();

    // a new who: the old one stays as an invitee, the new one gets its row
    c.update(new SObject[] {update(meeting, "WhoId", leadId)});
    rows = c.query("SELECT RelationId, IsParent, IsInvitee FROM EventRelation WHERE EventId = '" + meeting
        + "' ORDER BY CreatedDate").getRecords();
    assertThat(Arrays.stream(rows).map(r -> r.getField("RelationId") + " " + r.getField("IsParent") + " "
        + r.getField("IsInvitee")).toList()).containsExactly(pat + " false true", leadId + " true false");
    assertThat(c.query("SELECT Who.Name FROM Event WHERE Id = '" + meeting + "'").getRecords()[0].getChild("Who")
        .getField("Name")).isEqualTo("Lee");

    // deleting the who's row clears the who
    c.delete(new String[] {c.query("SELECT Id FROM EventRelation WHERE RelationId = '" + leadId + "'").getRecords()[0].getId()});
    assertThat(c.query("SELECT WhoId FROM Event WHERE Id = '" + meeting + "'").getRecords()[0].getField("WhoId")).isNull();
  }

  @Test
  void relationsRefusedAsTheOrgRefusesThem() throws Exception {
    PartnerConnection c = connect();
    String meeting = annsMeeting(c);
    refused(c.create(new SObject[] {relation(meeting, null)})[0], StatusCode.REQUIRED_FIELD_MISSING);
    refused(c.create(new SObject[] {relation(null, BOB_ID)})[0], StatusCode.REQUIRED_FIELD_MISSING);
    refused(c.create(new SObject[] {relation(meeting, "003000000000000AAA")})[0], StatusCode.INVALID_CROSS_REFERENCE_KEY);
    refused(c.create(new SObject[] {relation(meeting, BOB_ID, "IsInvitee", false)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    SObject account = new SObject("Account");
    account.setField("Name", "Acme");
    String acme = create(c, account).get(0);
    refused(c.create(new SObject[] {relation(meeting, acme)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    refused(c.create(new SObject[] {relation(meeting, BOB_ID, "IsParent", true)})[0], StatusCode.FIELD_INTEGRITY_EXCEPTION);
    String id = create(c, relation(meeting, BOB_ID)).get(0);
    SObject moveIt = new SObject("EventRelation");
    moveIt.setId(id);
    moveIt.setField("RelationId", ANN_ID);
    refused(c.update(new SObject[] {moveIt})[0], StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);

    // an answer is the invitee's to give
    SObject accept = new SObject("EventRelation");
    accept.setId(id);
    accept.setField("Status", "Accepted");
    accept.setField("RespondedDate", at("2030-03-01T10:00:00Z"));
    assertThat(c.update(new SObject[] {accept})[0].isSuccess()).isTrue();
    accept.setField("Status", "Maybe");
    refused(c.update(new SObject[] {accept})[0], StatusCode.INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST);

    // deleting the event deletes its relations and copies
    assertThat(c.delete(new String[] {meeting})[0].isSuccess()).isTrue();
    assertThat(c.query("SELECT COUNT() FROM EventRelation").getSize()).isZero();
    assertThat(c.query("SELECT COUNT() FROM Event").getSize()).isZero();
    assertThat(c.queryAll("SELECT Status, IsDeleted FROM EventRelation").getRecords()[0].getField("Status")).isEqualTo("Accepted");
  }

  @Test
  void aSeriesInviteesAreInvitedToEachOccurrence_whenThePatternMakesItAgain() throws Exception {
    PartnerConnection c = connect();
    String first = create(c, event("Weekly 1:1", "StartDateTime", at("2030-03-04T09:00:00Z"), "DurationInMinutes", 30,
        "IsRecurrence2", true, "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;COUNT=2", "OwnerId", ANN_ID)).get(0);
    create(c, relation(first, BOB_ID));
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsChild = true").getSize()).as("one occurrence invited").isEqualTo(1);
    c.update(new SObject[] {update(first, "Recurrence2PatternText", "RRULE:FREQ=WEEKLY;COUNT=3")});
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsChild = true AND OwnerId = '" + BOB + "'").getSize()).isEqualTo(3);
    assertThat(c.query("SELECT COUNT() FROM EventRelation WHERE IsInvitee = true AND RelationId = '" + BOB + "'").getSize())
        .isEqualTo(3);
    assertThat(c.query("SELECT COUNT() FROM Event WHERE IsChild = false").getSize()).isEqualTo(3);
  }
}
