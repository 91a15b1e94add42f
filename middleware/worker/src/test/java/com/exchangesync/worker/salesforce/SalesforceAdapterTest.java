package com.exchangesync.worker.salesforce;

import static com.exchangesync.worker.salesforce.CannedSalesforce.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.errors.SyncError;
import com.exchangesync.worker.metrics.Metrics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the adapter sends and how it reads partner-API answers, with a managed-package namespace. */
class SalesforceAdapterTest {

  private CannedSalesforce sf;
  private SalesforceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    sf = new CannedSalesforce();
    SalesforceSettings settings = new SalesforceSettings(URI.create(sf.loginUrl()), CannedSalesforce.CREDENTIALS,
        "exsync", true, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
        new Backoff(Duration.ZERO, Duration.ZERO, () -> 0));
    adapter = new SalesforceAdapter(new SalesforceClient(settings, new Metrics(), d -> { }), new SalesforceNames("exsync"));
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private static String queryResult(boolean done, String locator, String records) {
    return "<result xsi:type=\"QueryResult\"><done>" + done + "</done>"
        + (locator == null ? "<queryLocator xsi:nil=\"true\"/>" : "<queryLocator>" + locator + "</queryLocator>")
        + records + "<size>1</size></result>";
  }

  private static String record(String type, String id, String fields) {
    return "<records xsi:type=\"sf:sObject\"><sf:type>" + type + "</sf:type><sf:Id>" + id + "</sf:Id>" + fields + "</records>";
  }

  @Test
  void readsTheSetupWithNamespacedNames() throws Exception {
    sf.then("query", ok("<queryResponse>" + queryResult(true, null, record("exsync__Exchange_Sync_Setup__c", "a00000000000001AAA",
        "<sf:Id>a00000000000001AAA</sf:Id><sf:exsync__Enabled__c>true</sf:exsync__Enabled__c>"
            + "<sf:exsync__Service_Account_Username__c>svc@corp.example</sf:exsync__Service_Account_Username__c>"
            + "<sf:exsync__Additional_Domains__c>corp.example, @Sales.Example</sf:exsync__Additional_Domains__c>"
            + "<sf:exsync__Exchange_Endpoint__c xsi:nil=\"true\"/>"
            + "<sf:exsync__Service_Account_Status__c>Recognized</sf:exsync__Service_Account_Status__c>"
            + "<sf:exsync__Exchange_Type__c>Exchange Online (Microsoft Graph)</sf:exsync__Exchange_Type__c>"
            + "<sf:exsync__Tenant_Id__c>corp.onmicrosoft.example</sf:exsync__Tenant_Id__c>"
            + "<sf:exsync__Application_Id__c> 11111111-2222-3333-4444-555555555555 </sf:exsync__Application_Id__c>"))
        + "</queryResponse>"));

    SyncSetup setup = adapter.readSetup().orElseThrow();

    assertThat(sf.all("query").get(0).body()).contains("SELECT Id, exsync__Enabled__c, exsync__Service_Account_Username__c,"
        + " exsync__Additional_Domains__c, exsync__Exchange_Endpoint__c, exsync__Service_Account_Status__c,"
        + " exsync__Exchange_Type__c, exsync__Tenant_Id__c, exsync__Application_Id__c"
        + " FROM exsync__Exchange_Sync_Setup__c ORDER BY CreatedDate ASC, Id ASC LIMIT 1");
    assertThat(setup).isEqualTo(new SyncSetup("a00000000000001AAA", true, "svc@corp.example",
        List.of("corp.example", "sales.example"), null, "Recognized", SyncSetup.ExchangeType.GRAPH,
        "corp.onmicrosoft.example", "11111111-2222-3333-4444-555555555555"));
    assertThat(setup.usesGraph()).isTrue();
    assertThat(SyncSetup.ExchangeType.fromLabel(null)).as("a row saved before the field existed").isEqualTo(SyncSetup.ExchangeType.EWS);
    assertThat(SyncSetup.ExchangeType.fromLabel("Exchange Server (EWS)")).isEqualTo(SyncSetup.ExchangeType.EWS);
  }

  @Test
  void followsQueryLocatorsPageByPage_andFlattensParentFields() throws Exception {
    String contact = "<sf:Id>003000000000001AAA</sf:Id><sf:LastName>O'Brien</sf:LastName>"
        + "<sf:Owner xsi:type=\"sf:sObject\"><sf:type>User</sf:type><sf:Id xsi:nil=\"true\"/><sf:Email>rep@corp.example</sf:Email></sf:Owner>"
        + "<sf:SystemModstamp>2026-03-01T09:00:00.000Z</sf:SystemModstamp>";
    sf.then("query", ok("<queryResponse>" + queryResult(false, "01g000000000001-2000",
        record("Contact", "003000000000001AAA", contact)) + "</queryResponse>"));
    sf.then("queryMore", ok("<queryMoreResponse>" + queryResult(true, null, record("Contact", "003000000000002AAA",
        contact.replace("001AAA", "002AAA").replace("09:00", "09:30"))) + "</queryMoreResponse>"));
    List<List<SalesforceRecord>> pages = new ArrayList<>();

    Instant newest = adapter.changedSince("Contact", List.of("Id", "LastName", "Owner.Email"),
        Instant.parse("2026-03-01T08:00:00Z"), pages::add);

    assertThat(sf.all("query").get(0).body()).contains("SELECT Id, LastName, Owner.Email, SystemModstamp FROM Contact"
        + " WHERE SystemModstamp > 2026-03-01T08:00:00.000Z ORDER BY SystemModstamp ASC, Id ASC");
    assertThat(sf.all("queryMore").get(0).body()).contains("01g000000000001-2000");
    assertThat(pages).hasSize(2);
    SalesforceRecord first = pages.get(0).get(0);
    assertThat(first.id()).isEqualTo("003000000000001AAA");
    assertThat(first.get("LastName")).isEqualTo("O'Brien");
    assertThat(first.get("Owner.Email")).isEqualTo("rep@corp.example");
    assertThat(newest).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
  }

  @Test
  void asksUserRecordAccessAtMost200IdsAtATime() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(SalesforceId.require("003" + String.format("%012d", i)));
    }
    sf.then("query",
        ok("<queryResponse>" + queryResult(true, null, "<records xsi:type=\"sf:sObject\"><sf:type>UserRecordAccess</sf:type>"
            + "<sf:Id xsi:nil=\"true\"/><sf:RecordId>" + ids.get(0) + "</sf:RecordId><sf:HasReadAccess>true</sf:HasReadAccess></records>"
            + "<records xsi:type=\"sf:sObject\"><sf:type>UserRecordAccess</sf:type><sf:Id xsi:nil=\"true\"/><sf:RecordId>"
            + ids.get(1) + "</sf:RecordId><sf:HasReadAccess>false</sf:HasReadAccess></records>") + "</queryResponse>"),
        ok("<queryResponse>" + queryResult(true, null, "") + "</queryResponse>"));

    Set<String> readable = adapter.readableBy("005000000000002AAA", ids);

    assertThat(readable).containsExactly(ids.get(0));
    List<CannedSalesforce.Request> queries = sf.all("query");
    assertThat(queries).hasSize(2);
    assertThat(queries.get(0).body()).contains("SELECT RecordId, HasReadAccess FROM UserRecordAccess WHERE (UserId = '005000000000002AAA'"
        + " AND RecordId IN ('" + ids.get(0) + "'");
    assertThat(queries.get(0).body().split("'003", -1)).hasSize(201);
    assertThat(queries.get(1).body().split("'003", -1)).hasSize(51);
  }

  @Test
  void upsertsUserStatusesByTheNamespacedUserKey() throws Exception {
    sf.then("upsert", ok("<upsertResponse><result><created>true</created><id>a03000000000001AAA</id><success>true</success></result>"
        + "</upsertResponse>"));

    List<WriteResult> results = adapter.writeUserStatuses(List.of(SalesforceRecord.of("ignored", null,
        Map.of("User_Key__c", "005000000000002AAA", "User__c", "005000000000002AAA", "Contacts_Status__c", "In sync"))));

    assertThat(results.get(0)).isEqualTo(WriteResult.ok("a03000000000001AAA", true));
    String body = sf.all("upsert").get(0).body();
    assertThat(body).contains("exsync__User_Key__c").contains("exsync__Exchange_Sync_User_Status__c")
        .contains("<sobj:exsync__Contacts_Status__c").contains("In sync");
  }

  @Test
  void insertsErrorRowsWithNamespacedFields() throws Exception {
    sf.then("create", CannedSalesforce.saveResults("create", "a04000000000001AAA"));

    List<WriteResult> results = adapter.insertErrors(List.of(new SyncError(CannedSalesforce.ORG, "005000000000002",
        "Contact", "Exchange to Salesforce", null, "AAMkAD=", "STRING_TOO_LONG", "Title is too long", "Shorten it",
        Instant.parse("2026-03-01T10:00:00Z"), null)));

    assertThat(results.get(0).success()).isTrue();
    String body = sf.all("create").get(0).body();
    assertThat(body).contains("exsync__ExchangeSyncError__c").contains("<sobj:exsync__User__c").contains("005000000000002AAA")
        .contains("<sobj:exsync__Error_Code__c").contains("STRING_TOO_LONG").contains("2026-03-01T10:00:00.000Z")
        .doesNotContain("Configuration__c");
  }

  @Test
  void reportsAnIncompleteDeletionWindow_beyondFifteenDays() throws Exception {
    sf.then("getDeleted", ok("<getDeletedResponse><result><deletedRecords><deletedDate>2026-02-27T00:00:00.000Z</deletedDate>"
        + "<id>003000000000009</id></deletedRecords><earliestDateAvailable>2026-02-14T10:01:00.000Z</earliestDateAvailable>"
        + "<latestDateCovered>2026-03-01T10:00:00.000Z</latestDateCovered></result></getDeletedResponse>"));

    DeletedRecords deleted = adapter.deletedSince("Contact", Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(deleted.complete()).isFalse();
    assertThat(deleted.ids()).containsExactly(SalesforceId.require("003000000000009"));
    assertThat(deleted.latestDateCovered()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(sf.all("getDeleted").get(0).body()).contains("<m:sObjectType>Contact</m:sObjectType>")
        .contains("2026-02-14T10:01");
  }
}
