package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.at;
import static com.exchangesync.testbed.salesforce.SalesforceEventsIT.event;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polymorphic {@code Who} of an event (a contact or a lead) in SOQL, through force-wsc. */
class SalesforcePolymorphicWhoIT extends SalesforceTestbedSupport {

  private PartnerConnection c;

  @BeforeEach
  void twoEvents() throws Exception {
    c = connect();
    SObject account = new SObject("Account");
    account.setField("Name", "Acme");
    String accountId = create(c, account).get(0);
    SObject contact = new SObject("Contact");
    contact.setField("FirstName", "Pat");
    contact.setField("LastName", "Contact");
    contact.setField("Email", "pat@acme.example.com");
    contact.setField("AccountId", accountId);
    SObject lead = new SObject("Lead");
    lead.setField("FirstName", "Lee");
    lead.setField("LastName", "Lead");
    lead.setField("Email", "lee@globex.example.com");
    lead.setField("Company", "Globex");
    List<String> people = create(c, contact, lead);
    create(c, event("A with the contact", "StartDateTime", at("2030-01-07T09:00:00Z"), "DurationInMinutes", 30, "WhoId", people.get(0)),
        event("B with the lead", "StartDateTime", at("2030-01-07T10:00:00Z"), "DurationInMinutes", 30, "WhoId", people.get(1)),
        event("C with nobody", "StartDateTime", at("2030-01-07T11:00:00Z"), "DurationInMinutes", 30));
  }

  @Test
  void whoPathsGoThroughTheNameEntity_typeNamesTheTarget() throws Exception {
    SObject[] rows = c.query("SELECT Subject, Who.Type, Who.Name, Who.Email FROM Event ORDER BY Subject").getRecords();
    XmlObject contact = rows[0].getChild("Who");
    assertThat(contact.getField("type")).as("written as the Name entity").isEqualTo("Name");
    assertThat(contact.getField("Type")).isEqualTo("Contact");
    assertThat(contact.getField("Name")).isEqualTo("Pat Contact");
    assertThat(contact.getField("Email")).isEqualTo("pat@acme.example.com");
    assertThat(rows[1].getChild("Who").getField("Type")).isEqualTo("Lead");
    assertThat(rows[1].getChild("Who").getField("Name")).isEqualTo("Lee Lead");
    assertThat(rows[2].getField("Who")).isNull();

    SObject[] leads = c.query("SELECT Subject FROM Event WHERE Who.Type = 'Lead'").getRecords();
    assertThat(leads).extracting(r -> r.getField("Subject")).containsExactly("B with the lead");
  }

  @Test
  void aFieldOneTargetHasAlone_isNoColumnOfName() {
    assertThatThrownBy(() -> c.query("SELECT Who.Company FROM Event")).isInstanceOfSatisfying(InvalidFieldFault.class, f -> {
      assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
      assertThat(f.getExceptionMessage()).contains("No such column 'Company' on entity 'Name'");
    });
    assertThatThrownBy(() -> c.query("SELECT Who.Account.Name FROM Event")).isInstanceOfSatisfying(InvalidFieldFault.class,
        f -> assertThat(f.getExceptionMessage()).contains("Didn't understand relationship 'Account'"));
  }

  @Test
  void typeOfSelectsEachTargetsOwnFields_writtenAsItsOwnType() throws Exception {
    SObject[] rows = c.query("SELECT Subject, TYPEOF Who WHEN Contact THEN Email, Account.Name WHEN Lead THEN Company, Email END"
        + " FROM Event ORDER BY Subject").getRecords();
    XmlObject contact = rows[0].getChild("Who");
    assertThat(contact.getField("type")).isEqualTo("Contact");
    assertThat(contact.getField("Email")).isEqualTo("pat@acme.example.com");
    assertThat(contact.getChild("Account").getField("Name")).isEqualTo("Acme");
    XmlObject lead = rows[1].getChild("Who");
    assertThat(lead.getField("type")).isEqualTo("Lead");
    assertThat(lead.getField("Company")).isEqualTo("Globex");
    assertThat(rows[2].getField("Who")).isNull();

    SObject[] onlyLeads = c.query("SELECT Subject, TYPEOF Who WHEN Lead THEN Company ELSE Name END FROM Event ORDER BY Subject")
        .getRecords();
    assertThat(onlyLeads[0].getChild("Who").getField("type")).as("ELSE: the Name entity").isEqualTo("Name");
    assertThat(onlyLeads[0].getChild("Who").getField("Name")).isEqualTo("Pat Contact");
    assertThat(onlyLeads[1].getChild("Who").getField("Company")).isEqualTo("Globex");
  }

  @Test
  void typeOfRefusesAPlainRelationship_andATypeItCannotReach() {
    assertThatThrownBy(() -> c.query("SELECT TYPEOF Owner WHEN User THEN Email END FROM Event"))
        .isInstanceOfSatisfying(InvalidFieldFault.class, f -> assertThat(f.getExceptionMessage()).contains("polymorphic"));
    assertThatThrownBy(() -> c.query("SELECT TYPEOF Who WHEN Account THEN Name END FROM Event"))
        .isInstanceOfSatisfying(InvalidSObjectFault.class, f -> assertThat(f.getExceptionMessage())
            .contains("'Account' is not a type the relationship 'Who' can point to: Contact, Lead"));
  }
}
