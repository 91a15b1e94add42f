package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.ErrorOutboxDrainer;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.status.StatusValues;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.PostgresSyncStateStore;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.SyncKinds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin guide's warning about a rep in the configurations of two orgs (a
 * sandbox and production), shown with two orgs, each with its own worker
 * database, against one Exchange: production (the base class's org) and a sandbox
 * whose one configuration has Ann too. Whichever org syncs Ann's mailbox first
 * marks it; the other syncs nothing there and says so, until the rep leaves the
 * first org's configurations.
 */
class TwoOrgsOneMailboxIT extends CycleTestBase {

  private static final String SANDBOX_ORG = "00D7x00000SANDB";
  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  private SalesforceTestbedFixture sandbox;
  private TestDatabase sandboxDatabase;
  private Pool sandboxPool;
  private SalesforceAdapter sandboxAdapter;
  private SyncCycle sandboxCycle;
  private ErrorOutboxDrainer sandboxDrainer;

  @BeforeEach
  void startSandbox() throws Exception {
    sandbox = new SalesforceTestbedFixture("", new JsonObject().put("orgId", SANDBOX_ORG)
        .put("users", new JsonArray().add(user(ANN, "ann@corp.example.com", SalesforceTestbedFixture.REP_PROFILE))));
    sandboxDatabase = TestDatabase.create("two_orgs_sandbox");
    sandboxPool = sandboxDatabase.pool(sandbox.vertx, 4);
    Blocking.await(Migrations.worker().migrate(sandboxPool));
    sandboxAdapter = sandbox.adapter();
    ErrorOutbox outbox = new ErrorOutbox(sandboxPool);
    sandboxDrainer = new ErrorOutboxDrainer(sandbox.vertx, outbox, sandboxAdapter,
        Backoff.of(Duration.ofMillis(10), Duration.ofMillis(10)), new Metrics());
    sandboxCycle = new SyncCycle(sandboxAdapter, MailboxConnectors.byExchangeType(
        MailboxConnectors.ews(Optional.empty(), Optional.empty(), true, ex.stats, Clock.systemUTC()), graphConnectors()),
        new PostgresSyncStateStore(sandboxPool), new MailboxLeases(sandboxPool), new WorkerPresence(sandboxPool), outbox,
        new SyncActivity(sandboxPool),
        new MailboxSyncs(sandboxPool), new MailboxClaims(sandboxPool), SyncKinds.all(), "worker-sandbox", Clock.systemUTC(),
        Duration.ofSeconds(30));
    sandbox.sim.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", ExchangeTestbedFixture.SERVICE)
        .put("Service_Account_Password__c", ExchangeTestbedFixture.PASSWORD)
        .put("Exchange_Endpoint__c", ex.bed.ewsUrl()));
    String config = sandbox.sim.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Sandbox sales")
        .put("Active__c", true).put("Contact_Sync_Direction__c", "Both directions")
        .put("Contact_Conflict_Behavior__c", "Salesforce wins").put("Contact_Match_Preference__c", "Was last updated")
        .put("Contact_Scope__c", "Selected Contacts").put("Contact_Users_Records__c", true)
        .put("Event_Sync_Direction__c", "Both directions").put("Event_Conflict_Behavior__c", "Salesforce wins")
        .put("Event_Filter__c", "TODAY")).getString("Id");
    sandbox.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config)
        .put("Member_Type__c", "User").put("User__c", ANN));
  }

  @AfterEach
  void stopSandbox() throws Exception {
    sandboxAdapter.client().close();
    sandbox.close();
    sandboxDatabase.close();
  }

  @Test
  void aMailboxSyncedByOneOrg_isLeftAloneByTheOther_whichSaysSoInTheStatusAndAnErrorRow() throws Exception {
    contact(ANN, "Pat", "Production", "pat@customer.example.com");
    cycle.run();
    assertThat(names(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync"))).containsExactly("Pat Production");
    assertThat(syncingOrg()).contains(SalesforceId.require(SalesforceTestbedFixture.ORG_ID));

    sandboxContact("Sam", "Sandbox", "sam@customer.example.com");
    ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Olli").put("surname", "Outlook")
        .put("email", "olli@customer.example.com"));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Outlook lunch")
        .put("start", "2099-03-02T12:00:00+01:00").put("end", "2099-03-02T13:00:00+01:00"));
    long writesBefore = exchangeWrites();
    List<RepOutcome> outcomes = sandboxCycle.run();

    // The sandbox wrote nothing on either side: no Exchange write, no contact or event made in the sandbox.
    assertThat(exchangeWrites()).isEqualTo(writesBefore);
    assertThat(names(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync"))).containsExactlyInAnyOrder("Pat Production", "Olli Outlook");
    assertThat(sandbox.sim.records("Contact")).singleElement()
        .satisfies(c -> assertThat(((JsonObject) c).getString("LastName")).isEqualTo("Sandbox"));
    assertThat(sandbox.sim.records("Event")).isEmpty();
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.state()).isEqualTo("skipped");
      assertThat(o.detail()).contains(SalesforceId.require(SalesforceTestbedFixture.ORG_ID));
    });
    // It says so: an error row naming the org that syncs the mailbox, and the rep's statuses.
    Blocking.await(sandboxDrainer.drainOnce());
    String productionOrg = SalesforceId.require(SalesforceTestbedFixture.ORG_ID);
    assertThat(sandbox.sim.records("ExchangeSyncError__c")).singleElement().satisfies(o -> {
      JsonObject row = (JsonObject) o;
      assertThat(row.getString("Error_Code__c")).isEqualTo("MAILBOX_SYNCED_BY_ANOTHER_ORG");
      assertThat(row.getString("Error_Message__c")).isEqualTo("This mailbox is synced by org " + productionOrg
          + "; remove the rep from one org's configurations.");
      assertThat(row.getString("Suggestion__c")).contains("--release-mailbox " + ANN_MAIL + " " + productionOrg);
    });
    JsonObject status = sandboxStatus();
    for (String field : List.of("Contacts_To_Exchange_Status__c", "Contacts_To_Salesforce_Status__c",
        "Events_To_Exchange_Status__c", "Events_To_Salesforce_Status__c")) {
      assertThat(status.getString(field)).as(field).isEqualTo(StatusValues.SYNCED_BY_ANOTHER_ORG);
    }
    assertThat(status.getString("Recognized_By_Service_Account__c")).isEqualTo(StatusValues.RECOGNIZED);
    // The mark is production's still, and production goes on syncing.
    assertThat(syncingOrg()).contains(productionOrg);
    cycle.run();
    assertThat(sf.sim.records("Contact").stream().map(c -> ((JsonObject) c).getString("LastName"))).contains("Outlook");

    // A second sandbox cycle writes no status (the drain then updates the one error row: one row per error).
    long statusWrites = sandbox.calls("upsert");
    sandboxCycle.run();
    assertThat(sandbox.calls("upsert")).isEqualTo(statusWrites);
    Blocking.await(sandboxDrainer.drainOnce());
    assertThat(sandbox.sim.records("ExchangeSyncError__c")).hasSize(1);
  }

  @Test
  void removingTheRepFromTheOrgThatSyncsTheMailbox_releasesIt_toTheOther() throws Exception {
    contact(ANN, "Pat", "Production", "pat@customer.example.com");
    cycle.run();
    sandboxContact("Sam", "Sandbox", "sam@customer.example.com");
    sandboxCycle.run();
    assertThat(names(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync"))).containsExactly("Pat Production");

    // Production's admin takes Ann out of its configurations (here the one she is in, individually and by
    // profile, no longer syncs her: it is made inactive).
    sf.sim.update("Exchange_Sync_Configuration__c", config, new JsonObject().put("Active__c", false));
    cycle.run();
    assertThat(syncingOrg()).isEmpty();

    sandboxCycle.run();
    assertThat(syncingOrg()).contains(SalesforceId.require(SANDBOX_ORG));
    assertThat(names(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync"))).contains("Sam Sandbox");
    assertThat(sandboxStatus().getString("Contacts_To_Exchange_Status__c")).isEqualTo(StatusValues.INITIAL_SYNC_COMPLETED);
  }

  @Test
  void resetSyncOnTheOrgThatSyncsTheMailbox_keepsTheMark() throws Exception {
    contact(ANN, "Pat", "Production", "pat@customer.example.com");
    cycle.run();
    String statusId = userStatus(ANN).getString("Id");
    sf.sim.update("Exchange_Sync_User_Status__c", statusId, new JsonObject().put("Reset_Status__c", "Marked for reset"));
    cycle.run();
    assertThat(userStatus(ANN).getString("Reset_Status__c")).isNull();
    assertThat(syncingOrg()).contains(SalesforceId.require(SalesforceTestbedFixture.ORG_ID));

    sandboxContact("Sam", "Sandbox", "sam@customer.example.com");
    sandboxCycle.run();
    assertThat(names(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync"))).containsExactly("Pat Production");
    assertThat(sandboxStatus().getString("Contacts_To_Exchange_Status__c")).isEqualTo(StatusValues.SYNCED_BY_ANOTHER_ORG);
  }

  private String sandboxContact(String first, String last, String email) {
    return sandbox.sim.create("Contact", new JsonObject().put("FirstName", first).put("LastName", last).put("Email", email)
        .put("OwnerId", ANN)).getString("Id");
  }

  private JsonObject sandboxStatus() {
    return sandbox.sim.records("Exchange_Sync_User_Status__c").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("User_Key__c").startsWith(ANN)).findFirst().orElseThrow();
  }

  /** The org id the mailbox's mark names, read as another worker would. */
  private Optional<String> syncingOrg() throws Exception {
    try (Mailbox mailbox = ex.connector().open(ANN_MAIL)) {
      return mailbox.syncingOrg();
    }
  }

  /** Every EWS call that writes to a mailbox, so far. */
  private long exchangeWrites() {
    JsonObject calls = ex.sim.stats().getJsonObject("calls");
    return List.of("CreateItem", "UpdateItem", "DeleteItem", "MoveItem", "CopyItem", "CreateFolder", "UpdateFolder").stream()
        .mapToLong(op -> calls.getLong(op, 0L)).sum();
  }

  private static List<String> names(JsonArray contacts) {
    return contacts.stream().map(JsonObject.class::cast)
        .map(c -> c.getString("givenName") + " " + c.getString("surname")).toList();
  }
}
