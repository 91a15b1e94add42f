package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.errors.SyncError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's Salesforce adapter, over force-wsc, against the Salesforce test
 * bed loaded with this repository's force-app: every read and write the
 * product needs, on the package's real objects and fields.
 */
class SalesforceAdapterIT {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture("", new JsonObject().put("privateObjects", new JsonArray().add("Contact")));
    adapter = sf.adapter();
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    sf.close();
  }

  private String config(String name, boolean active) {
    return sf.sim.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", name).put("Active__c", active)
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Exchange wins")
        .put("Contact_Match_Preference__c", "Was last updated").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true).put("Event_Sync_Direction__c", "Don't sync")).getString("Id");
  }

  @Test
  void readsTheSetupConfigurationsMembersMappingsAndUsers_fromThePackagesObjects() throws Exception {
    sf.sim.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", "svc@corp.example.com").put("Service_Account_Password__c", "S3cret!")
        .put("Additional_Domains__c", "sales.example.com, eu.example.com"));
    String sales = config("Sales", true);
    config("Paused", false);
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", sales).put("Member_Type__c", "User")
        .put("User__c", SalesforceTestbedFixture.ANN));
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", sales).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", SalesforceTestbedFixture.REP_PROFILE));
    sf.sim.create("Exchange_Sync_Field_Mapping__c", new JsonObject().put("Configuration__c", sales).put("Object__c", "Contact")
        .put("Salesforce_Field__c", "Title").put("Exchange_Field__c", "jobTitle"));

    SyncSetup setup = adapter.readSetup().orElseThrow();
    assertThat(setup.enabled()).isTrue();
    assertThat(setup.serviceAccountUsername()).isEqualTo("svc@corp.example.com");
    assertThat(setup.additionalDomains()).containsExactly("sales.example.com", "eu.example.com");
    assertThat(adapter.readServiceAccountPassword(setup.id()).orElseThrow().reveal()).isEqualTo("S3cret!");

    List<SyncConfiguration> configs = adapter.readConfigurations();
    assertThat(configs).extracting(SyncConfiguration::name).containsExactlyInAnyOrder("Sales", "Paused");
    SyncConfiguration s = configs.stream().filter(c -> c.name().equals("Sales")).findFirst().orElseThrow();
    assertThat(s.contactDirection()).isEqualTo("Both directions");
    assertThat(s.contactConflict()).isEqualTo("Exchange wins");
    assertThat(s.contactUsersRecords()).isTrue();
    assertThat(adapter.readMembers()).extracting(SyncMember::memberType).containsExactlyInAnyOrder("User", "Profile");
    assertThat(adapter.readFieldMappings()).singleElement().satisfies(m -> {
      assertThat(m.salesforceField()).isEqualTo("Title");
      assertThat(m.exchangeField()).isEqualTo("jobTitle");
    });
    assertThat(adapter.readUsers(List.of(SalesforceTestbedFixture.ANN))).singleElement()
        .satisfies(u -> assertThat(u.email()).isEqualTo("ann@corp.example.com"));
    assertThat(adapter.readUsersOfProfiles(List.of(SalesforceTestbedFixture.REP_PROFILE))).hasSize(3);
  }

  @Test
  void writesInBatchesOf200_withAResultPerRecord() throws Exception {
    List<SalesforceRecord> contacts = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      contacts.add(SalesforceRecord.of("Contact", null, Map.of("LastName", "Batch" + i, "OwnerId", SalesforceTestbedFixture.ANN)));
    }
    contacts.set(7, SalesforceRecord.of("Contact", null, Map.of("FirstName", "NoLastName")));
    List<WriteResult> results = adapter.create(contacts);
    assertThat(results).hasSize(450);
    assertThat(results.get(7).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(results.stream().filter(WriteResult::success)).hasSize(449);
    assertThat(sf.calls("create")).as("450 records in calls of at most 200").isEqualTo(3);

    List<SalesforceRecord> updates = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (results.get(i).success()) {
        updates.add(SalesforceRecord.of("Contact", results.get(i).id(), Map.of("Title", "Buyer")));
      }
    }
    assertThat(adapter.update(updates)).allMatch(WriteResult::success);
    assertThat(sf.calls("update")).isEqualTo(2);
  }

  @Test
  void changedSince_pagesThroughEveryChange_andDeletionsAreFound() throws Exception {
    List<SalesforceRecord> contacts = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      contacts.add(SalesforceRecord.of("Contact", null, Map.of("LastName", "Page" + i, "OwnerId", SalesforceTestbedFixture.BOB)));
    }
    List<WriteResult> made = adapter.create(contacts);
    List<SalesforceRecord> seen = new ArrayList<>();
    Instant watermark = adapter.changedSince("Contact", List.of("Id", "LastName"), Instant.EPOCH, seen::addAll);
    assertThat(seen).hasSize(2500);
    assertThat(sf.calls("queryMore")).as("2,000 a page").isEqualTo(1);
    assertThat(watermark).isAfter(Instant.EPOCH);

    sf.sim.update("Contact", made.get(5).id(), new JsonObject().put("Title", "Edited in the UI"));
    List<SalesforceRecord> again = new ArrayList<>();
    // SystemModstamp is to the second, as in an org: an edit in the watermark's own second is only seen by a
    // read that reaches back before it (the engine reaches back two minutes).
    adapter.changedSince("Contact", List.of("Id", "Title"), watermark.minusSeconds(1), again::addAll);
    assertThat(again).filteredOn(r -> r.id().equals(made.get(5).id())).singleElement()
        .satisfies(r -> assertThat(r.get("Title")).isEqualTo("Edited in the UI"));

    sf.sim.delete("Contact", made.get(9).id());
    assertThat(adapter.deletedAmong("Contact", List.of(made.get(9).id(), made.get(10).id()))).containsExactly(made.get(9).id());
  }

  @Test
  void recordAccessIsTheRepsOwn_notTheIntegrationUsers() throws Exception {
    String annsOwn = adapter.create(List.of(SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Mine", "OwnerId", SalesforceTestbedFixture.ANN)))).get(0).id();
    String bobs = adapter.create(List.of(SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Bobs", "OwnerId", SalesforceTestbedFixture.BOB)))).get(0).id();
    Set<String> readable = adapter.readableBy(SalesforceTestbedFixture.ANN, List.of(annsOwn, bobs));
    assertThat(readable).containsExactly(annsOwn);
  }

  @Test
  void lastActivityDateFollowsTheContactsEvents_asTheOrgKeepsIt() throws Exception {
    String contact = adapter.create(List.of(SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Active", "OwnerId", SalesforceTestbedFixture.ANN)))).get(0).id();
    Instant stamp = adapter.retrieve("Contact", List.of("Id", "SystemModstamp"), List.of(contact)).get(0).instant("SystemModstamp");
    sf.sim.create("Event", new JsonObject().put("Subject", "Lunch").put("WhoId", contact)
        .put("StartDateTime", "2026-11-20T12:00:00Z").put("EndDateTime", "2026-11-20T13:00:00Z"));
    SalesforceRecord after = adapter.retrieve("Contact", List.of("Id", "LastActivityDate", "SystemModstamp"), List.of(contact)).get(0);
    assertThat(after.get("LastActivityDate")).isEqualTo("2026-11-20");
    assertThat(after.instant("SystemModstamp")).as("a roll-up, not an edit").isEqualTo(stamp);
    assertThatThrownBy(() -> sf.sim.update("Contact", contact, new JsonObject().put("LastActivityDate", "2026-11-21")))
        .hasMessageContaining("LastActivityDate");
  }

  @Test
  void statusesAreUpsertedByUserKey_andErrorsInserted() throws Exception {
    SalesforceRecord status = SalesforceRecord.of("Exchange_Sync_User_Status__c", null, Map.of(
        "User__c", SalesforceTestbedFixture.ANN, "User_Key__c", SalesforceTestbedFixture.ANN,
        "Contacts_To_Exchange_Status__c", "Initial sync in progress"));
    assertThat(adapter.writeUserStatuses(List.of(status))).allMatch(WriteResult::success);
    SalesforceRecord later = SalesforceRecord.of("Exchange_Sync_User_Status__c", null, Map.of(
        "User__c", SalesforceTestbedFixture.ANN, "User_Key__c", SalesforceTestbedFixture.ANN,
        "Contacts_To_Exchange_Status__c", "In sync"));
    assertThat(adapter.writeUserStatuses(List.of(later))).allMatch(WriteResult::success);
    JsonArray rows = sf.sim.records("Exchange_Sync_User_Status__c");
    assertThat(rows).hasSize(1);
    assertThat(rows.getJsonObject(0).getString("Contacts_To_Exchange_Status__c")).isEqualTo("In sync");

    WriteResult made = adapter.writeSystemStatus(Optional.empty(), Map.of("Users_In_Active_Configurations__c", "3"));
    assertThat(made.success()).isTrue();
    long calls = sf.calls("query") + sf.calls("create") + sf.calls("update");
    assertThat(adapter.writeSystemStatus(Optional.of(made.id()), Map.of("Users_In_Active_Configurations__c", "4")).success()).isTrue();
    assertThat(sf.calls("query") + sf.calls("create") + sf.calls("update") - calls).as("the row named is updated, unread")
        .isOne();
    assertThat(sf.sim.records("Exchange_Sync_System_Status__c")).hasSize(1);
    assertThat(sf.sim.records("Exchange_Sync_System_Status__c").getJsonObject(0).getValue("Users_In_Active_Configurations__c"))
        .hasToString("4");
  }

  @Test
  void anExpiredSessionAndThrottlingAreWaitedOut_invisiblyToTheCaller() throws Exception {
    adapter.create(List.of(SalesforceRecord.of("Contact", null, Map.of("LastName", "First"))));
    long tokens = sf.sim.stats().getLong("tokenRequests");
    sf.sim.fault(new JsonObject().put("operation", "query").put("kind", "INVALID_SESSION_ID"));
    sf.sim.fault(new JsonObject().put("operation", "query").put("kind", "REQUEST_LIMIT_EXCEEDED"));
    assertThat(adapter.queryList("SELECT Id FROM Contact")).hasSize(1);
    assertThat(sf.sim.stats().getLong("tokenRequests")).as("signed in again once").isEqualTo(tokens + 1);
    assertThat(sf.calls("login")).as("never SOAP login()").isZero();

    sf.sim.fault(new JsonObject().put("operation", "create").put("kind", "UNABLE_TO_LOCK_ROW").put("records", 2));
    List<WriteResult> locked = adapter.create(List.of(SalesforceRecord.of("Contact", null, Map.of("LastName", "L1")),
        SalesforceRecord.of("Contact", null, Map.of("LastName", "L2")), SalesforceRecord.of("Contact", null, Map.of("LastName", "L3"))));
    assertThat(locked).allMatch(WriteResult::success);
    assertThat(new HashSet<>(locked.stream().map(WriteResult::id).toList())).hasSize(3);
    assertThat(sf.sim.records("Contact")).as("no record written twice").hasSize(4);
  }

  @Test
  void errorRowsCarryEveryFieldOfTheReportType() throws Exception {
    SyncError error = new SyncError(SalesforceTestbedFixture.ORG_ID, SalesforceTestbedFixture.ANN, "Contact", "Exchange to Salesforce", null, "AAMkAD=",
        "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", "Fill in the last name.", Instant.now(), null);
    assertThat(adapter.insertErrors(List.of(error))).allMatch(WriteResult::success);
    JsonObject row = sf.sim.records("ExchangeSyncError__c").getJsonObject(0);
    assertThat(row.getString("Error_Code__c")).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(row.getString("Exchange_Item_Id__c")).isEqualTo("AAMkAD=");
    assertThat(row.getString("User__c")).as("stored in the 18-character form").startsWith(SalesforceTestbedFixture.ANN).hasSize(18);
  }
}
