package com.exchangesync.testbed.demo;

import com.exchangesync.testbed.exchange.ContactsSubfolder;
import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The demo organisation both test beds start with under {@code --demo}: a
 * Salesforce org with Exchange Sync set up and one active configuration (both
 * ways), and an Exchange organisation with three reps' mailboxes.
 * <ul>
 *   <li>Maria syncs through her profile, Tom individually; Lee is in no configuration.</li>
 *   <li>A few dozen contacts on both sides; one Exchange contact's email matches two
 *       Salesforce contacts (the configuration's preference, "Has the most recent activity", picks one); one Exchange
 *       contact has no surname, which Salesforce refuses (an error row with a fix).</li>
 * </ul>
 */
public final class DemoOrg {

  public static final String ORG_ID = "00D5g00000DEMOA";
  public static final String INTEGRATION_USER = "integration@demo.example.com";
  public static final String INTEGRATION_PASSWORD = "demo-integration-password";
  public static final String SERVICE_ACCOUNT = "exsync-svc@demo.example.com";
  public static final String SERVICE_PASSWORD = "demo-only-password";
  static final String MARIA = "0055g00000MARIA";
  static final String TOM = "0055g00000TOMBK";
  static final String LEE = "0055g00000LEEWG";
  static final String SALES_PROFILE = "00e5g00000SALES";
  static final String OTHER_PROFILE = "00e5g00000OTHER";

  private DemoOrg() {}

  /** Seeds both test beds. */
  public static void seed(String exchangeBaseUrl, String ewsUrl, String salesforceBaseUrl) throws Exception {
    ExchangeSimClient ex = new ExchangeSimClient(exchangeBaseUrl);
    SalesforceSimClient sf = new SalesforceSimClient(salesforceBaseUrl);
    List<String> reps = List.of("maria@demo.example.com", "tom@demo.example.com", "lee@demo.example.com");
    ex.serviceAccount(SERVICE_ACCOUNT, SERVICE_PASSWORD, reps);
    ex.mailbox("maria@demo.example.com", "Maria Garcia");
    ex.mailbox("tom@demo.example.com", "Tom Becker");
    ex.mailbox("lee@demo.example.com", "Lee Wong");

    sf.org(new JsonObject().put("orgId", ORG_ID).put("name", "Demo Corp")
        .put("integrationUser", new JsonObject().put("username", INTEGRATION_USER).put("password", INTEGRATION_PASSWORD))
        .put("users", new JsonArray()
            .add(user(MARIA, "maria@demo.example.com", "Maria Garcia", SALES_PROFILE))
            .add(user(TOM, "tom@demo.example.com", "Tom Becker", OTHER_PROFILE))
            .add(user(LEE, "lee@demo.example.com", "Lee Wong", OTHER_PROFILE))));
    sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", SERVICE_ACCOUNT).put("Service_Account_Password__c", SERVICE_PASSWORD)
        .put("Exchange_Endpoint__c", ewsUrl));
    String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Sales reps").put("Active__c", true)
        .put("Description__c", "Contacts both ways for the sales team")
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Salesforce wins")
        .put("Contact_Match_Preference__c", "Has the most recent activity").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true).put("Event_Sync_Direction__c", "Don't sync")).getString("Id");
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", SALES_PROFILE));
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "User")
        .put("User__c", TOM));

    String[][] people = {{"Ana", "Silva"}, {"Ben", "Okafor"}, {"Chloe", "Martin"}, {"Dev", "Patel"}, {"Eva", "Novak"},
        {"Femi", "Adeyemi"}, {"Greta", "Lind"}, {"Hugo", "Roux"}, {"Ines", "Costa"}, {"Jon", "Berg"}, {"Kira", "Sato"},
        {"Luca", "Bianchi"}};
    for (int i = 0; i < people.length; i++) {
      sf.create("Contact", contact(people[i][0], people[i][1], "customer" + (i % 4)).put("OwnerId", MARIA));
    }
    for (int i = 0; i < 8; i++) {
      sf.create("Contact", contact("Tom's", "Account" + i, "partner" + i).put("OwnerId", TOM));
    }
    for (int i = 0; i < 5; i++) {
      sf.create("Contact", contact("Lee's", "Lead" + i, "lead" + i).put("OwnerId", LEE));
    }
    // Two Salesforce contacts share an email; Tom has the person in Outlook too.
    sf.create("Contact", new JsonObject().put("FirstName", "Pat").put("LastName", "Jones").put("Email", "pat.jones@acme.example.com")
        .put("Title", "Buyer").put("OwnerId", TOM));
    String patricia = sf.create("Contact", new JsonObject().put("FirstName", "Patricia").put("LastName", "Jones")
        .put("Email", "pat.jones@acme.example.com").put("Title", "Head of purchasing").put("OwnerId", TOM)).getString("Id");
    sf.create("Event", new JsonObject().put("Subject", "Quarterly review").put("WhoId", patricia).put("OwnerId", TOM)
        .put("StartDateTime", "2026-11-20T10:00:00Z").put("EndDateTime", "2026-11-20T11:00:00Z"));

    createSyncFolder(ewsUrl, "maria@demo.example.com");
    createSyncFolder(ewsUrl, "tom@demo.example.com");
    for (int i = 0; i < 6; i++) {
      ex.createContact("maria@demo.example.com", "Salesforce_Sync", new JsonObject().put("givenName", "Outlook" + i)
          .put("surname", "Contact").put("email", "outlook" + i + "@prospects.example.com").put("companyName", "Prospect " + i)
          .put("businessPhone", "+34 91 555 01" + (10 + i)));
    }
    ex.createContact("maria@demo.example.com", "Salesforce_Sync", new JsonObject().put("givenName", "Ana").put("surname", "Silva")
        .put("email", "ana.silva@customer0.example.com").put("mobilePhone", "+351 91 555 0100"));
    ex.createContact("maria@demo.example.com", "Salesforce_Sync", new JsonObject().put("givenName", "Nameless")
        .put("email", "no.surname@prospects.example.com"));
    ex.createContact("tom@demo.example.com", "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Jones")
        .put("email", "pat.jones@acme.example.com").put("mobilePhone", "+49 151 555 0199"));
    for (int i = 0; i < 4; i++) {
      ex.createContact("tom@demo.example.com", "Salesforce_Sync", new JsonObject().put("givenName", "Partner" + i)
          .put("surname", "Outlook").put("email", "partner.outlook" + i + "@partners.example.com"));
    }
    ex.createContact("lee@demo.example.com", null, new JsonObject().put("givenName", "Lee's").put("surname", "Private")
        .put("email", "private@lee.example.com"));
  }

  private static JsonObject user(String id, String email, String name, String profile) {
    return new JsonObject().put("id", id).put("username", email.replace("@demo.", "@sf.demo.")).put("email", email)
        .put("name", name).put("profileId", profile);
  }

  private static JsonObject contact(String first, String last, String company) {
    return new JsonObject().put("FirstName", first).put("LastName", last)
        .put("Email", (first + "." + last).toLowerCase().replace("'", "") + "@" + company + ".example.com")
        .put("Phone", "+1 415 555 0" + Math.abs((first + last).hashCode() % 900 + 100));
  }

  private static void createSyncFolder(String ewsUrl, String smtp) throws Exception {
    ContactsSubfolder.create(ewsUrl, SERVICE_ACCOUNT, SERVICE_PASSWORD, smtp, "Salesforce_Sync");
  }
}
