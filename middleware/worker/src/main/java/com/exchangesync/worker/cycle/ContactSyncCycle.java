package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.SyncError;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.Soql;
import com.exchangesync.worker.salesforce.SoapSalesforceContacts;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.salesforce.SyncMember;
import com.exchangesync.worker.salesforce.SyncSetup;
import com.exchangesync.worker.status.StatusValues;
import com.exchangesync.worker.status.UserStatus;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.ContactSettings;
import com.exchangesync.worker.sync.ContactSyncPass;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.LeaseLostException;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.Membership;
import com.exchangesync.worker.sync.PassReport;
import com.exchangesync.worker.sync.RecordError;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.SyncException;
import com.exchangesync.worker.sync.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of the worker over its org, contacts: connection tests asked for,
 * then every rep it can lease: reset if marked, the sync pass, the rep's status;
 * then the system status. Failures of one rep are reported (error row, status)
 * and the others go on; statuses are written only when they changed.
 */
public final class ContactSyncCycle {

  private static final Logger LOG = LoggerFactory.getLogger(ContactSyncCycle.class);

  private final SalesforceAdapter salesforce;
  private final MailboxConnectors connectors;
  private final SyncStateStore store;
  private final MailboxLeases leases;
  private final ErrorOutbox errors;
  private final SyncActivity activity;
  private final String workerId;
  private final Clock clock;
  private final Duration lease;

  /**
   * @param lease how long a mailbox is leased; renewed every third of it while its pass runs (the
   *     heartbeat), so a dead worker's mailbox is free again within one lease
   */
  public ContactSyncCycle(SalesforceAdapter salesforce, MailboxConnectors connectors, SyncStateStore store,
                          MailboxLeases leases, ErrorOutbox errors, SyncActivity activity, String workerId, Clock clock,
                          Duration lease) {
    this.salesforce = salesforce;
    this.connectors = connectors;
    this.store = store;
    this.leases = leases;
    this.errors = errors;
    this.activity = activity;
    this.workerId = workerId;
    this.clock = clock;
    this.lease = lease;
  }

  /** Runs one cycle; returns what happened to each rep. */
  public List<RepOutcome> run() throws SalesforceException {
    String orgId = salesforce.organizationId();
    Optional<SyncSetup> setup = salesforce.readSetup();
    Optional<Secret> password = setup.isPresent() ? salesforce.readServiceAccountPassword(setup.get().id()) : Optional.empty();
    Optional<MailboxConnector> connector = setup.isPresent() && password.isPresent()
        && setup.get().serviceAccountUsername() != null
        ? Optional.of(connectors.forSetup(setup.get(), password.get())) : Optional.empty();
    runConnectionTests(connector);
    if (setup.isEmpty() || !setup.get().enabled() || connector.isEmpty()) {
      writeSystemStatus(orgId, setup, false, 0, 0);
      String why = setup.isEmpty() ? "Exchange Sync is not set up" : !setup.get().enabled() ? "Exchange Sync is disabled"
          : "no service account is provided";
      LOG.info("Nothing to sync: {}", why);
      return List.of();
    }
    List<SyncConfiguration> configs = salesforce.readConfigurations();
    List<SyncMember> members = salesforce.readMembers();
    List<FieldMapping> mappings = salesforce.readFieldMappings();
    Set<String> userIds = new HashSet<>();
    Set<String> profileIds = new HashSet<>();
    members.forEach(m -> {
      if (m.userId() != null) {
        userIds.add(m.userId());
      }
      if (m.profileId() != null) {
        profileIds.add(m.profileId());
      }
    });
    Map<String, SalesforceUser> usersById = new HashMap<>();
    if (!userIds.isEmpty()) {
      salesforce.readUsers(userIds).forEach(u -> usersById.put(u.id(), u));
    }
    Map<String, List<SalesforceUser>> byProfile = new HashMap<>();
    if (!profileIds.isEmpty()) {
      salesforce.readUsersOfProfiles(profileIds).forEach(u -> byProfile.computeIfAbsent(u.profileId(), k -> new ArrayList<>()).add(u));
    }
    List<Membership.Rep> reps = Membership.resolve(configs, members, usersById, byProfile,
        Membership.servedDomains(setup.get().serviceAccountUsername(), setup.get().additionalDomains()));
    Map<String, SalesforceRecord> currentStatuses = readUserStatuses();

    List<RepOutcome> outcomes = new ArrayList<>();
    List<UserStatus> statuses = new ArrayList<>();
    int recognized = 0;
    int linked = 0;
    markFirstSyncsBegun(orgId, reps, currentStatuses);
    for (Membership.Rep rep : reps) {
      UserStatus status = new UserStatus(rep.user().id()).set("Assigned__c", true);
      statuses.add(status);
      if (!rep.linked()) {
        status.set("Addresses_Linked__c", false).set("Contacts_To_Exchange_Status__c", StatusValues.NOT_STARTED)
            .set("Contacts_To_Salesforce_Status__c", StatusValues.NOT_STARTED);
        outcomes.add(new RepOutcome(rep.user().email(), "skipped", "email domain not served by the service account", Optional.empty()));
        continue;
      }
      linked++;
      status.set("Addresses_Linked__c", true);
      RepOutcome outcome = syncRep(orgId, rep, connector.get(), mappings, currentStatuses.get(rep.user().id()), status);
      if (StatusValues.RECOGNIZED.equals(status.get("Recognized_By_Service_Account__c"))) {
        recognized++;
      }
      outcomes.add(outcome);
    }
    // Users who left every active configuration: no longer assigned.
    Set<String> repIds = new HashSet<>();
    reps.forEach(r -> repIds.add(r.user().id()));
    currentStatuses.forEach((userId, row) -> {
      if (!repIds.contains(userId) && row.bool("Assigned__c")) {
        statuses.add(new UserStatus(userId).set("Assigned__c", false));
      }
    });
    List<SalesforceRecord> changed = statuses.stream().filter(s -> !s.sameAs(currentStatuses.get(s.userId())))
        .map(UserStatus::toRecord).toList();
    if (!changed.isEmpty()) {
      salesforce.writeUserStatuses(changed);
    }
    writeSystemStatus(orgId, setup, recognized > 0 || reps.isEmpty(), reps.size(), linked);
    outcomes.forEach(o -> LOG.info("{}", o));
    return outcomes;
  }

  private RepOutcome syncRep(String orgId, Membership.Rep rep, MailboxConnector connector, List<FieldMapping> mappings,
                             SalesforceRecord current, UserStatus status) {
    String email = rep.user().email();
    MailboxKey key = new MailboxKey(orgId, rep.user().id());
    if (leases.acquire(workerId, List.of(key), 1, lease).isEmpty()) {
      copyPrevious(current, status);
      return new RepOutcome(email, "skipped", "another worker is syncing this mailbox", Optional.empty());
    }
    Thread heartbeat = Thread.ofVirtual().name("exsync-lease-" + rep.user().id()).start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(Math.max(1000, lease.toMillis() / 3));
        } catch (InterruptedException e) {
          return;
        }
        if (!leases.renew(workerId, key, lease)) {
          // The save at the end is fenced by the lease: it will refuse, and nothing is overwritten.
          LOG.warn("Lost the lease on {} mid-pass; its results will not be saved", email);
          return;
        }
      }
    });
    try {
      ContactSettings.Result settings = ContactSettings.forRep(key, rep.user(), rep.configuration(), mappings);
      for (String problem : settings.problems()) {
        report(orgId, rep, "CONFIGURATION_INVALID", problem, "Correct the configuration in Exchange Sync Configurations.",
            null, null, null);
      }
      if (settings.context().isEmpty()) {
        copyPrevious(current, status);
        return new RepOutcome(email, "failed", String.join("; ", settings.problems()), Optional.empty());
      }
      RepContext context = settings.context().get();
      boolean reset = current != null && StatusValues.MARKED_FOR_RESET.equals(current.get("Reset_Status__c"));
      if (reset) {
        salesforce.writeUserStatuses(List.of(new UserStatus(rep.user().id()).set("Reset_Status__c", StatusValues.RESET_IN_PROGRESS).toRecord()));
        store.reset(key, workerId);
      }
      boolean firstSync = store.load(key, ItemKind.CONTACT).cursors().isEmpty();
      try (Mailbox mailbox = connector.open(email)) {
        status.set("Recognized_By_Service_Account__c", StatusValues.RECOGNIZED).set("Folder_Found__c", true);
        PassReport report = new ContactSyncPass(mailbox, new SoapSalesforceContacts(salesforce), store, workerId, clock).run(context);
        for (RecordError e : report.errors()) {
          report(orgId, rep, e.code(), e.message(), e.suggestion(), e.salesforceId(), e.exchangeId(),
              e.writtenTo() == Side.EXCHANGE ? "Salesforce to Exchange" : "Exchange to Salesforce");
        }
        activity.record(orgId, "CONTACT", report.writes(), clock.instant());
        Direction d = context.direction();
        String done = firstSync ? StatusValues.INITIAL_SYNC_COMPLETED : StatusValues.IN_SYNC;
        status.set("Contacts_To_Exchange_Status__c", d.toExchange() ? done : StatusValues.NOT_SET_TO_SYNC)
            .set("Contacts_To_Salesforce_Status__c", d.toSalesforce() ? done : StatusValues.NOT_SET_TO_SYNC)
            .set("Contacts_In_Sync__c", report.linkedTotal())
            .set("Reset_Status__c", null);
        // The time moves only when something was synced, so a quiet cycle writes no status.
        status.set("Last_Contact_Sync__c", report.writes() > 0 || firstSync || current == null
            ? Soql.datetime(clock.instant()) : current.get("Last_Contact_Sync__c"));
        return new RepOutcome(email, "synced", "", Optional.of(report));
      } catch (MailboxException e) {
        boolean notRecognized = e.error() == MailboxError.IMPERSONATION_DENIED || e.error() == MailboxError.MAILBOX_NOT_FOUND
            || e.error() == MailboxError.BAD_CREDENTIALS;
        copyPrevious(current, status);
        status.set("Recognized_By_Service_Account__c", notRecognized ? StatusValues.NOT_RECOGNIZED
            : current == null ? null : current.get("Recognized_By_Service_Account__c"));
        report(orgId, rep, e.error().code(), e.getMessage(), e.error().suggestion(), null, null, null);
        return new RepOutcome(email, "failed", e.getMessage(), Optional.empty());
      } catch (SyncException e) {
        copyPrevious(current, status);
        status.set("Recognized_By_Service_Account__c", StatusValues.RECOGNIZED);
        report(orgId, rep, e.code(), e.getMessage(), e.suggestion(), null, null, null);
        return new RepOutcome(email, "failed", e.getMessage(), Optional.empty());
      }
    } catch (LeaseLostException e) {
      copyPrevious(current, status);
      return new RepOutcome(email, "skipped", e.getMessage(), Optional.empty());
    } catch (SalesforceException e) {
      copyPrevious(current, status);
      return new RepOutcome(email, "failed", e.getMessage(), Optional.empty());
    } finally {
      heartbeat.interrupt();
      leases.release(workerId, key);
    }
  }

  /**
   * Reps whose first sync starts this cycle show "Initial sync in progress" at
   * once (a first sync can take a while), in one write for all of them. Should a
   * pass then fail, the status stays so: the next cycle carries on.
   */
  private void markFirstSyncsBegun(String orgId, List<Membership.Rep> reps, Map<String, SalesforceRecord> currentStatuses)
      throws SalesforceException {
    List<SalesforceRecord> begun = new ArrayList<>();
    for (Membership.Rep rep : reps) {
      Direction d = Direction.fromLabel(rep.configuration().contactDirection());
      SalesforceRecord current = currentStatuses.get(rep.user().id());
      boolean marked = current != null && StatusValues.MARKED_FOR_RESET.equals(current.get("Reset_Status__c"));
      boolean first = marked || store.load(new MailboxKey(orgId, rep.user().id()), ItemKind.CONTACT).cursors().isEmpty();
      if (!rep.linked() || d == Direction.NONE || !first
          || StatusValues.INITIAL_SYNC_IN_PROGRESS.equals(current == null ? null : current.get("Contacts_To_Exchange_Status__c"))) {
        continue;
      }
      UserStatus status = new UserStatus(rep.user().id()).set("Assigned__c", true)
          .set("Contacts_To_Exchange_Status__c", d.toExchange() ? StatusValues.INITIAL_SYNC_IN_PROGRESS : StatusValues.NOT_SET_TO_SYNC)
          .set("Contacts_To_Salesforce_Status__c", d.toSalesforce() ? StatusValues.INITIAL_SYNC_IN_PROGRESS
              : StatusValues.NOT_SET_TO_SYNC);
      begun.add(status.toRecord());
      Map<String, String> merged = new LinkedHashMap<>(current == null ? Map.of() : current.fields());
      merged.putAll(status.toRecord().fields());
      currentStatuses.put(rep.user().id(),
          SalesforceRecord.of("Exchange_Sync_User_Status__c", current == null ? null : current.id(), merged));
    }
    if (!begun.isEmpty()) {
      salesforce.writeUserStatuses(begun);
    }
  }

  /** Keeps what Salesforce shows for fields this cycle did not decide. */
  private static void copyPrevious(SalesforceRecord current, UserStatus status) {
    if (current == null) {
      status.set("Contacts_To_Exchange_Status__c", StatusValues.NOT_STARTED)
          .set("Contacts_To_Salesforce_Status__c", StatusValues.NOT_STARTED);
      return;
    }
    for (String f : List.of("Contacts_To_Exchange_Status__c", "Contacts_To_Salesforce_Status__c", "Contacts_In_Sync__c",
        "Last_Contact_Sync__c", "Folder_Found__c", "Recognized_By_Service_Account__c", "Reset_Status__c")) {
      if (status.get(f) == null) {
        status.set(f, current.get(f));
      }
    }
  }

  private void report(String orgId, Membership.Rep rep, String code, String message, String suggestion, String sfId,
                      String exId, String direction) {
    Blocking.await(errors.add(new SyncError(orgId, rep.user().id(), "Contact", direction, sfId, exId, code, message,
        suggestion, clock.instant(), rep.configuration().id())));
  }

  private Map<String, SalesforceRecord> readUserStatuses() throws SalesforceException {
    Map<String, SalesforceRecord> byUser = new LinkedHashMap<>();
    for (SalesforceRecord r : salesforce.queryList(salesforce.select("Exchange_Sync_User_Status__c", List.of("Id", "User__c",
        "User_Key__c", "Assigned__c", "Recognized_By_Service_Account__c", "Reset_Status__c", "Folder_Found__c",
        "Addresses_Linked__c", "Contacts_To_Exchange_Status__c", "Contacts_To_Salesforce_Status__c", "Contacts_In_Sync__c",
        "Last_Contact_Sync__c")).build())) {
      String user = r.get("User_Key__c") != null ? r.get("User_Key__c") : r.get("User__c");
      if (user != null) {
        com.exchangesync.worker.salesforce.SalesforceId.canonical(user).ifPresent(id -> byUser.put(id, r));
      }
    }
    return byUser;
  }

  private void runConnectionTests(Optional<MailboxConnector> connector) throws SalesforceException {
    List<SalesforceRecord> requested = salesforce.queryList(salesforce.select("Exchange_Sync_Connection_Test__c",
        List.of("Id", "Email__c", "Status__c")).where(Soql.eq(salesforce.api("Status__c"), "Requested")).build());
    for (SalesforceRecord test : requested) {
      String email = test.get("Email__c");
      Map<String, String> result = new LinkedHashMap<>();
      if (connector.isEmpty()) {
        result.put("Status__c", "Failed");
        result.put("Results__c", "[{\"name\":\"Service account\",\"status\":\"FAILED\",\"message\":\"No service account "
            + "user name and password are saved in Exchange Sync Setup.\",\"suggestion\":\"Enter them in Exchange Sync Setup.\"}]");
      } else {
        salesforce.update(List.of(SalesforceRecord.of("Exchange_Sync_Connection_Test__c", test.id(), Map.of("Status__c", "Running"))));
        // Each check's result is written as it comes, so the Setup page shows them arriving.
        ConnectionTestReport report = connector.get().test(email == null ? "" : email.trim(), partial -> {
          try {
            salesforce.update(List.of(SalesforceRecord.of("Exchange_Sync_Connection_Test__c", test.id(),
                Map.of("Results__c", partial.toJson().encode()))));
          } catch (SalesforceException e) {
            LOG.warn("Could not write the connection test's progress: {}", e.getMessage());
          }
        });
        result.put("Status__c", report.passed() ? "Passed" : "Failed");
        result.put("Results__c", report.toJson().encode());
      }
      salesforce.update(List.of(SalesforceRecord.of("Exchange_Sync_Connection_Test__c", test.id(), result)));
      LOG.info("Connection test for {}: {}", email, result.get("Status__c"));
    }
  }

  private void writeSystemStatus(String orgId, Optional<SyncSetup> setup, boolean recognized, int reps, int linked)
      throws SalesforceException {
    Instant now = clock.instant();
    Map<String, String> fields = new LinkedHashMap<>();
    boolean provided = setup.isPresent() && setup.get().serviceAccountUsername() != null;
    fields.put("Service_Account_Provided__c", Boolean.toString(provided));
    fields.put("Service_Account_Recognized__c", Boolean.toString(provided && recognized));
    fields.put("Users_In_Active_Configurations__c", Integer.toString(reps));
    fields.put("Users_With_Linked_Addresses__c", Integer.toString(linked));
    fields.put("Contacts_Synced_Last_60_Minutes__c", Long.toString(activity.since(orgId, "CONTACT", now.minus(Duration.ofMinutes(60)))));
    fields.put("Contacts_Synced_Last_24_Hours__c", Long.toString(activity.since(orgId, "CONTACT", now.minus(Duration.ofHours(24)))));
    activity.last(orgId, "CONTACT").ifPresent(t -> fields.put("Last_Contact_Sync_Activity__c", Soql.datetime(t)));
    List<SalesforceRecord> current = salesforce.queryList(salesforce.select("Exchange_Sync_System_Status__c",
        List.of("Id", "Service_Account_Provided__c", "Service_Account_Recognized__c", "Users_In_Active_Configurations__c",
            "Users_With_Linked_Addresses__c", "Contacts_Synced_Last_60_Minutes__c", "Contacts_Synced_Last_24_Hours__c",
            "Last_Contact_Sync_Activity__c")).orderBy("CreatedDate", "Id").limit(1).build());
    UserStatus asRow = new UserStatus("system");
    fields.forEach(asRow::set);
    if (current.isEmpty() || !asRow.sameAs(current.get(0))) {
      salesforce.writeSystemStatus(fields);
    }
    if (setup.isPresent()) {
      String value = !provided ? StatusValues.NOT_PROVIDED : recognized ? StatusValues.RECOGNIZED : StatusValues.NOT_RECOGNIZED;
      if (!value.equals(setup.get().serviceAccountStatus())) {
        salesforce.update(List.of(SalesforceRecord.of("Exchange_Sync_Setup__c", setup.get().id(),
            Map.of("Service_Account_Status__c", value))));
      }
    }
  }
}
