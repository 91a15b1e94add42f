package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.logging.LogContext;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.Soql;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.salesforce.SyncMember;
import com.exchangesync.worker.salesforce.SyncSetup;
import com.exchangesync.worker.status.KindStatusFields;
import com.exchangesync.worker.status.StatusValues;
import com.exchangesync.worker.status.UserStatus;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.MailboxSyncs;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.Membership;
import com.exchangesync.worker.sync.SyncPass;
import com.exchangesync.worker.sync.SyncKind;
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
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of the worker over its org: the connection tests asked for, then
 * the reps of its share of the org's mailboxes ({@link MailboxShare}: workers
 * sharing a database split them evenly) ({@link RepSync}: reset if marked, the
 * mailbox claimed for the org, one pass per kind, the rep's statuses), the marks
 * of reps who left released ({@link OrgMarks}), then the system status. A rep of
 * another worker's share is that worker's to sync and report. Failures of one rep are reported
 * (error row, status) and the others go on; statuses are written only when they
 * changed. How each served mailbox fared goes to {@link MailboxSyncs} (readiness
 * and metrics read it), and every log line carries the org, and the rep and kind
 * it is about ({@link LogContext}).
 */
public final class SyncCycle {

  private static final Logger LOG = LoggerFactory.getLogger(SyncCycle.class);
  private static final List<String> REP_FIELDS = List.of("Id", "User__c", "User_Key__c", "Assigned__c",
      "Recognized_By_Service_Account__c", "Reset_Status__c", "Addresses_Linked__c");

  private final SalesforceAdapter salesforce;
  private final MailboxConnectors connectors;
  private final SyncStateStore store;
  private final List<SyncKind> kinds;
  private final RepSync repSync;
  private final ConnectionTests connectionTests;
  private final SystemStatusWriter systemStatus;
  private final MailboxSyncs passes;
  private final MailboxShare share;
  private final MailboxClaims claims;
  private final OrgMarks marks;
  private final Clock clock;
  private int parallelMailboxes = 1;
  private com.exchangesync.worker.push.PushControl push;
  private volatile OrgView view;

  /**
   * @param kinds the kinds synced, in the order each rep's passes run
   * @param passes where the mailboxes served and each pass's end are recorded
   * @param presence where this worker says it is live, so the workers sharing the database split the mailboxes
   * @param claims the mailboxes the org marked as its own, or found marked by another org
   * @param lease how long a mailbox is leased; renewed every third of it while its passes run and by the
   *     {@link WorkerHeartbeat}, so a dead worker's mailbox is free again within one lease
   */
  public SyncCycle(SalesforceAdapter salesforce, MailboxConnectors connectors, SyncStateStore store, MailboxLeases leases,
                   WorkerPresence presence, ErrorOutbox errors, SyncActivity activity, MailboxSyncs passes,
                   MailboxClaims claims, List<SyncKind> kinds, String workerId, Clock clock, Duration lease) {
    this.salesforce = salesforce;
    this.connectors = connectors;
    this.store = store;
    this.kinds = List.copyOf(kinds);
    this.claims = claims;
    this.marks = new OrgMarks(claims, clock);
    this.repSync = new RepSync(salesforce, store, leases, errors, activity, marks, this.kinds, workerId, clock, lease);
    this.connectionTests = new ConnectionTests(salesforce);
    this.systemStatus = new SystemStatusWriter(salesforce, activity, this.kinds, clock);
    this.passes = passes;
    this.share = new MailboxShare(leases, presence, workerId, lease);
    this.clock = clock;
  }

  /**
   * Sets how many changes per side each page of a pass holds ({@link SyncPass#PAGE} by default;
   * tests make pages small to cross many page boundaries against the test beds).
   */
  public SyncCycle pageSize(int changes) {
    if (changes < 1) {
      throw new IllegalArgumentException("a page holds at least one change: " + changes);
    }
    repSync.pageSize(changes);
    return this;
  }

  /**
   * Sets how many reps' passes run at once ({@link RepPasses}; 1, one after another, unless set:
   * the worker sets {@code EXSYNC_PARALLEL_MAILBOXES}).
   */
  public SyncCycle parallelMailboxes(int reps) {
    if (reps < 1) {
      throw new IllegalArgumentException("at least one rep at a time: " + reps);
    }
    this.parallelMailboxes = reps;
    return this;
  }

  /** This cycle, telling {@code push} the org's connector and linked reps each time, so it listens to them. */
  public SyncCycle withPush(com.exchangesync.worker.push.PushControl push) {
    this.push = push;
    return this;
  }

  /** Runs one cycle for every rep; returns what happened to each rep and kind. */
  public List<RepOutcome> run() throws SalesforceException {
    return run(Wake.EVERYONE);
  }

  /**
   * Runs one cycle for the reps {@code wake} names (every rep, or those queued work concerns); returns what
   * happened to each rep and kind. A cycle for some reps uses the org as the last cycle for every rep read it
   * (its setup, mappings and members: a change of those is an admin's, which wakes everyone) and reads only
   * those reps' statuses; until a cycle for every rep has read the org, every cycle is one.
   */
  public List<RepOutcome> run(Wake wake) throws SalesforceException {
    String orgId = salesforce.organizationId();
    try (LogContext.Scope org = LogContext.org(orgId)) {
      OrgView known = view;
      long started = System.nanoTime();
      List<RepOutcome> outcomes = wake.everyone() || known == null ? run(orgId) : runFor(orgId, wake, known);
      CycleLog.summary(orgId, known == null ? Wake.EVERYONE : wake, outcomes, started);
      return outcomes;
    }
  }

  private List<RepOutcome> run(String orgId) throws SalesforceException {
    salesforce.startCycle();
    Optional<SyncSetup> setup = salesforce.readSetup();
    // Exchange Server's password is read only for it; Exchange Online's key or secret never is in Salesforce.
    Optional<Secret> password = setup.isPresent() && !setup.get().usesGraph()
        ? salesforce.readServiceAccountPassword(setup.get().id()) : Optional.empty();
    ExchangeAccess access = setup.isPresent() ? connectors.forSetup(setup.get(), password)
        : ExchangeAccess.missing(false, List.of("Setup"), "Exchange Sync is not set up.", "Save Exchange Sync Setup.");
    Optional<MailboxConnector> connector = access.connector();
    connectionTests.runRequested(access);
    if (setup.isEmpty() || !setup.get().enabled() || connector.isEmpty()) {
      view = null;
      systemStatus.write(orgId, setup, access.provided(), false, 0, 0);
      passes.served(orgId, List.of(), clock.instant());
      String why = setup.isEmpty() ? "Exchange Sync is not set up" : !setup.get().enabled() ? "Exchange Sync is disabled"
          : access.missing();
      LOG.info("Nothing to sync in org {}: {}", orgId, why);
      return List.of();
    }
    List<FieldMapping> mappings = salesforce.readFieldMappings();
    List<Membership.Rep> reps = reps(setup.get());
    view = new OrgView(connector.get(), mappings, reps);
    Set<String> heldElsewhere = claims.heldElsewhere(orgId);
    passes.served(orgId, served(reps, heldElsewhere), clock.instant());
    List<MailboxKey> wanted = reps.stream().filter(Membership.Rep::linked).map(r -> key(orgId, r)).toList();
    Set<MailboxKey> claimed = share.claim(orgId, wanted);
    listen(orgId, connector.get(), reps);
    Map<String, SalesforceRecord> currentStatuses = readUserStatuses();

    markFirstSyncsBegun(orgId, reps.stream().filter(r -> !r.linked() || claimed.contains(key(orgId, r))).toList(),
        currentStatuses, heldElsewhere);
    Passes done = syncReps(orgId, reps, wanted, claimed, connector.get(), mappings, currentStatuses);
    List<RepOutcome> outcomes = done.outcomes();
    List<UserStatus> statuses = done.statuses();
    Set<String> syncing = new HashSet<>();
    reps.stream().filter(r -> r.linked() && repSync.syncsAnything(r)).forEach(r -> syncing.add(r.user().id()));
    marks.releaseLeft(orgId, syncing, connector.get());
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
    systemStatus.write(orgId, setup, access.provided(), done.recognized() > 0 || reps.isEmpty(), reps.size(),
        done.linked());
    return outcomes;
  }

  /**
   * A cycle for the reps {@code wake} names, of this worker's share, with the org as {@code known} holds it:
   * their passes and their statuses; the org's counts and the marks of reps who left wait for the next cycle
   * for every rep.
   */
  private List<RepOutcome> runFor(String orgId, Wake wake, OrgView known) throws SalesforceException {
    List<Membership.Rep> named = known.reps().stream().filter(r -> r.linked() && wake.includes(r, kinds)).toList();
    if (named.isEmpty()) {
      LOG.info("The changes that arrived concern no rep of org {} ({})", orgId, wake);
      return List.of();
    }
    salesforce.startCycle();
    List<MailboxKey> wanted = known.reps().stream().filter(Membership.Rep::linked).map(r -> key(orgId, r)).toList();
    Set<MailboxKey> claimed = share.claim(orgId, wanted);
    List<Membership.Rep> reps = named.stream().filter(r -> claimed.contains(key(orgId, r))).toList();
    if (reps.isEmpty()) {
      LOG.info("The reps of org {} the changes concern are other workers' share ({})", orgId, wake);
      return List.of();
    }
    LOG.info("Syncing {} rep(s) of org {} for the changes that arrived", reps.size(), orgId);
    Map<String, SalesforceRecord> currentStatuses = readUserStatuses(reps.stream().map(r -> r.user().id()).toList());
    markFirstSyncsBegun(orgId, reps, currentStatuses, claims.heldElsewhere(orgId));
    Passes done = syncReps(orgId, reps, wanted, claimed, known.connector(), known.mappings(), currentStatuses);
    List<SalesforceRecord> changed = done.statuses().stream().filter(s -> !s.sameAs(currentStatuses.get(s.userId())))
        .map(UserStatus::toRecord).toList();
    if (!changed.isEmpty()) {
      salesforce.writeUserStatuses(changed);
    }
    return done.outcomes();
  }

  /** What the org's last cycle for every rep read of it, for the cycles for some reps that follow. */
  private record OrgView(MailboxConnector connector, List<FieldMapping> mappings, List<Membership.Rep> reps) {}

  /**
   * What the passes of a cycle's reps did.
   *
   * @param statuses the statuses of the reps this worker synced or reported
   * @param recognized how many reps' mailboxes the service account reaches (as this cycle or another worker found)
   * @param linked how many reps are linked
   */
  private record Passes(List<RepOutcome> outcomes, List<UserStatus> statuses, int recognized, int linked) {}

  /** The passes of {@code reps}, {@link #parallelMailboxes} at a time, and their statuses. */
  private Passes syncReps(String orgId, List<Membership.Rep> reps, List<MailboxKey> wanted, Set<MailboxKey> claimed,
                          MailboxConnector connector, List<FieldMapping> mappings,
                          Map<String, SalesforceRecord> currentStatuses) {
    List<RepOutcome> outcomes = new ArrayList<>();
    List<UserStatus> statuses = new ArrayList<>();
    int recognized = 0;
    int linked = 0;
    Set<MailboxKey> mine = claimed;
    List<Future<List<RepOutcome>>> inOrder = new ArrayList<>();
    Map<Future<List<RepOutcome>>, UserStatus> statusOf = new java.util.IdentityHashMap<>();
    try (RepPasses running = new RepPasses(parallelMailboxes, orgId)) {
      for (Membership.Rep rep : reps) {
        if (rep.linked()) {
          mine = share.recheck(orgId, wanted, mine);
        }
        if (rep.linked() && !mine.contains(key(orgId, rep))) {
          // Another worker's share: it syncs the rep and writes the rep's statuses; the org's count uses what it wrote.
          linked++;
          SalesforceRecord current = currentStatuses.get(rep.user().id());
          if (current != null && StatusValues.RECOGNIZED.equals(current.get("Recognized_By_Service_Account__c"))) {
            recognized++;
          }
          continue;
        }
        UserStatus status = new UserStatus(rep.user().id()).set("Assigned__c", true);
        statuses.add(status);
        if (!rep.linked()) {
          status.set("Addresses_Linked__c", false);
          kinds.forEach(k -> status.set(k.statusFields().toExchange(), StatusValues.NOT_STARTED)
              .set(k.statusFields().toSalesforce(), StatusValues.NOT_STARTED));
          try (LogContext.Scope repScope = LogContext.rep(rep.user().id(), rep.user().email());
               LogContext.Scope kindScope = LogContext.kinds(kinds.stream().map(SyncKind::itemKind).toList())) {
            inOrder.add(java.util.concurrent.CompletableFuture.completedFuture(logged(List.of(RepOutcome.ofRep(
                rep.user().email(), "skipped", "email domain not served by the service account")))));
          }
          continue;
        }
        linked++;
        status.set("Addresses_Linked__c", true);
        SalesforceRecord current = currentStatuses.get(rep.user().id());
        // Waits for a free slot: the share is checked again as passes end, as in a cycle one rep at a time.
        Future<List<RepOutcome>> started = running.start(() -> {
          try (LogContext.Scope repScope = LogContext.rep(rep.user().id(), rep.user().email());
               LogContext.Scope kindScope = LogContext.kinds(kinds.stream().map(SyncKind::itemKind).toList())) {
            return syncRep(orgId, rep, connector, mappings, current, status);
          }
        });
        inOrder.add(started);
        statusOf.put(started, status);
      }
      for (Future<List<RepOutcome>> f : inOrder) {
        outcomes.addAll(RepPasses.outcomes(f));
        UserStatus status = statusOf.get(f);
        if (status != null && StatusValues.RECOGNIZED.equals(status.get("Recognized_By_Service_Account__c"))) {
          recognized++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the cycle of org " + orgId + " was interrupted", e);
    }
    return new Passes(outcomes, statuses, recognized, linked);
  }

  /**
   * One rep's passes, and how each kind's ended recorded. A failure nobody foresaw (a bug met on this rep's
   * data) fails this rep alone, its stack trace in the log: the other reps still sync, and the rep's mailbox
   * shows the failure until a pass succeeds.
   */
  private List<RepOutcome> syncRep(String orgId, Membership.Rep rep, MailboxConnector connector, List<FieldMapping> mappings,
                                   SalesforceRecord current, UserStatus status) {
    List<RepOutcome> outcomes;
    try {
      outcomes = repSync.sync(orgId, rep, connector, mappings, current, status);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
        // The worker is stopping (CycleScheduler.stop): the pass ends where it stood, as a crash would end it.
        LOG.info("The passes of {} stopped: the worker is stopping", rep.user().email());
      } else {
        LOG.error("The passes of {} failed unexpectedly; the other reps go on", rep.user().email(), e);
      }
      RepSync.copyPrevious(current, status, kinds);
      outcomes = List.of(RepOutcome.ofRep(rep.user().email(), "failed", String.valueOf(e)));
    }
    Instant at = clock.instant();
    MailboxKey key = new MailboxKey(orgId, rep.user().id());
    for (SyncKind kind : kinds) {
      // A rep skipped (leased by another worker) is that worker's to record.
      outcomes.stream().filter(o -> o.concerns(kind.itemKind())).findFirst().ifPresent(o -> {
        if (o.state().equals("synced")) {
          passes.succeeded(key, rep.user().email(), kind.itemKind(), at);
        } else if (o.state().equals("failed")) {
          passes.failed(key, rep.user().email(), kind.itemKind(), at, o.detail());
        }
      });
    }
    return logged(outcomes);
  }

  private static MailboxKey key(String orgId, Membership.Rep rep) {
    return new MailboxKey(orgId, rep.user().id());
  }

  /**
   * The mailboxes and kinds the cycle serves: every kind of every linked rep, but for mailboxes another org's
   * mark holds (this org syncs nothing there, and its error row tells the admin; readiness is no place for it).
   */
  private List<MailboxSyncs.Served> served(List<Membership.Rep> reps, Set<String> heldElsewhere) {
    List<MailboxSyncs.Served> served = new ArrayList<>();
    for (Membership.Rep rep : reps) {
      if (rep.linked() && !heldElsewhere.contains(rep.user().id())) {
        kinds.forEach(k -> served.add(new MailboxSyncs.Served(rep.user().id(), rep.user().email(), k.itemKind())));
      }
    }
    return served;
  }

  /** Hands the linked reps to the push listener; its trouble never fails the cycle (the poll goes on). */
  private void listen(String orgId, MailboxConnector connector, List<Membership.Rep> reps) {
    if (push == null) {
      return;
    }
    try {
      push.watch(orgId, connector, reps.stream().filter(Membership.Rep::linked).map(r -> r.user().email()).toList());
    } catch (RuntimeException e) {
      LOG.warn("Could not update the push listener; the poll finds changes meanwhile", e);
    }
  }

  /** Logs each outcome under its kind (inside the rep's context), and returns them. */
  private static List<RepOutcome> logged(List<RepOutcome> outcomes) {
    outcomes.forEach(CycleLog::outcome);
    return outcomes;
  }

  /** Who syncs, under which configuration (see {@link Membership}). */
  private List<Membership.Rep> reps(SyncSetup setup) throws SalesforceException {
    List<SyncConfiguration> configs = salesforce.readConfigurations();
    List<SyncMember> members = salesforce.readMembers();
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
    List<SalesforceUser> candidates = new ArrayList<>(usersById.values());
    byProfile.values().forEach(candidates::addAll);
    return Membership.resolve(configs, members, usersById, byProfile, ServedDomains.of(setup, candidates));
  }

  /**
   * Reps whose first sync of a kind starts this cycle show "Initial sync in
   * progress" at once (a first sync can take a while), in one write for all of
   * them. Should a pass then fail, the status stays so: the next cycle carries on. A mailbox another org
   * held at its last pass begins nothing (its statuses say so).
   */
  private void markFirstSyncsBegun(String orgId, List<Membership.Rep> reps, Map<String, SalesforceRecord> currentStatuses,
                                   Set<String> heldElsewhere) throws SalesforceException {
    List<SalesforceRecord> begun = new ArrayList<>();
    for (Membership.Rep rep : reps) {
      if (heldElsewhere.contains(rep.user().id())) {
        continue;
      }
      SalesforceRecord current = currentStatuses.get(rep.user().id());
      boolean marked = current != null && StatusValues.MARKED_FOR_RESET.equals(current.get("Reset_Status__c"));
      UserStatus status = new UserStatus(rep.user().id()).set("Assigned__c", true);
      boolean any = false;
      for (SyncKind kind : kinds) {
        KindStatusFields f = kind.statusFields();
        Direction d = kind.direction(rep.configuration());
        boolean first = marked || store.start(new MailboxKey(orgId, rep.user().id()), kind.itemKind()).cursors().isEmpty();
        if (!rep.linked() || d == Direction.NONE || !first
            || StatusValues.INITIAL_SYNC_IN_PROGRESS.equals(current == null ? null : current.get(f.toExchange()))) {
          continue;
        }
        status.set(f.toExchange(), d.toExchange() ? StatusValues.INITIAL_SYNC_IN_PROGRESS : StatusValues.NOT_SET_TO_SYNC)
            .set(f.toSalesforce(), d.toSalesforce() ? StatusValues.INITIAL_SYNC_IN_PROGRESS : StatusValues.NOT_SET_TO_SYNC);
        any = true;
      }
      if (!any) {
        continue;
      }
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

  private Map<String, SalesforceRecord> readUserStatuses() throws SalesforceException {
    return readUserStatuses(statusQuery().build());
  }

  /** The status rows of {@code userIds} alone, {@value SalesforceAdapter#ACCESS_CHUNK} users per query. */
  private Map<String, SalesforceRecord> readUserStatuses(List<String> userIds) throws SalesforceException {
    Map<String, SalesforceRecord> byUser = new LinkedHashMap<>();
    for (List<String> chunk : SalesforceAdapter.chunks(userIds, SalesforceAdapter.ACCESS_CHUNK)) {
      byUser.putAll(readUserStatuses(statusQuery().where(Soql.or(Soql.inIds("User__c", chunk), Soql.in("User_Key__c", chunk)))
          .build()));
    }
    return byUser;
  }

  private Soql statusQuery() {
    List<String> fields = new ArrayList<>(REP_FIELDS);
    kinds.forEach(k -> fields.addAll(k.statusFields().userFields()));
    return salesforce.select("Exchange_Sync_User_Status__c", fields.stream().distinct().toList());
  }

  private Map<String, SalesforceRecord> readUserStatuses(String soql) throws SalesforceException {
    Map<String, SalesforceRecord> byUser = new LinkedHashMap<>();
    for (SalesforceRecord r : salesforce.queryList(soql)) {
      String user = r.get("User_Key__c") != null ? r.get("User_Key__c") : r.get("User__c");
      if (user != null) {
        SalesforceId.canonical(user).ifPresent(id -> byUser.put(id, r));
      }
    }
    return byUser;
  }
}
