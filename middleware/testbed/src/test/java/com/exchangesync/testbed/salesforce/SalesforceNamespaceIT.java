package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.sobject.SObject;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** With a namespace prefix every package name carries it, as in a managed install; standard names do not. */
class SalesforceNamespaceIT extends SalesforceTestbedSupport {

  @Override
  String namespace() {
    return "exsync";
  }

  @Test
  void packageNamesNeedThePrefixOnTheApi() throws Exception {
    PartnerConnection c = connect();
    SObject config = new SObject("exsync__Exchange_Sync_Configuration__c");
    config.setField("Name", "Reps");
    config.setField("exsync__Active__c", true);
    String configId = c.create(new SObject[] {config})[0].getId();
    SObject member = new SObject("exsync__Exchange_Sync_Member__c");
    member.setField("exsync__Configuration__c", configId);
    assertThat(c.create(new SObject[] {member})[0].isSuccess()).isTrue();

    SObject m = c.query("SELECT Name, exsync__Configuration__r.Name FROM exsync__Exchange_Sync_Member__c"
        + " WHERE exsync__Configuration__r.exsync__Active__c = true").getRecords()[0];
    assertThat(m.getChild("exsync__Configuration__r").getField("Name")).isEqualTo("Reps");

    assertThatThrownBy(() -> c.query("SELECT Id FROM Exchange_Sync_Configuration__c")).isInstanceOf(InvalidSObjectFault.class);
    assertThatThrownBy(() -> c.query("SELECT Active__c FROM exsync__Exchange_Sync_Configuration__c"))
        .isInstanceOf(InvalidFieldFault.class);
    assertThatThrownBy(() -> c.query("SELECT Exchange_Key__c FROM Contact")).isInstanceOf(InvalidFieldFault.class);
    assertThat(c.query("SELECT exsync__Exchange_Key__c FROM Contact").getSize()).isZero();
  }

  @Test
  void theAdminApiTakesNamesWithOrWithoutThePrefix() throws Exception {
    JsonObject row = sim.create("Exchange_Sync_User_Status__c", new JsonObject().put("User_Key__c", "ann").put("Name", "Ann"));
    assertThat(row.getString("exsync__User_Key__c")).isEqualTo("ann");
    assertThat(row.getJsonObject("attributes").getString("type")).isEqualTo("exsync__Exchange_Sync_User_Status__c");
    PartnerConnection c = connect();
    assertThat(c.query("SELECT exsync__User_Key__c FROM exsync__Exchange_Sync_User_Status__c").getRecords()[0]
        .getField("exsync__User_Key__c")).isEqualTo("ann");
  }
}
