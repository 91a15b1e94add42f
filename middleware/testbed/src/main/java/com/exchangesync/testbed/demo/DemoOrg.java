package com.exchangesync.testbed.demo;

import com.exchangesync.testbed.exchange.ContactsSubfolder;
import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo organisation both test beds start with under {@code --demo}: a
 * Salesforce org with Exchange Sync set up and one active configuration (contacts
 * and events both ways), and an Exchange organisation with three reps' mailboxes.
 * The integration user has no password: the worker signs in through OAuth 2.0, with an
 * External Client App that {@code scripts/demo} registers ({@code PUT /sim/oauth/apps}) with
 * a throwaway certificate it makes at start.
 * <ul>
 *   <li>Maria syncs through her profile, Tom individually; Lee is in no configuration.</li>
 *   <li>A few dozen contacts on both sides; one Exchange contact's email matches two
 *       Salesforce contacts (the configuration's preference, "Has the most recent activity", picks one); one Exchange
 *       contact has no surname, which Salesforce refuses (an error row with a fix).</li>
 *   <li>Events on both sides, dated from today ({@link DemoEvents}): a weekly series with a
 *       moved and a cancelled occurrence, an all-day event, a private one, meetings with
 *       invitees.</li>
 * </ul>
 */
public final class DemoOrg {

  public static final String ORG_ID = "00D5g00000DEMOA";
  public static final String INTEGRATION_USER = "integration@demo.example.com";
  public static final String SERVICE_ACCOUNT = "exsync-svc@demo.example.com";
  public static final String SERVICE_PASSWORD = "demo-only-password";
  public static final String MARIA = "0055g00000MARIA";
  public static final String TOM = "0055g00000TOMBK";
  public static final String LEE = "0055g00000LEEWG";
  public static final String MARIA_MAIL = "maria@demo.example.com";
  public static final String TOM_MAIL = "tom@demo.example.com";
  public static final String LEE_MAIL = "lee@demo.example.com";
  static final String SALES_PROFILE = "00e5g00000SALES";
  static final String OTHER_PROFILE = "00e5g00000OTHER";

  private DemoOrg() {}

  /** Seeds both test beds, with events dated from today in the reps' time zone. */
  public static void seed(String exchangeBaseUrl, String ewsUrl, String salesforceBaseUrl) throws Exception {
    seed(exchangeBaseUrl, ewsUrl, salesforceBaseUrl, LocalDate.now(DemoEvents.ZONE));
  }

  /** Seeds both test beds, with events dated from {@code today}. */
  public static void seed(String exchangeBaseUrl, String ewsUrl, String salesforceBaseUrl, LocalDate today) throws Exception {
    ExchangeSimClient ex = new ExchangeSimClient(exchangeBaseUrl);
    SalesforceSimClient sf = new SalesforceSimClient(salesforceBaseUrl);
    List<String> reps = List.of(MARIA_MAIL, TOM_MAIL, LEE_MAIL);
    ex.serviceAccount(SERVICE_ACCOUNT, SERVICE_PASSWORD, reps);
    ex.mailbox(MARIA_MAIL, "Maria Garcia");
    ex.mailbox(TOM_MAIL, "Tom Becker");
    ex.mailbox(LEE_MAIL, "Lee Wong");

    sf.org(new JsonObject().put("orgId", ORG_ID).put("name", "Demo Corp")
        .put("integrationUser", new JsonObject().put("username", INTEGRATION_USER))
        .put("users", new JsonArray()
            .add(user(MARIA, MARIA_MAIL, "Maria Garcia", SALES_PROFILE))
            .add(user(TOM, TOM_MAIL, "Tom Becker", OTHER_PROFILE))
            .add(user(LEE, LEE_MAIL, "Lee Wong", OTHER_PROFILE))));
    sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", SERVICE_ACCOUNT).put("Service_Account_Password__c", SERVICE_PASSWORD)
        .put("Exchange_Endpoint__c", ewsUrl));
    String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Sales reps").put("Active__c", true)
        .put("Description__c", "Contacts and events both ways for the sales team")
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Salesforce wins")
        .put("Contact_Match_Preference__c", "Has the most recent activity").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true).put("Event_Sync_Direction__c", "Both directions")
        .put("Event_Conflict_Behavior__c", "Salesforce wins").put("Sync_Private_Events__c", false)
        .put("Event_Filter__c", "TODAY")).getString("Id");
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
    sf.create("Contact", new JsonObject().put("FirstName", "Patricia").put("LastName", "Jones")
        .put("Email", "pat.jones@acme.example.com").put("Title", "Head of purchasing").put("OwnerId", TOM));

    createSyncFolder(ewsUrl, MARIA_MAIL);
    createSyncFolder(ewsUrl, TOM_MAIL);
    for (int i = 0; i < 6; i++) {
      ex.createContact(MARIA_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook" + i)
          .put("surname", "Contact").put("email", "outlook" + i + "@prospects.example.com").put("companyName", "Prospect " + i)
          .put("businessPhone", "+34 91 555 01" + (10 + i)));
    }
    ex.createContact(MARIA_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Ana").put("surname", "Silva")
        .put("email", "ana.silva@customer0.example.com").put("mobilePhone", "+351 91 555 0100"));
    ex.createContact(MARIA_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Nameless")
        .put("email", "no.surname@prospects.example.com"));
    ex.createContact(TOM_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Jones")
        .put("email", "pat.jones@acme.example.com").put("mobilePhone", "+49 151 555 0199"));
    for (int i = 0; i < 4; i++) {
      ex.createContact(TOM_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Partner" + i)
          .put("surname", "Outlook").put("email", "partner.outlook" + i + "@partners.example.com"));
    }
    ex.createContact(LEE_MAIL, null, new JsonObject().put("givenName", "Lee's").put("surname", "Private")
        .put("email", "private@lee.example.com"));

    DemoEvents.seed(ex, sf, today);
  }

  private static JsonObject user(String id, String email, String name, String profile) {
    return new JsonObject().put("id", id).put("username", email.replace("@demo.", "@sf.demo.")).put("email", email)
        .put("name", name).put("profileId", profile).put("timeZoneSidKey", DemoEvents.ZONE.getId());
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
