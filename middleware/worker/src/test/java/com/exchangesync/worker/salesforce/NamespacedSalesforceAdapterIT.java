package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In a managed install every custom name carries the namespace prefix; the adapter adds it (EXSYNC_SF_NAMESPACE). */
class NamespacedSalesforceAdapterIT {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture("exsync", new JsonObject());
    adapter = sf.adapter();
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    sf.close();
  }

  @Test
  void readsAndWritesThePackagesRecordsUnderTheirPrefixedNames() throws Exception {
    sf.sim.create("exsync__Exchange_Sync_Setup__c", new JsonObject().put("exsync__Enabled__c", true)
        .put("exsync__Service_Account_Username__c", "svc@corp.example.com"));
    assertThat(adapter.readSetup().orElseThrow().serviceAccountUsername()).isEqualTo("svc@corp.example.com");
    assertThat(adapter.writeUserStatuses(List.of(SalesforceRecord.of("Exchange_Sync_User_Status__c", null, Map.of(
        "User__c", SalesforceTestbedFixture.ANN, "User_Key__c", SalesforceTestbedFixture.ANN, "Assigned__c", "true")))))
        .allMatch(WriteResult::success);
    JsonObject row = sf.sim.records("exsync__Exchange_Sync_User_Status__c").getJsonObject(0);
    assertThat(row.getBoolean("exsync__Assigned__c")).isTrue();
    String contact = adapter.create(List.of(SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Keyed", "Exchange_Sync_Key__c", "AAMkKEY=")))).get(0).id();
    assertThat(adapter.queryList(adapter.select("Contact", List.of("Id", "Exchange_Sync_Key__c"))
        .where(Soql.eq(adapter.api("Exchange_Sync_Key__c"), "AAMkKEY=")).build()))
        .singleElement().satisfies(r -> {
          assertThat(r.id()).isEqualTo(contact);
          assertThat(r.get("Exchange_Sync_Key__c")).isEqualTo("AAMkKEY=");
        });
  }
}
