package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.exchange.graph.GraphTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole cycles with the org on Exchange Online, against the Salesforce and Graph
 * test beds and PostgreSQL: contacts both ways, the connection test's five checks,
 * an app granted only by RBAC for Applications (Microsoft's recommended way),
 * a rep outside the app's scope named in an error row and a status while the
 * others sync, throttling waited out without an error row, and an expired delta
 * token answered by a full read that duplicates nothing.
 */
class GraphCycleIT extends CycleTestBase {

  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;
  private GraphCycles graph;

  @Override
  MailboxConnectors graphConnectors() throws Exception {
    graph = new GraphCycles(ex);
    return graph.connectors(sf.vertx);
  }

  @BeforeEach
  void onExchangeOnline() {
    graph.setType(sf, GraphCycles.GRAPH);
  }

  @AfterEach
  void closeGraph() throws Exception {
    graph.assertOnlyGraphWasUsed();
    graph.close();
  }

  private List<String> errorCodes() throws Exception {
    Blocking.await(drainer.drainOnce());
    return sf.sim.records("ExchangeSyncError__c").stream().map(o -> ((JsonObject) o).getString("Error_Code__c")).toList();
  }

  private long graphWrites() {
    return List.of("contacts.create", "contact.update", "contact.delete", "events.create", "event.update", "event.delete").stream()
        .mapToLong(graph.graph::calls).sum();
  }

  @Test
  void contactsSyncBothWays_statusesSayRecognized_andASecondCycleWritesNothingAnywhere() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(BOB, "Bo", "Bobs", "bo@customer.example.com");
    List<RepOutcome> first = cycle.run();
    ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook").put("surname", "Only")
        .put("email", "outlook@customer.example.com").put("businessPhone", "+49 30 1234"));
    cycle.run();

    assertThat(first.stream().filter(o -> o.concerns(ItemKind.CONTACT) && o.state().equals("synced")).map(RepOutcome::email))
        .containsExactlyInAnyOrder(ANN_MAIL, ExchangeTestbedFixture.BOB);
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(2);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).hasSize(1);
    JsonObject outlook = sf.sim.records("Contact").stream().map(JsonObject.class::cast)
        .filter(c -> "Only".equals(c.getString("LastName"))).findFirst().orElseThrow();
    assertThat(outlook.getString("OwnerId")).startsWith(ANN);
    assertThat(outlook.getString("Phone")).isEqualTo("+49 30 1234");
    assertThat(userStatus(ANN).getString("Recognized_By_Service_Account__c")).isEqualTo("Recognized");
    assertThat(userStatus(DEE).getBoolean("Addresses_Linked__c")).as("Dee's domain is not among Setup's").isFalse();
    JsonObject system = sf.sim.records("Exchange_Sync_System_Status__c").getJsonObject(0);
    assertThat(system.getBoolean("Service_Account_Provided__c")).isTrue();
    assertThat(system.getBoolean("Service_Account_Recognized__c")).isTrue();

    long writes = graphWrites();
    long sfWrites = sf.calls("upsert") + sf.calls("update") + sf.calls("create");
    cycle.run();
    List<RepOutcome> quiet = cycle.run();
    assertThat(quiet.stream().filter(o -> o.report().isPresent())).allSatisfy(o -> assertThat(o.report().get().writes()).isZero());
    assertThat(graphWrites()).as("Graph writes in quiet cycles").isEqualTo(writes);
    assertThat(sf.calls("upsert") + sf.calls("create")).isLessThanOrEqualTo(sfWrites);
    assertThat(errorCodes()).isEmpty();
  }

  @Test
  void aRequestedConnectionTest_runsGraphsFiveChecks_andOneForAnOrgWithoutTenantSaysWhatIsMissing() throws Exception {
    String test = sf.sim.create("Exchange_Sync_Connection_Test__c", new JsonObject().put("Email__c", ANN_MAIL)
        .put("Status__c", "Requested")).getString("Id");
    cycle.run();
    JsonObject passed = sf.sim.get("Exchange_Sync_Connection_Test__c", test);
    assertThat(passed.getString("Status__c")).isEqualTo("Passed");
    assertThat(new JsonArray(passed.getString("Results__c")).stream().map(o -> ((JsonObject) o).getString("name")))
        .containsExactly("Token", "Permissions", "Mailbox in scope", "Contacts folder", "Calendar");

    JsonObject setup = sf.sim.records("Exchange_Sync_Setup__c").getJsonObject(0);
    sf.sim.update("Exchange_Sync_Setup__c", setup.getString("Id"), new JsonObject().putNull("Tenant_Id__c"));
    String second = sf.sim.create("Exchange_Sync_Connection_Test__c", new JsonObject().put("Email__c", ANN_MAIL)
        .put("Status__c", "Requested")).getString("Id");
    assertThat(cycle.run()).as("nothing syncs without a tenant").isEmpty();
    JsonObject failed = sf.sim.get("Exchange_Sync_Connection_Test__c", second);
    assertThat(failed.getString("Status__c")).isEqualTo("Failed");
    JsonArray results = new JsonArray(failed.getString("Results__c"));
    assertThat(results.getJsonObject(0).getString("name")).isEqualTo("Token");
    assertThat(results.getJsonObject(0).getString("message")).contains("names no Tenant ID");
    assertThat(results.getJsonObject(4).getString("status")).isEqualTo("SKIPPED");
    assertThat(sf.sim.records("Exchange_Sync_System_Status__c").getJsonObject(0).getBoolean("Service_Account_Provided__c"))
        .isFalse();
  }

  @Test
  void aRepOutsideTheAppsScope_isNamedInAnErrorRowAndAStatus_whileTheOthersSync() throws Exception {
    graph.graph.registerApp(GraphTestbedFixture.BOTH, new JsonArray().add(ANN_MAIL));
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(BOB, "Bo", "Bobs", "bo@customer.example.com");
    List<RepOutcome> outcomes = cycle.run();
    assertThat(outcomes.stream().filter(o -> o.email().equals(ANN_MAIL) && o.concerns(ItemKind.CONTACT)).findFirst().orElseThrow()
        .state()).isEqualTo("synced");
    assertThat(outcomes.stream().filter(o -> o.email().equals(ExchangeTestbedFixture.BOB)).findFirst().orElseThrow().state())
        .isEqualTo("failed");
    assertThat(userStatus(BOB).getString("Recognized_By_Service_Account__c")).isEqualTo("Not recognized");
    assertThat(errorCodes()).containsExactly("EXCHANGE_MAILBOX_OUT_OF_SCOPE");
    JsonObject row = sf.sim.records("ExchangeSyncError__c").getJsonObject(0);
    assertThat(row.getString("Suggestion__c")).contains("RBAC for Applications");
    assertThat(row.getString("User__c")).startsWith(BOB);
  }

  @Test
  void anAppGrantedOnlyByRbacForApplications_syncsContactsAndEventsBothWays_andItsConnectionTestPasses() throws Exception {
    graph.graph.registerRbacOnly(ANN_MAIL, ExchangeTestbedFixture.BOB);
    sf.sim.update("Exchange_Sync_Configuration__c", config, new JsonObject().put("Event_Sync_Direction__c", "Both directions")
        .put("Event_Conflict_Behavior__c", "Salesforce wins"));
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(BOB, "Bo", "Bobs", "bo@customer.example.com");
    String day = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    sf.sim.create("Event", new JsonObject().put("Subject", "Visit").put("StartDateTime", day + "T09:00:00Z")
        .put("EndDateTime", day + "T10:00:00Z").put("OwnerId", ANN));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Made in Outlook").put("start", day + "T13:00:00Z")
        .put("end", day + "T14:00:00Z"));
    String test = sf.sim.create("Exchange_Sync_Connection_Test__c", new JsonObject().put("Email__c", ANN_MAIL)
        .put("Status__c", "Requested")).getString("Id");

    List<RepOutcome> outcomes = cycle.run();

    assertThat(outcomes.stream().filter(o -> !o.email().startsWith("dee"))).as(outcomes.toString())
        .allSatisfy(o -> assertThat(o.state()).isEqualTo("synced"));
    assertThat(outcomes.stream().filter(o -> o.email().equals(ANN_MAIL) && o.kind().equals(java.util.Optional.of(ItemKind.EVENT))))
        .as("Ann's events had a pass of their own").singleElement().satisfies(o -> assertThat(o.state()).isEqualTo("synced"));
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(1);
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.BOB, "Salesforce_Sync")).hasSize(1);
    assertThat(ex.sim.events(ANN_MAIL)).hasSize(2);
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast).map(e -> e.getString("Subject")))
        .containsExactlyInAnyOrder("Visit", "Made in Outlook");
    assertThat(userStatus(ANN).getString("Recognized_By_Service_Account__c")).isEqualTo("Recognized");
    JsonObject tested = sf.sim.get("Exchange_Sync_Connection_Test__c", test);
    assertThat(tested.getString("Status__c")).isEqualTo("Passed");
    assertThat(new JsonArray(tested.getString("Results__c")).stream().map(o -> ((JsonObject) o).getString("status")))
        .containsOnly("PASSED").hasSize(5);
    assertThat(errorCodes()).isEmpty();
  }

  @Test
  void throttlingIsWaitedOut_withoutAnErrorRow() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    graph.graph.fault(new JsonObject().put("operation", "*").put("kind", "http429").put("count", 3).put("retryAfterSeconds", 1));
    graph.graph.fault(new JsonObject().put("operation", "contacts.create").put("kind", "http503").put("count", 1)
        .put("retryAfterSeconds", 1));
    List<RepOutcome> outcomes = cycle.run();
    assertThat(outcomes.stream().filter(o -> o.concerns(ItemKind.CONTACT) && !o.email().startsWith("dee")))
        .allSatisfy(o -> assertThat(o.state()).isEqualTo("synced"));
    assertThat(graph.graph.graphStats().getLong("throttled")).as("429s Graph answered").isGreaterThanOrEqualTo(3);
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(1);
    assertThat(errorCodes()).isEmpty();
  }

  @Test
  void anExpiredDeltaToken_isAFullRead_thatDuplicatesNothing_andMissesNoChange() throws Exception {
    sf.sim.update("Exchange_Sync_Configuration__c", config, new JsonObject().put("Event_Sync_Direction__c", "Both directions")
        .put("Event_Conflict_Behavior__c", "Salesforce wins"));
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
    sf.sim.create("Event", new JsonObject().put("Subject", "Call").put("StartDateTime", day + "T09:00:00Z")
        .put("EndDateTime", day + "T10:00:00Z").put("OwnerId", ANN));
    cycle.run(); // makes Salesforce_Sync, where Ann then keeps a contact of her own
    String outlook = ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook")
        .put("surname", "Only").put("email", "outlook@customer.example.com")).getString("id");
    cycle.run();

    graph.graph.fault(new JsonObject().put("operation", "*").put("kind", "expireDeltaTokens"));
    ex.sim.updateContact(ANN_MAIL, outlook, new JsonObject().put("jobTitle", "Buyer"));
    ex.sim.createEvent(ANN_MAIL, new JsonObject().put("subject", "Made while the token expired").put("start", day + "T13:00:00Z")
        .put("end", day + "T14:00:00Z"));
    cycle.run();

    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(2);
    assertThat(sf.sim.records("Contact")).hasSize(2);
    assertThat(sf.sim.records("Contact").stream().map(JsonObject.class::cast).filter(c -> "Only".equals(c.getString("LastName")))
        .findFirst().orElseThrow().getString("Title")).isEqualTo("Buyer");
    assertThat(ex.sim.events(ANN_MAIL)).hasSize(2);
    assertThat(sf.sim.records("Event").stream().map(JsonObject.class::cast).map(e -> e.getString("Subject")))
        .containsExactlyInAnyOrder("Call", "Made while the token expired");
    assertThat(errorCodes()).isEmpty();
  }
}
