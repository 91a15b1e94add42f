package com.exchangesync.bench;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.WriteResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org and mailboxes a sync benchmark runs on: R reps in one configuration
 * (through their profile), syncing contacts and events both ways ("Salesforce
 * wins", event filter {@code TODAY}), each with M contacts and K events, half made
 * in Salesforce and half in Outlook ({@link EventPlan} for the events). Records are
 * made through the worker's own adapters, in batches, before any latency is added.
 * {@link #fleet} is the same org with reps in two waves and records a benchmark makes itself.
 */
final class BenchOrg {

  static final String SERVICE = "svc@bench.example.com";
  static final String SERVICE_PASSWORD = "svc-bench";
  static final String INTEGRATION = "integration@bench.example.com";
  private static final String PROFILE = "00e5g00000BENCH";
  /** The profile of the reps who become members later ({@link #admitSecondWave}). */
  private static final String SECOND_PROFILE = "00e5g00000BENC2";

  final List<String> emails = new ArrayList<>();
  final List<String> userIds = new ArrayList<>();
  final int contactsInSalesforce;
  final int contactsInOutlook;
  final EventPlan salesforceEvents;
  final EventPlan outlookEvents;
  /** The reps (the first ones) who are members from the start; the others are once admitted. */
  final int firstWave;
  private final boolean bothKinds;

  BenchOrg(int reps, int contactsPerRep, int eventsPerRep) {
    this(reps, contactsPerRep, eventsPerRep, reps, false);
  }

  private BenchOrg(int reps, int contactsPerRep, int eventsPerRep, int firstWave, boolean bothKinds) {
    if (reps > 1_000_000 || firstWave < 1 || firstWave > reps) {
      throw new IllegalArgumentException("1 to 1,000,000 reps, of whom 1 to all in the first wave: " + reps + ", " + firstWave);
    }
    for (int r = 0; r < reps; r++) {
      emails.add("rep" + r + "@bench.example.com");
      userIds.add(String.format("0055g00BN%06d", r));
    }
    this.firstWave = firstWave;
    this.bothKinds = bothKinds;
    contactsInSalesforce = contactsPerRep / 2;
    contactsInOutlook = contactsPerRep - contactsInSalesforce;
    salesforceEvents = EventPlan.of(eventsPerRep / 2);
    outlookEvents = EventPlan.of(eventsPerRep - eventsPerRep / 2);
  }

  /**
   * An org whose configuration syncs contacts and events both ways and whose records the benchmark makes itself
   * (none here): the first {@code firstWave} reps are members from the start, the others once
   * {@link #admitSecondWave} made their profile a member too.
   */
  static BenchOrg fleet(int reps, int firstWave) {
    return new BenchOrg(reps, 0, 0, firstWave, true);
  }

  /** The kinds the configuration syncs (a kind with nothing to sync is set to "Don't sync", unless {@link #fleet}). */
  int kinds() {
    return (syncsContacts() ? 1 : 0) + (syncsEvents() ? 1 : 0);
  }

  private boolean syncsContacts() {
    return bothKinds || contactsInSalesforce + contactsInOutlook > 0;
  }

  private boolean syncsEvents() {
    return bothKinds || salesforceEvents.events() + outlookEvents.events() > 0;
  }

  /** The org, its setup and configuration, the service account and the mailboxes. */
  void create(SalesforceSimClient sf, ExchangeSimClient ex, String ewsUrl) {
    JsonArray users = new JsonArray();
    for (int r = 0; r < emails.size(); r++) {
      users.add(new JsonObject().put("id", userIds.get(r)).put("username", "sf." + emails.get(r)).put("email", emails.get(r))
          .put("name", "Rep " + r).put("profileId", r < firstWave ? PROFILE : SECOND_PROFILE).put("timeZoneSidKey", EventPlan.ZONE.getId()));
    }
    sf.org(new JsonObject().put("orgId", "00D5g00000BENCH").put("integrationUser", new JsonObject().put("username", INTEGRATION))
        .put("users", users));
    ex.serviceAccount(SERVICE, SERVICE_PASSWORD, emails);
    for (int r = 0; r < emails.size(); r++) {
      ex.mailbox(emails.get(r), "Rep " + r);
    }
    sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true).put("Service_Account_Username__c", SERVICE)
        .put("Service_Account_Password__c", SERVICE_PASSWORD).put("Exchange_Endpoint__c", ewsUrl));
    boolean contacts = syncsContacts();
    boolean events = syncsEvents();
    String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "Bench").put("Active__c", true)
        .put("Contact_Sync_Direction__c", contacts ? "Both directions" : "Don't sync").put("Contact_Scope__c", "Selected Contacts")
        .put("Contact_Users_Records__c", true).put("Event_Sync_Direction__c", events ? "Both directions" : "Don't sync")
        .put("Event_Conflict_Behavior__c", "Salesforce wins").put("Event_Filter__c", "TODAY")).getString("Id");
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", PROFILE));
  }

  /** Makes the reps after the first wave members too: their profile joins the configuration. */
  void admitSecondWave(SalesforceSimClient sf) {
    String config = sf.records("Exchange_Sync_Configuration__c").getJsonObject(0).getString("Id");
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", SECOND_PROFILE));
  }

  /** Each rep's contacts and events on both sides. */
  void seed(SalesforceAdapter adapter, String ewsUrl, LocalDate today) throws Exception {
    EwsMailboxConnector seeder = new EwsMailboxConnector(EwsSettings.of(new ServiceAccount(SERVICE, Secret.of(SERVICE_PASSWORD)),
        Optional.of(URI.create(ewsUrl)), Optional.empty(), true), new ExchangeStats(new Metrics()), Clock.systemUTC());
    for (int r = 0; r < emails.size(); r++) {
      String email = emails.get(r);
      List<SalesforceRecord> records = new ArrayList<>();
      for (int i = 0; i < contactsInSalesforce; i++) {
        records.add(SalesforceRecord.of("Contact", null, Map.of("FirstName", "Sf" + i, "LastName", "Rep" + r + "-" + i,
            "Email", "sf" + i + "." + email, "Title", "Buyer", "OwnerId", userIds.get(r))));
      }
      checkWrites(adapter.create(records));
      checkWrites(adapter.create(salesforceEvents.salesforce(userIds.get(r), "r" + r, today)));
      List<NewItem> contacts = new ArrayList<>();
      for (int i = 0; i < contactsInOutlook; i++) {
        contacts.add(new NewItem(ItemKind.CONTACT, Map.of(ExchangeField.GIVEN_NAME, "Ex" + i, ExchangeField.SURNAME,
            "Out" + r + "-" + i, ExchangeField.EMAIL, "ex" + i + "." + email, ExchangeField.MOBILE_PHONE, "+1 555 01" + i),
            Optional.empty()));
      }
      try (Mailbox m = seeder.open(email)) {
        check(m.create(ItemKind.CONTACT, contacts));
        check(m.create(ItemKind.EVENT, outlookEvents.exchange("r" + r, today)));
      }
    }
  }

  private static void checkWrites(List<WriteResult> results) {
    for (WriteResult w : results) {
      if (!w.success()) {
        throw new IllegalStateException("seeding Salesforce failed: " + w.errors());
      }
    }
  }

  private static void check(List<ItemResult> results) {
    for (ItemResult r : results) {
      if (!r.succeeded()) {
        throw new IllegalStateException("seeding Exchange failed: " + r.message());
      }
    }
  }
}
