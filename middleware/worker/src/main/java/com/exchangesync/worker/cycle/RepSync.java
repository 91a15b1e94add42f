package com.exchangesync.worker.cycle;

import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.SyncError;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.logging.LogContext;
import com.exchangesync.worker.salesforce.FieldMapping;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.Soql;
import com.exchangesync.worker.status.KindStatusFields;
import com.exchangesync.worker.status.StatusValues;
import com.exchangesync.worker.status.UserStatus;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.Fence;
import com.exchangesync.worker.sync.KindSettings;
import com.exchangesync.worker.sync.LeaseLostException;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.Membership;
import com.exchangesync.worker.sync.PassReport;
import com.exchangesync.worker.sync.RecordError;
import com.exchangesync.worker.sync.RepContext;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.SyncException;
import com.exchangesync.worker.sync.SyncKind;
import com.exchangesync.worker.sync.SyncPass;
import com.exchangesync.worker.sync.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rep in one cycle, under the mailbox's lease (taken again, should it have
 * lapsed since the cycle claimed it): Reset Sync if marked, the mailbox opened
 * once and claimed for the org ({@link OrgMarks}), then one {@link SyncPass} per
 * kind, each kind's statuses and error rows. A kind that fails is reported and
 * the other kinds go on; a mailbox that cannot be opened fails every kind with
 * its cause; a mailbox another org syncs is left alone, with an error row and
 * statuses that say so.
 */
final class RepSync {

  private static final Logger LOG = LoggerFactory.getLogger(RepSync.class);

  /** Failures that mean the rep's mailbox is not one the service account (or the Exchange Online app) may reach. */
  private static final java.util.Set<MailboxError> NOT_RECOGNIZED = java.util.EnumSet.of(MailboxError.IMPERSONATION_DENIED,
      MailboxError.MAILBOX_NOT_FOUND, MailboxError.BAD_CREDENTIALS, MailboxError.MAILBOX_OUT_OF_SCOPE,
      MailboxError.MAILBOX_NOT_ENABLED, MailboxError.APP_SIGN_IN_REFUSED, MailboxError.APP_PERMISSION_MISSING);

  private final SalesforceAdapter salesforce;
  private final SyncStateStore store;
  private final MailboxLeases leases;
  private final ErrorOutbox errors;
  private final SyncActivity activity;
  private final List<SyncKind> kinds;
  private final String workerId;
  private final Clock clock;
  private final Duration lease;
  private final OrgMarks marks;
  private int pageSize = SyncPass.PAGE;

  RepSync(SalesforceAdapter salesforce, SyncStateStore store, MailboxLeases leases, ErrorOutbox errors, SyncActivity activity,
          OrgMarks marks, List<SyncKind> kinds, String workerId, Clock clock, Duration lease) {
    this.marks = marks;
    this.salesforce = salesforce;
    this.store = store;
    this.leases = leases;
    this.errors = errors;
    this.activity = activity;
    this.kinds = kinds;
    this.workerId = workerId;
    this.clock = clock;
    this.lease = lease;
  }

  /** How many changes per side each page of a pass holds. */
  void pageSize(int changes) {
    this.pageSize = changes;
  }

  /**
   * Syncs the rep's kinds, filling {@code status} with what it found.
   *
   * @param current the rep's status row as Salesforce holds it (null if none)
   */
  List<RepOutcome> sync(String orgId, Membership.Rep rep, MailboxConnector connector, List<FieldMapping> mappings,
                        SalesforceRecord current, UserStatus status) {
    String email = rep.user().email();
    MailboxKey key = new MailboxKey(orgId, rep.user().id());
    if (leases.acquire(workerId, List.of(key), 1, lease).isEmpty()) {
      copyPrevious(current, status, kinds);
      return List.of(RepOutcome.ofRep(email, "skipped", "another worker is syncing this mailbox"));
    }
    try (LeaseHeartbeat heartbeat = new LeaseHeartbeat(leases, workerId, key, lease, email)) {
      List<KindSettings> settings = new ArrayList<>();
      for (SyncKind kind : kinds) {
        KindSettings s = kind.settings(key, rep.user(), rep.configuration(), mappings);
        for (String problem : s.problems()) {
          report(orgId, rep, kind, "CONFIGURATION_INVALID", problem, "Correct the configuration in Exchange Sync Configurations.",
              null, null, null);
        }
        settings.add(s);
      }
      if (current != null && StatusValues.MARKED_FOR_RESET.equals(current.get("Reset_Status__c"))) {
        salesforce.writeUserStatuses(List.of(new UserStatus(rep.user().id())
            .set("Reset_Status__c", StatusValues.RESET_IN_PROGRESS).toRecord()));
        store.reset(key, workerId);
      }
      try (Mailbox mailbox = connector.open(email)) {
        status.set("Recognized_By_Service_Account__c", StatusValues.RECOGNIZED);
        if (syncsAnything(rep)) {
          if (!heartbeat.holds()) {
            throw new LeaseLostException(key, workerId);
          }
          Optional<String> other = marks.claim(orgId, key, email, mailbox);
          if (other.isPresent()) {
            return heldElsewhere(orgId, rep, other.get(), current, status);
          }
        }
        List<RepOutcome> outcomes = new ArrayList<>();
        boolean allSynced = true;
        for (int i = 0; i < kinds.size(); i++) {
          RepOutcome outcome;
          try (LogContext.Scope kind = LogContext.kind(kinds.get(i).itemKind())) {
            outcome = syncKind(orgId, rep, kinds.get(i), settings.get(i), mailbox, current, status, heartbeat::holds);
          }
          allSynced &= outcome.state().equals("synced");
          outcomes.add(outcome);
        }
        if (allSynced) {
          status.set("Reset_Status__c", null);
        }
        return outcomes;
      } catch (MailboxException e) {
        boolean notRecognized = NOT_RECOGNIZED.contains(e.error());
        copyPrevious(current, status, kinds);
        status.set("Recognized_By_Service_Account__c", notRecognized ? StatusValues.NOT_RECOGNIZED
            : current == null ? null : current.get("Recognized_By_Service_Account__c"));
        report(orgId, rep, null, e.error().code(), e.getMessage(), e.error().suggestion(), null, null, null);
        LOG.warn("The mailbox of {} (org {}) could not be opened: {}", email, orgId, e.getMessage(), e);
        return List.of(RepOutcome.ofRep(email, "failed", e.getMessage()));
      }
    } catch (LeaseLostException e) {
      copyPrevious(current, status, kinds);
      return List.of(RepOutcome.ofRep(email, "skipped", e.getMessage()));
    } catch (SalesforceException e) {
      copyPrevious(current, status, kinds);
      LOG.warn("Salesforce failed while syncing {} (org {}): {}", email, orgId, e.getMessage(), e);
      return List.of(RepOutcome.ofRep(email, "failed", e.getMessage()));
    }
    // The lease stays: the mailbox is this worker's share until it gives it back (MailboxShare) or stops.
  }

  /** Whether the rep's configuration syncs any kind in any direction (one that syncs nothing claims no mailbox). */
  boolean syncsAnything(Membership.Rep rep) {
    return kinds.stream().anyMatch(k -> k.direction(rep.configuration()) != Direction.NONE);
  }

  /**
   * Another org's mark holds the mailbox: nothing is read or written on either side, an error row names
   * that org, and each direction the configuration syncs shows "Mailbox synced by another org".
   */
  private List<RepOutcome> heldElsewhere(String orgId, Membership.Rep rep, String otherOrg, SalesforceRecord current,
                                         UserStatus status) {
    String email = rep.user().email();
    for (SyncKind kind : kinds) {
      Direction d = kind.direction(rep.configuration());
      status.set(kind.statusFields().toExchange(), d.toExchange() ? StatusValues.SYNCED_BY_ANOTHER_ORG : StatusValues.NOT_SET_TO_SYNC)
          .set(kind.statusFields().toSalesforce(), d.toSalesforce() ? StatusValues.SYNCED_BY_ANOTHER_ORG : StatusValues.NOT_SET_TO_SYNC);
    }
    copyPrevious(current, status, kinds);
    report(orgId, rep, null, OrgMarks.HELD_ELSEWHERE, OrgMarks.message(otherOrg), OrgMarks.suggestion(otherOrg, email),
        null, null, null);
    LOG.warn("The mailbox of {} is synced by org {}; org {} syncs nothing there", email, otherOrg, orgId);
    return List.of(RepOutcome.ofRep(email, "skipped", "synced by org " + otherOrg));
  }

  /** One kind's pass and statuses; a failure of this kind leaves the others to go on. */
  private RepOutcome syncKind(String orgId, Membership.Rep rep, SyncKind kind, KindSettings settings, Mailbox mailbox,
                              SalesforceRecord current, UserStatus status, Fence fence) throws LeaseLostException {
    String email = rep.user().email();
    KindStatusFields f = kind.statusFields();
    if (settings.context().isEmpty()) {
      copyPrevious(current, status, List.of(kind));
      return new RepOutcome(email, Optional.of(kind.itemKind()), "failed", String.join("; ", settings.problems()), Optional.empty());
    }
    boolean firstSync = store.start(settings.context().get().mailbox(), kind.itemKind()).cursors().isEmpty();
    try {
      status.set(f.folderFound(), true);
      RepContext context = MailboxFields.fitted(settings.context().get(), mailbox);
      PassReport report = new SyncPass(mailbox, kind.salesforceSide(salesforce, context), store, workerId, clock, fence)
          .pageSize(pageSize).run(context);
      for (RecordError e : report.errors()) {
        report(orgId, rep, kind, e.code(), e.message(), e.suggestion(), e.salesforceId(), e.exchangeId(),
            e.writtenTo() == Side.EXCHANGE ? "Salesforce to Exchange" : "Exchange to Salesforce");
      }
      activity.record(orgId, kind.itemKind().name(), report.writes(), clock.instant());
      Direction d = settings.context().get().direction();
      String done = firstSync ? StatusValues.INITIAL_SYNC_COMPLETED : StatusValues.IN_SYNC;
      status.set(f.toExchange(), d.toExchange() ? done : StatusValues.NOT_SET_TO_SYNC)
          .set(f.toSalesforce(), d.toSalesforce() ? done : StatusValues.NOT_SET_TO_SYNC)
          .set(f.inSync(), report.linkedTotal());
      // The time moves only when something was synced, so a quiet cycle writes no status (and a kind
      // that is not synced, which never saves a position, is never a first sync).
      boolean moved = report.writes() > 0 || (firstSync && !report.directionNone()) || current == null;
      status.set(f.lastSync(), moved ? Soql.datetime(clock.instant()) : current.get(f.lastSync()));
      return new RepOutcome(email, Optional.of(kind.itemKind()), "synced", "", Optional.of(report));
    } catch (SyncException e) {
      copyPrevious(current, status, List.of(kind));
      report(orgId, rep, kind, e.code(), e.getMessage(), e.suggestion(), null, null, null);
      LOG.warn("The {} of {} (org {}) did not sync: {}", kind.salesforceObject().name(), email, orgId, e.getMessage(), e);
      return new RepOutcome(email, Optional.of(kind.itemKind()), "failed", e.getMessage(), Optional.empty());
    }
  }

  /** Keeps what Salesforce shows for the fields of {@code of} that this cycle did not decide. */
  static void copyPrevious(SalesforceRecord current, UserStatus status, List<SyncKind> of) {
    List<String> fields = new ArrayList<>(List.of("Recognized_By_Service_Account__c", "Reset_Status__c"));
    of.forEach(k -> fields.addAll(k.statusFields().userFields()));
    for (String field : fields) {
      if (status.get(field) != null) {
        continue;
      }
      if (current != null) {
        status.set(field, current.get(field));
      }
    }
    if (current == null) {
      for (SyncKind k : of) {
        status.set(k.statusFields().toExchange(), StatusValues.NOT_STARTED)
            .set(k.statusFields().toSalesforce(), StatusValues.NOT_STARTED);
      }
    }
  }

  private void report(String orgId, Membership.Rep rep, SyncKind kind, String code, String message, String suggestion,
                      String sfId, String exId, String direction) {
    String object = kind == null ? kinds.get(0).salesforceObject().name() : kind.salesforceObject().name();
    Blocking.await(errors.add(new SyncError(orgId, rep.user().id(), object, direction, sfId, exId, code, message, suggestion,
        clock.instant(), rep.configuration().id())));
  }
}
