package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The read-only Organization object: the org's one row, through force-wsc. */
class SalesforceOrganizationIT extends SalesforceTestbedSupport {

  private static final String ORG_ID_18 = SalesforceIds.canonical(ORG_ID);

  @Test
  void theOrgIsOneRowWithItsIdAndName() throws Exception {
    PartnerConnection c = connect();
    QueryResult result = c.query("SELECT Id, Name FROM Organization");
    assertThat(result.getSize()).isEqualTo(1);
    SObject org = result.getRecords()[0];
    assertThat(org.getType()).isEqualTo("Organization");
    assertThat(org.getId()).isEqualTo(ORG_ID_18).isEqualTo(c.getUserInfo().getOrganizationId());
    assertThat(org.getField("Name")).isEqualTo("Acme");

    SObject all = c.query("SELECT OrganizationType, IsSandbox, InstanceName, DefaultLocaleSidKey, TimeZoneSidKey,"
        + " LanguageLocaleKey, CreatedDate FROM Organization WHERE Id = '" + ORG_ID + "'").getRecords()[0];
    assertThat(all.getField("OrganizationType")).isEqualTo("Enterprise Edition");
    assertThat(all.getField("IsSandbox")).isEqualTo("false");
    assertThat(all.getField("InstanceName")).isEqualTo("NA1");
    assertThat(all.getField("DefaultLocaleSidKey")).isEqualTo("en_US");
    assertThat(all.getField("TimeZoneSidKey")).isEqualTo("GMT");
    assertThat(all.getField("LanguageLocaleKey")).isEqualTo("en_US");
    assertThat(all.getField("CreatedDate")).isNotNull();
    assertThat(c.retrieve("Id, Name", "Organization", new String[] {ORG_ID})[0].getField("Name")).isEqualTo("Acme");
  }

  @Test
  void withoutANameTheOrgHasTheDefaultOne_andANewOrgReplacesTheRow() throws Exception {
    sim.org(new JsonObject().put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD)));
    PartnerConnection c = connect();
    SObject[] rows = c.query("SELECT Id, Name FROM Organization").getRecords();
    assertThat(rows).hasSize(1);
    assertThat(rows[0].getField("Name")).isEqualTo("Exchange Sync Test Org");
    assertThat(rows[0].getId()).isEqualTo(c.getUserInfo().getOrganizationId()).isNotEqualTo(ORG_ID_18).startsWith("00D");
    assertThatThrownBy(() -> sim.org(new JsonObject().put("name", " "))).hasMessageContaining("400")
        .hasMessageContaining("name must be 1 to 80 characters");
  }

  @Test
  void createUpdateAndDeleteAreRefused() throws Exception {
    PartnerConnection c = connect();
    SObject another = new SObject("Organization");
    another.setField("Name", "Another");
    assertRefused(c.create(new SObject[] {another})[0].getErrors(), "entity type cannot be inserted: Organization");

    SObject rename = new SObject("Organization");
    rename.setId(ORG_ID_18);
    rename.setField("Name", "Renamed");
    SaveResult renamed = c.update(new SObject[] {rename})[0];
    assertThat(renamed.isSuccess()).isFalse();
    assertRefused(renamed.getErrors(), "entity type cannot be updated: Organization");

    DeleteResult deleted = c.delete(new String[] {ORG_ID_18})[0];
    assertThat(deleted.isSuccess()).isFalse();
    assertRefused(deleted.getErrors(), "entity type cannot be deleted: Organization");

    assertThat(c.query("SELECT Name FROM Organization").getRecords()[0].getField("Name")).isEqualTo("Acme");
    assertThat(sim.records("Organization")).hasSize(1);
  }

  private static void assertRefused(Error[] errors, String message) {
    assertThat(errors).hasSize(1);
    assertThat(errors[0].getStatusCode()).isEqualTo(StatusCode.CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY);
    assertThat(errors[0].getMessage()).isEqualTo(message);
  }
}
