package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import org.junit.jupiter.api.Test;

/**
 * Save errors as the org words them: field labels in the messages, API names in {@code fields}; and the
 * {@code AllowFieldTruncationHeader}, which cuts text too long instead of refusing it. Through force-wsc.
 */
class SalesforceSaveErrorLabelsIT extends SalesforceTestbedSupport {

  private static Error only(SaveResult r) {
    assertThat(r.isSuccess()).isFalse();
    assertThat(r.getErrors()).hasSize(1);
    return r.getErrors()[0];
  }

  private static SObject with(SObject s, String field, Object value) {
    s.setField(field, value);
    return s;
  }

  @Test
  void messagesNameFieldsByLabel_fieldsByApiName() throws Exception {
    PartnerConnection c = connect();
    SaveResult[] r = c.create(new SObject[] {
        contact("Ann", "L".repeat(81), "ann@x.com"),
        with(contact("Ann", "Alpha", "ann@x.com"), "MailingCity", "C".repeat(41)),
        contact("Ann", "Alpha", "not-an-address"),
        with(contact("Ann", "Alpha", "ann@x.com"), "AccountId", "bogus"),
        with(contact("Ann", "Alpha", "ann@x.com"), "Birthday", "someday"),
        with(contact("Ann", "Alpha", "ann@x.com"), "Exchange_Key__c", "k".repeat(65)),
        contact("Ann", null, "ann@x.com")});

    assertThat(only(r[0]).getStatusCode()).isEqualTo(StatusCode.STRING_TOO_LONG);
    assertThat(only(r[0]).getMessage()).isEqualTo("Last Name: data value too large: " + "L".repeat(40) + "... (max length=80)");
    assertThat(only(r[0]).getFields()).containsExactly("LastName");
    assertThat(only(r[1]).getMessage()).startsWith("Mailing City: data value too large: ");
    assertThat(only(r[1]).getFields()).containsExactly("MailingCity");
    assertThat(only(r[2]).getStatusCode()).isEqualTo(StatusCode.INVALID_EMAIL_ADDRESS);
    assertThat(only(r[2]).getMessage()).isEqualTo("Email: invalid email address: not-an-address");
    assertThat(only(r[3]).getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
    assertThat(only(r[3]).getMessage()).isEqualTo("Account ID: id value of incorrect type: bogus");
    assertThat(only(r[3]).getFields()).containsExactly("AccountId");
    assertThat(only(r[4]).getStatusCode()).isEqualTo(StatusCode.INVALID_TYPE_ON_FIELD_IN_RECORD);
    assertThat(only(r[4]).getMessage()).isEqualTo("Birthdate: value not of required type: someday");
    assertThat(only(r[5]).getMessage()).as("a custom field's label comes from its metadata").startsWith("Exchange_Key: data value too large");
    assertThat(only(r[5]).getFields()).containsExactly("Exchange_Key__c");
    // The org lists missing required fields by API name, in the message too.
    assertThat(only(r[6]).getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(only(r[6]).getMessage()).isEqualTo("Required fields are missing: [LastName]");
  }

  @Test
  void allowFieldTruncation_cutsTextToTheFieldsLength_andOnlyThen() throws Exception {
    PartnerConnection c = connect();
    c.setAllowFieldTruncationHeader(true);
    SaveResult[] r = c.create(new SObject[] {with(contact("Ann", "L".repeat(90), "ann@x.com"), "Title", "T".repeat(200)),
        with(contact("Bob", "Beta", "bob@x.com"), "Birthday", "someday")});
    assertThat(r[0].isSuccess()).isTrue();
    assertThat(only(r[1]).getStatusCode()).as("truncation does not excuse a value of the wrong type")
        .isEqualTo(StatusCode.INVALID_TYPE_ON_FIELD_IN_RECORD);
    SObject stored = c.retrieve("LastName, Title", "Contact", new String[] {r[0].getId()})[0];
    assertThat((String) stored.getField("LastName")).isEqualTo("L".repeat(80));
    assertThat((String) stored.getField("Title")).isEqualTo("T".repeat(128));

    SObject longer = new SObject("Contact");
    longer.setId(r[0].getId());
    longer.setField("Department", "D".repeat(81));
    assertThat(c.update(new SObject[] {longer})[0].isSuccess()).as("on update too").isTrue();

    c.clearAllowFieldTruncationHeader();
    assertThat(only(c.create(new SObject[] {contact("Cy", "L".repeat(81), "cy@x.com")})[0]).getStatusCode())
        .isEqualTo(StatusCode.STRING_TOO_LONG);
    c.setAllowFieldTruncationHeader(false);
    assertThat(only(c.create(new SObject[] {contact("Cy", "L".repeat(81), "cy@x.com")})[0]).getStatusCode())
        .isEqualTo(StatusCode.STRING_TOO_LONG);
  }
}
