package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.ErrorOutboxDrainer;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole contacts cycle, end to end through force-wsc and ews-java-api, against
 * both test beds and PostgreSQL: who syncs, what syncs both ways, statuses,
 * error rows, the connection test and Reset Sync.
 */
class ContactSyncCycleIT extends CycleTestBase {

  @Test
  void aFirstCycleSyncsBothWays_matchesByEmail_reportsRefusals_andASecondChangesNothing() throws Exception {
    String annLee = contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(ANN, "Max", "Prospect", "max@customer.example.com");
    contact(BOB, "Bo", "Bobs", "bo@customer.example.com");
    contact(CY, "Not", "Synced", "cy1@customer.example.com");
    ex.connector().open(ExchangeTestbedFixture.ANN).close(); // Ann has been told to fill Salesforce_Sync
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Lee")
        .put("surname", "Customer").put("email", "LEE@customer.example.com").put("mobilePhone", "+33 6 12"));
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook")
        .put("surname", "Only").put("email", "outlook@customer.example.com"));
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "NoSurname")
        .put("email", "nosurname@customer.example.com"));

    List<RepOutcome> first = cycle.run();
    assertThat(first.stream().filter(o -> o.concerns(ItemKind.CONTACT) && o.state().equals("synced")).map(RepOutcome::email).toList())
        .containsExactlyInAnyOrder("ann@corp.example.com", "bob@corp.example.com");
    assertThat(first.stream().filter(o -> o.email().startsWith("dee")).findFirst().orElseThrow().state())
        .as("Dee's domain is not served").isEqualTo("skipped");

    JsonArray annItems = ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync");
    assertThat(annItems.stream().map(o -> ((JsonObject) o).getString("email")).toList())
        .as("Ann's mailbox: Lee (matched, not doubled), Max, and the two made in Outlook").hasSize(4);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).hasSize(1);
    assertThat(ex.sim.contacts("cy@corp.example.com", null)).as("Cy is in no configuration").isEmpty();

    JsonArray contacts = sf.sim.records("Contact");
    assertThat(contacts).as("4 made in Salesforce + 'Outlook Only'").hasSize(5);
    JsonObject created = contacts.stream().map(o -> (JsonObject) o).filter(c -> "Only".equals(c.getString("LastName")))
        .findFirst().orElseThrow();
    assertThat(created.getString("OwnerId")).startsWith(ANN);
    assertThat(created.getString("Exchange_Sync_Key__c")).isNotBlank();
    assertThat(sf.sim.get("Contact", annLee).getString("MobilePhone")).isEqualTo("+33 6 12");

    assertThat(drainer.drainOnce().toCompletionStage().toCompletableFuture().get()).isGreaterThanOrEqualTo(1);
    JsonObject error = sf.sim.records("ExchangeSyncError__c").getJsonObject(0);
    assertThat(error.getString("Error_Code__c")).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(error.getString("Suggestion__c")).contains("last name");
    assertThat(error.getString("User__c")).startsWith(ANN);

    JsonObject ann = userStatus(ANN);
    assertThat(ann.getBoolean("Assigned__c")).isTrue();
    assertThat(ann.getString("Recognized_By_Service_Account__c")).isEqualTo("Recognized");
    assertThat(ann.getString("Contacts_To_Exchange_Status__c")).isEqualTo("Initial sync completed");
    assertThat(ann.getInteger("Contacts_In_Sync__c")).isEqualTo(3);
    assertThat(userStatus(DEE).getBoolean("Addresses_Linked__c")).isFalse();
    assertThat(userStatus(CY)).isNull();
    JsonObject system = sf.sim.records("Exchange_Sync_System_Status__c").getJsonObject(0);
    assertThat(system.getInteger("Users_In_Active_Configurations__c")).isEqualTo(3);
    assertThat(system.getInteger("Users_With_Linked_Addresses__c")).isEqualTo(2);
    assertThat(system.getBoolean("Service_Account_Recognized__c")).isTrue();
    assertThat(system.getInteger("Contacts_Synced_Last_60_Minutes__c")).isGreaterThanOrEqualTo(5);

    long itemReadsBefore = ex.stats.calls("GetItem");
    List<RepOutcome> second = cycle.run(); // statuses move to "In sync"
    assertThat(userStatus(ANN).getString("Contacts_To_Exchange_Status__c")).isEqualTo("In sync");
    assertThat(second.stream().filter(o -> o.email().startsWith("ann") && o.concerns(ItemKind.CONTACT)).findFirst()
        .orElseThrow().report().orElseThrow().echoesSkipped())
        .as("the items the first cycle wrote are known by their change keys").isGreaterThanOrEqualTo(3);
    assertThat(ex.stats.calls("GetItem")).as("the echoes of the first cycle's writes are not read back")
        .isEqualTo(itemReadsBefore);
    long updatesBefore = sf.calls("upsert") + sf.calls("update") + sf.calls("create");
    long deletionReadsBefore = sf.calls("getDeleted");
    List<RepOutcome> third = cycle.run();
    assertThat(sf.calls("getDeleted") - deletionReadsBefore).as("Ann's and Bob's passes share one read of deletions")
        .isEqualTo(1);
    assertThat(third.stream().filter(o -> o.report().isPresent()))
        .allSatisfy(o -> assertThat(o.report().orElseThrow().writes()).isZero());
    assertThat(sf.calls("upsert") + sf.calls("update") + sf.calls("create"))
        .as("statuses unchanged: not written again").isEqualTo(updatesBefore);
  }

  @Test
  void aRecordThatKeepsFailing_isOneOpenErrorRowWhoseCountGrows() throws Exception {
    cycle.run();
    String item = ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "NoSurname")
        .put("email", "nosurname@customer.example.com")).getString("id");
    cycle.run();
    drainer.drainOnce().toCompletionStage().toCompletableFuture().get();
    ex.sim.updateContact(ExchangeTestbedFixture.ANN, item, new JsonObject().put("jobTitle", "Still no surname"));
    cycle.run();
    drainer.drainOnce().toCompletionStage().toCompletableFuture().get();
    JsonArray rows = sf.sim.records("ExchangeSyncError__c");
    assertThat(rows).as("one row, not one per attempt").hasSize(1);
    JsonObject row = rows.getJsonObject(0);
    assertThat(row.getInteger("Occurrence_Count__c")).isEqualTo(2);
    assertThat(row.getString("Status__c")).isEqualTo("Open");
    assertThat(row.getString("Error_Key__c")).hasSize(40);
    assertThat(row.getString("Last_Occurred_At__c")).isGreaterThanOrEqualTo(row.getString("Occurred_At__c"));
    ex.sim.updateContact(ExchangeTestbedFixture.ANN, item, new JsonObject().put("surname", "Fixed"));
    cycle.run();
    assertThat(sf.sim.records("Contact").stream().map(o -> ((JsonObject) o).getString("LastName"))).contains("Fixed");
  }

  @Test
  void aRequestedConnectionTestIsRunAndItsResultsWrittenBack() throws Exception {
    String test = sf.sim.create("Exchange_Sync_Connection_Test__c", new JsonObject().put("Email__c", "ann@corp.example.com")
        .put("Status__c", "Requested")).getString("Id");
    String outsider = sf.sim.create("Exchange_Sync_Connection_Test__c", new JsonObject().put("Email__c", "nobody@corp.example.com")
        .put("Status__c", "Requested")).getString("Id");
    long updates = sf.calls("update");
    cycle.run();
    assertThat(sf.calls("update") - updates).as("Running, each of the 6 checks, the end; the failed test: Running, 3, the end")
        .isGreaterThanOrEqualTo(8 + 5);
    JsonObject passed = sf.sim.get("Exchange_Sync_Connection_Test__c", test);
    assertThat(passed.getString("Status__c")).isEqualTo("Passed");
    assertThat(new JsonArray(passed.getString("Results__c"))).hasSize(6);
    JsonObject failed = sf.sim.get("Exchange_Sync_Connection_Test__c", outsider);
    assertThat(failed.getString("Status__c")).isEqualTo("Failed");
    assertThat(failed.getString("Results__c")).contains("FAILED").contains("suggestion");
  }

  @Test
  void resetSyncRelinksEverythingWithoutDuplicates_andClearsTheMark() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    cycle.run();
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook")
        .put("surname", "Only").put("email", "outlook@customer.example.com"));
    cycle.run();
    String statusId = userStatus(ANN).getString("Id");
    sf.sim.update("Exchange_Sync_User_Status__c", statusId, new JsonObject().put("Reset_Status__c", "Marked for reset"));
    List<RepOutcome> afterReset = cycle.run();
    assertThat(afterReset.stream().filter(o -> o.email().startsWith("ann") && o.concerns(ItemKind.CONTACT)).findFirst().orElseThrow().report().orElseThrow()
        .matched()).as("both pairs found again by id").isEqualTo(2);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync")).hasSize(2);
    assertThat(sf.sim.records("Contact")).hasSize(2);
    assertThat(userStatus(ANN).getString("Reset_Status__c")).isNull();
  }

}
