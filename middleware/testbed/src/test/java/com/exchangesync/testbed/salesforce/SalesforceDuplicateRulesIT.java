package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.contact;
import static com.exchangesync.testbed.salesforce.SalesforceQueryIT.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DuplicateError;
import com.sforce.soap.partner.DuplicateResult;
import com.sforce.soap.partner.MatchResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Duplicate rules and the {@code DuplicateRuleHeader}, through force-wsc's typed {@code DuplicateError}. */
class SalesforceDuplicateRulesIT extends SalesforceTestbedSupport {

  private static DuplicateError duplicate(SaveResult r) {
    assertThat(r.isSuccess()).as("refused as a duplicate").isFalse();
    assertThat(r.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATES_DETECTED);
    assertThat(r.getErrors()[0]).isInstanceOf(DuplicateError.class);
    return (DuplicateError) r.getErrors()[0];
  }

  private void rules(Object... rules) {
    sim.duplicateRules(new JsonArray(java.util.List.of(rules)));
  }

  @Test
  void theStandardContactRuleAlerts_theApiIsRefusedUnlessItAllowsSave() throws Exception {
    PartnerConnection c = connect();
    String existing = create(c, contact("Pat", "Jones", "pat@acme.example.com")).get(0);
    rules("Standard_Contact_Duplicate_Rule");

    DuplicateError e = duplicate(c.create(new SObject[] {contact("PAT", "jones", "Pat@Acme.example.com")})[0]);
    assertThat(e.getMessage()).isEqualTo("You're creating a duplicate record. We recommend you use an existing record instead.");
    assertThat(e.getFields()).isEmpty();
    DuplicateResult result = e.getDuplicateResult();
    assertThat(result.isAllowSave()).as("an alert lets a caller save anyway").isTrue();
    assertThat(result.getDuplicateRule()).isEqualTo("Standard_Contact_Duplicate_Rule");
    assertThat(result.getDuplicateRuleEntityType()).isEqualTo("Contact");
    assertThat(result.getErrorMessage()).isEqualTo(e.getMessage());
    MatchResult match = result.getMatchResults()[0];
    assertThat(match.getEntityType()).isEqualTo("Contact");
    assertThat(match.getMatchEngine()).isEqualTo("FuzzyMatchEngine");
    assertThat(match.getRule()).isEqualTo("Standard_Contact_Match_Rule_v1_1");
    assertThat(match.getSize()).isEqualTo(1);
    assertThat(match.isSuccess()).isTrue();
    SObject record = (SObject) match.getMatchRecords()[0].getRecord();
    assertThat(record.getId()).isEqualTo(existing);
    assertThat(record.getField("Email")).as("ids only, without includeRecordDetails").isNull();
    assertThat(c.query("SELECT COUNT() FROM Contact").getSize()).as("nothing saved").isEqualTo(1);

    assertThat(c.create(new SObject[] {contact("Pat", "Jones", "other@acme.example.com")})[0].isSuccess())
        .as("no criterion matches").isTrue();

    c.setDuplicateRuleHeader(true, false, false);
    assertThat(c.create(new SObject[] {contact("Pat", "Jones", "pat@acme.example.com")})[0].isSuccess()).as("allowSave").isTrue();
    assertThat(c.query("SELECT COUNT() FROM Contact WHERE Email = 'pat@acme.example.com'").getSize()).isEqualTo(2);
  }

  @Test
  void includeRecordDetails_givesTheMatchedFields_andAnEditIsCheckedToo() throws Exception {
    PartnerConnection c = connect();
    String pat = create(c, contact("Pat", "Jones", "pat@acme.example.com")).get(0);
    String lee = create(c, contact("Lee", "Wong", "lee@acme.example.com")).get(0);
    rules("Standard_Contact_Duplicate_Rule");
    c.setDuplicateRuleHeader(false, true, false);

    SObject edit = new SObject("Contact");
    edit.setId(lee);
    edit.setField("FirstName", "Pat");
    edit.setField("LastName", "Jones");
    edit.setField("Email", "pat@acme.example.com");
    DuplicateError e = duplicate(c.update(new SObject[] {edit})[0]);
    SObject record = (SObject) e.getDuplicateResult().getMatchResults()[0].getMatchRecords()[0].getRecord();
    assertThat(record.getId()).isEqualTo(pat);
    assertThat(record.getField("Email")).isEqualTo("pat@acme.example.com");
    assertThat(record.getField("LastName")).isEqualTo("Jones");
    assertThat(c.retrieve("LastName", "Contact", new String[] {lee})[0].getField("LastName")).as("the edit was not saved")
        .isEqualTo("Wong");
  }

  @Test
  void aBlockingRuleRefusesEvenWithAllowSave_andRunAsCurrentUserMatchesOnlyWhatTheCallerSees() throws Exception {
    PartnerConnection c = connect();
    sim.create("Contact", new JsonObject().put("LastName", "Hidden").put("Email", "same@x.com").put("OwnerId", ANN_ID));
    rules(new JsonObject().put("developerName", "Block_Same_Email").put("sObject", "Contact").put("action", "Block")
        .put("operations", new JsonArray().add("create")).put("alertText", "A contact with this email exists.")
        .put("matchingRule", new JsonObject().put("developerName", "Same_Email").put("criteria", new JsonArray().add(new JsonArray()
            .add("Email")))));
    c.setDuplicateRuleHeader(true, false, false);
    DuplicateError e = duplicate(c.create(new SObject[] {contact("New", "Person", "same@x.com")})[0]);
    assertThat(e.getMessage()).isEqualTo("A contact with this email exists.");
    assertThat(e.getDuplicateResult().isAllowSave()).isFalse();
    assertThat(e.getDuplicateResult().getMatchResults()[0].getMatchEngine()).isEqualTo("ExactMatchEngine");
    assertThat(e.getDuplicateResult().getMatchResults()[0].getRule()).isEqualTo("Same_Email");

    // Ann owns the match and the org's contacts are private: a rep running as herself sees no duplicate.
    sim.org(new JsonObject().put("orgId", ORG_ID).put("integrationUser", new JsonObject().put("username", INTEGRATION))
        .put("users", new JsonArray().add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com")))
        .put("sharing", new JsonObject().put("Contact", "Private")));
    sim.create("Contact", new JsonObject().put("LastName", "Hidden").put("Email", "same@x.com").put("OwnerId", ANN_ID));
    sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CLIENT_ID).put("certificate", KEYS.certificatePem())
        .put("preApproved", "*")));
    PartnerConnection bob = connect("bob@acme.example.com");
    bob.setDuplicateRuleHeader(false, false, true);
    assertThat(bob.create(new SObject[] {contact("Bob's", "Contact", "same@x.com")})[0].isSuccess()).isTrue();
    bob.setDuplicateRuleHeader(false, false, false);
    duplicate(bob.create(new SObject[] {contact("Bob's", "Other", "same@x.com")})[0]);
  }

  @Test
  void theAdminApiListsRules_refusesBadOnes_andResetForgetsThem() throws Exception {
    rules("Standard_Lead_Duplicate_Rule");
    assertThat(sim.duplicateRules().getJsonArray("rules").getJsonObject(0).getString("developerName"))
        .isEqualTo("Standard_Lead_Duplicate_Rule");
    assertThatThrownBy(() -> rules("Standard_Account_Rule")).hasMessageContaining("400").hasMessageContaining("standard rules are");
    assertThatThrownBy(() -> rules(new JsonObject().put("developerName", "X").put("sObject", "Contact")
        .put("matchingRule", new JsonObject().put("criteria", new JsonArray().add(new JsonArray().add("Nickname"))))))
        .hasMessageContaining("no field Nickname on Contact");
    sim.reset();
    assertThat(sim.duplicateRules().getJsonArray("rules")).isEmpty();
  }
}
