package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceId;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The configuration's rules, each through a whole cycle against both test beds:
 * direction, scope and filters, the match preference, merging both ways with
 * the winner, deletes that unlink, inactive users, and who may sync.
 */
class ContactRulesIT extends CycleTestBase {

  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  private void configure(JsonObject changes) {
    sf.sim.update("Exchange_Sync_Configuration__c", config, changes);
  }

  private List<JsonObject> annItems() {
    return ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").stream().map(o -> (JsonObject) o).toList();
  }

  private JsonObject annItem(String surname) {
    return annItems().stream().filter(i -> surname.equals(i.getString("surname"))).findFirst().orElseThrow();
  }

  private RepOutcome outcomeOf(List<RepOutcome> outcomes, String email) {
    return outcomes.stream().filter(o -> o.email().equals(email) && o.concerns(ItemKind.CONTACT)).findFirst().orElseThrow();
  }

  @Test
  void directionNone_readsAndWritesNothing_andSaysSo() throws Exception {
    configure(new JsonObject().put("Contact_Sync_Direction__c", "Don't sync"));
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    cycle.run();
    assertThat(ex.sim.contacts(ANN_MAIL, null)).isEmpty();
    JsonObject status = userStatus(ANN);
    assertThat(status.getString("Contacts_To_Exchange_Status__c")).isEqualTo("Exchange configuration not set to sync");
    assertThat(status.getString("Contacts_To_Salesforce_Status__c")).isEqualTo("Exchange configuration not set to sync");
  }

  @Test
  void inactiveUsersAndUsersInNoConfigurationAreNotReps() throws Exception {
    List<RepOutcome> outcomes = cycle.run();
    assertThat(outcomes).extracting(RepOutcome::email).doesNotContain("eve@corp.example.com", "cy@corp.example.com");
    assertThat(userStatus(EVE)).isNull();
  }

  @Test
  void salesforceToExchange_allContactsTheRepCanSee_throughTheFieldFilters_andNothingBack() throws Exception {
    configure(new JsonObject().put("Contact_Sync_Direction__c", "Salesforce to Exchange").put("Contact_Scope__c", "All Contacts")
        .put("Contact_Users_Records__c", false)
        .put("Contact_Filter__c", "[{\"field\":\"MailingCountry\",\"operator\":\"EQUALS\",\"value\":\"France\"}]"));
    sf.sim.create("Contact", new JsonObject().put("LastName", "BobsFrench").put("MailingCountry", "France").put("OwnerId", BOB));
    sf.sim.create("Contact", new JsonObject().put("LastName", "AnnsFrench").put("MailingCountry", "France").put("OwnerId", ANN));
    sf.sim.create("Contact", new JsonObject().put("LastName", "AnnsGerman").put("MailingCountry", "Germany").put("OwnerId", ANN));
    ex.connector().open(ANN_MAIL).close();
    ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("surname", "OnlyInOutlook"));
    cycle.run();
    assertThat(annItems()).extracting(i -> i.getString("surname"))
        .as("Bob's contact is visible to Ann (public sharing); the German one is filtered out")
        .containsExactlyInAnyOrder("BobsFrench", "AnnsFrench", "OnlyInOutlook");
    assertThat(sf.sim.records("Contact")).as("nothing goes to Salesforce").hasSize(3);
  }

  @Test
  void aFirstSync_readsTheRepsContactsAndTheMatchsCandidatesInOneQuery_andMatchesAColleaguesContact() throws Exception {
    String own = contact(ANN, "Ann", "Own", "own@acme.example.com");
    String colleagues = contact(BOB, "Pat", "Shared", "pat@acme.example.com");
    ex.connector().open(ANN_MAIL).close();
    String item = ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Pat")
        .put("surname", "Shared").put("email", "PAT@acme.example.com")).getString("id");
    int before = sf.sim.queries().size();
    cycle.run();
    List<String> contactReads = sf.sim.queries().subList(before, sf.sim.queries().size()).stream()
        .filter(q -> q.contains(" FROM Contact WHERE") && !q.contains(SalesforceId.canonical(BOB).orElseThrow())).toList();
    assertThat(contactReads).as("Ann's contacts and the match's candidates, read together").singleElement()
        .satisfies(q -> assertThat(q).contains("OwnerId = ", " OR ", "Email IN ("));
    JsonObject linked = ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").stream().map(o -> (JsonObject) o)
        .filter(i -> i.getString("id").equals(item)).findFirst().orElseThrow();
    assertThat(com.exchangesync.worker.crash.SyncedWorldView.salesforceId(linked)).as("matched whoever owns it")
        .startsWith(colleagues);
    assertThat(annItems()).extracting(i -> i.getString("surname")).as("the colleague's contact is not the rep's to copy")
        .containsExactlyInAnyOrder("Own", "Shared");
    assertThat(annItem("Own").getString("id")).isNotNull();
    assertThat(sf.sim.records("Contact")).as("nothing made twice").hasSize(2);
    assertThat(sf.sim.get("Contact", own).getString("OwnerId")).startsWith(ANN);
  }

  @Test
  void anEmailMatchingSeveralContacts_followsThePreference() throws Exception {
    configure(new JsonObject().put("Contact_Sync_Direction__c", "Exchange to Salesforce"));
    String first = contact(ANN, "Pat", "One", "pat@acme.example.com");
    String second = contact(ANN, "Pat", "Two", "pat@acme.example.com");
    sf.sim.update("Contact", first, new JsonObject().put("Title", "Touched last"));
    ex.connector().open(ANN_MAIL).close();
    String item = ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Pat")
        .put("surname", "Outlook").put("email", "PAT@acme.example.com")).getString("id");
    cycle.run();
    JsonObject linked = ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").stream().map(o -> (JsonObject) o)
        .filter(i -> i.getString("id").equals(item)).findFirst().orElseThrow();
    assertThat(com.exchangesync.worker.crash.SyncedWorldView.salesforceId(linked)).as("the last updated of the two").startsWith(first);
    assertThat(sf.sim.get("Contact", first).getString("LastName")).as("Exchange to Salesforce: the item's surname wins")
        .isEqualTo("Outlook");
    assertThat(sf.sim.get("Contact", second).getString("LastName")).isEqualTo("Two");
    assertThat(sf.sim.records("Contact")).hasSize(2);
  }

  @Test
  void bothWays_oneSidedEditsMerge_andAConflictFollowsTheWinner() throws Exception {
    String id = contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    cycle.run();
    String item = annItem("Customer").getString("id");
    sf.sim.update("Contact", id, new JsonObject().put("Title", "Head buyer").put("MailingCity", "Lyon"));
    ex.sim.updateContact(ANN_MAIL, item, new JsonObject().put("mobilePhone", "+33 6 11").put("city", "Nice"));
    cycle.run();
    assertThat(sf.sim.get("Contact", id).getString("MobilePhone")).isEqualTo("+33 6 11");
    assertThat(sf.sim.get("Contact", id).getString("MailingCity")).as("both changed: Salesforce wins").isEqualTo("Lyon");
    assertThat(annItem("Customer").getString("jobTitle")).isEqualTo("Head buyer");
    assertThat(annItem("Customer").getString("city")).isEqualTo("Lyon");

    configure(new JsonObject().put("Contact_Conflict_Behavior__c", "Exchange wins"));
    sf.sim.update("Contact", id, new JsonObject().put("MailingCity", "Paris"));
    ex.sim.updateContact(ANN_MAIL, item, new JsonObject().put("city", "Marseille"));
    cycle.run();
    assertThat(sf.sim.get("Contact", id).getString("MailingCity")).isEqualTo("Marseille");
    assertThat(annItem("Customer").getString("city")).isEqualTo("Marseille");
  }

  @Test
  void aContactDeletedWhileNoPositionCoveredIt_isFoundByTheReadFromTheStart_andItsItemKeptUnlinked() throws Exception {
    String lee = contact(ANN, "Lee", "Deleted", "lee@customer.example.com");
    contact(ANN, "Kim", "Kept", "kim@customer.example.com");
    cycle.run();
    sf.sim.delete("Contact", lee);
    // The saved position is one of another direction now: Salesforce is read from the start, with no window of deletions.
    configure(new JsonObject().put("Contact_Sync_Direction__c", "Salesforce to Exchange"));
    cycle.run();

    assertThat(links(ANN, ItemKind.CONTACT)).as("no link names a deleted contact").extracting(l -> l.salesforceId().substring(0, 15))
        .doesNotContain(lee.substring(0, 15)).hasSize(1);
    assertThat(annItem("Deleted")).as("its item stays: a deletion unlinks, never deletes in turn").isNotNull();
    assertThat(sf.sim.records("Contact")).as("and it is not made again in Salesforce").hasSize(1);
  }

  @Test
  void deletingOnOneSideUnlinks_neverDeletes_andDoesNotComeBack() throws Exception {
    String kept = contact(ANN, "Kept", "InSalesforce", "kept@customer.example.com");
    String gone = contact(ANN, "Gone", "FromSalesforce", "gone@customer.example.com");
    cycle.run();
    cycle.run();
    ex.sim.deleteContact(ANN_MAIL, annItem("InSalesforce").getString("id"));
    sf.sim.delete("Contact", gone);
    RepOutcome outcome = outcomeOf(cycle.run(), ANN_MAIL);
    assertThat(outcome.report().orElseThrow().unlinked()).isEqualTo(2);
    assertThat(sf.sim.get("Contact", kept).getString("LastName")).as("the Salesforce contact stays").isEqualTo("InSalesforce");
    assertThat(annItems()).extracting(i -> i.getString("surname")).as("the item of the deleted contact stays; the deleted item "
        + "is not re-created").containsExactly("FromSalesforce");
    assertThat(outcomeOf(cycle.run(), ANN_MAIL).report().orElseThrow().writes()).isZero();
    Map<String, Long> lastNames = sf.sim.records("Contact").stream().map(o -> ((JsonObject) o).getString("LastName"))
        .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    assertThat(lastNames).containsOnlyKeys("InSalesforce");
  }

  @Test
  void aProfileMemberAndAnIndividualMemberOfAnotherConfiguration_syncByTheIndividualOne() throws Exception {
    String other = sf.sim.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Other").put("Active__c", true)
        .put("Contact_Sync_Direction__c", "Don't sync").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true)).getString("Id");
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", other).put("Member_Type__c", "User")
        .put("User__c", BOB));
    contact(BOB, "Bobs", "Contact", "bobs@customer.example.com");
    cycle.run();
    assertThat(userStatus(BOB).getString("Contacts_To_Exchange_Status__c"))
        .as("Bob is individually in 'Other', which does not sync").isEqualTo("Exchange configuration not set to sync");
    assertThat(ex.sim.contacts("bob@corp.example.com", null)).isEmpty();
  }

  @Test
  void theServiceAccountIsReportedRecognized_orNot_onTheSetup() throws Exception {
    cycle.run();
    JsonObject setup = sf.sim.records("Exchange_Sync_Setup__c").getJsonObject(0);
    assertThat(setup.getString("Service_Account_Status__c")).isEqualTo("Recognized");
    sf.sim.update("Exchange_Sync_Setup__c", setup.getString("Id"), new JsonObject().put("Service_Account_Password__c", "wrong"));
    List<RepOutcome> outcomes = cycle.run();
    assertThat(outcomes).filteredOn(o -> !o.state().equals("skipped")).allSatisfy(o -> assertThat(o.state()).isEqualTo("failed"));
    assertThat(sf.sim.get("Exchange_Sync_Setup__c", setup.getString("Id")).getString("Service_Account_Status__c"))
        .isEqualTo("Not recognized");
    assertThat(userStatus(ANN).getString("Recognized_By_Service_Account__c")).isEqualTo("Not recognized");
    JsonObject system = sf.sim.records("Exchange_Sync_System_Status__c").getJsonObject(0);
    assertThat(system.getBoolean("Service_Account_Recognized__c")).isFalse();
    assertThat(system.getBoolean("Service_Account_Provided__c")).isTrue();
  }

  @Test
  void aFirstSyncThatCannotFinish_showsInitialSyncInProgress_andTheCause() throws Exception {
    ex.sim.fault(new JsonObject().put("operation", "SyncFolderItems").put("kind", "http500").put("count", -1));
    RepOutcome ann = outcomeOf(cycle.run(), ANN_MAIL);
    assertThat(ann.state()).isEqualTo("failed");
    assertThat(userStatus(ANN).getString("Contacts_To_Exchange_Status__c")).isEqualTo("Initial sync in progress");
    drainer.drainOnce().toCompletionStage().toCompletableFuture().get();
    assertThat(sf.sim.records("ExchangeSyncError__c").stream().map(o -> ((JsonObject) o).getString("Error_Code__c")))
        .contains("EXCHANGE_UNAVAILABLE");
  }
}
