package com.exchangesync.worker.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one object's changed records for the org's feed ({@link OrgChanges}): for each, its owner, its stamp,
 * and whether it is an echo of the worker's own create.
 *
 * <p>An echo is a record the integration user made and nobody changed since: created and last modified by that
 * user, its {@code SystemModstamp} in the second of its {@code CreatedDate} (Salesforce keeps audit times to the
 * second; any later save, by a person, a process or the worker, moves the stamp on). What it holds is what the
 * worker wrote (and the link saved), so its owner's pass has nothing to read: recognising it here is what keeps
 * the cycle after a large sync as cheap as a quiet one instead of each rep reading back every record the sync
 * made. The worker's updates are not echoes by this rule: a person's edit saved between the worker's read and its
 * update would hide behind the worker's stamp, and the record may concern reps other than the one whose pass wrote
 * it, so the record's owner reads it as a change. (Nothing else must sign in as the integration user; the admin
 * guide says so.)
 *
 * <p>Contacts' echoes are also left out by Salesforce itself, so the read does not page through every contact the
 * sync just made (2,000 a page, in the cycle after a sync and again in the next, {@link OrgChanges#OVERLAP}
 * reading back), nor, after a big org's initial sync, pass {@link OrgChanges#MOST} and send every rep back to
 * reading its own changes. SOQL cannot compare two fields, so the package's checkbox formula
 * {@value #SAVED_SINCE_CREATED} ({@code OR(LastModifiedDate > CreatedDate, LastModifiedById <> CreatedById)}) does
 * it, and the query keeps {@code CreatedById != <integration user> OR} that formula. The formula only filters what
 * the {@code SystemModstamp} index found, so it costs no full scan. The trade: a formula cannot see
 * {@code SystemModstamp}, so a contact the worker made whose stamp alone moved, without a save (Salesforce's help
 * article 000387261 names archive-date extensions, picklist value renames, e-mail bounce flags,
 * {@code LastActivityDate} and roll-up recalculations), is now left out as an echo where the client-side rule below
 * read it. The fields the sync maps change with a save, which moves {@code LastModifiedDate}, with one exception:
 * renaming a picklist value rewrites the records holding it without a save, so a worker-made contact's new value
 * reaches Exchange only with the contact's next save. Events are not filtered so: their invitees are
 * {@code EventRelation} rows, and Salesforce does not document that adding one through the API moves the event's
 * {@code LastModifiedDate} (the test bed moves only its stamp), so an event the worker made and a person then
 * invited someone to could hide behind the formula; events are judged here, by their stamp, as before.
 * {@link #ownCreation} still judges what the server returns, so the rule above holds whatever the filter lets
 * through. Without a known integration user id nothing is filtered; an org that refuses the field (a package not
 * upgraded yet, a permission set without it) is read without the filter, said once in the log, and asked again an
 * hour later.
 */
final class OrgFeedReader implements OrgChanges.Reader {

  static final List<String> FIELDS = List.of("OwnerId", "SystemModstamp", "CreatedById", "CreatedDate", "LastModifiedById");
  /** The package's formula: saved again since its creation, or last saved by someone other than its creator. */
  static final String SAVED_SINCE_CREATED = "Exchange_Sync_Saved_Since_Created__c";
  /** The objects that carry it (see above for why events do not). */
  static final Set<String> FILTERED = Set.of("Contact");
  /** How long an org that refused the formula is read without it before it is asked for again. */
  static final Duration ASK_AGAIN_AFTER = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(OrgFeedReader.class);

  /** When the org last refused the formula (null: never); one reader per object, read by one cycle at a time. */
  private volatile Instant refusedAt;

  private final SalesforceAdapter adapter;
  private final String object;
  private final Clock clock;

  OrgFeedReader(SalesforceAdapter adapter, String object) {
    this(adapter, object, Clock.systemUTC());
  }

  /** A reader that times {@link #ASK_AGAIN_AFTER} by {@code clock} (tests pass a manual one). */
  OrgFeedReader(SalesforceAdapter adapter, String object, Clock clock) {
    this.adapter = adapter;
    this.object = object;
    this.clock = clock;
  }

  @Override
  public boolean read(Instant after, int most, OrgChanges.Changed each) throws SalesforceException {
    SalesforceSession session = adapter.client().session();
    String integrationUser = session.userId();
    boolean filtered = FILTERED.contains(object) && (refusedAt == null
        || refusedAt.isBefore(clock.instant().minus(ASK_AGAIN_AFTER)));
    try {
      return read(after, most, each, integrationUser, filtered);
    } catch (SalesforceException e) {
      if (!filtered || !"INVALID_FIELD".equals(e.code())) {
        throw e;
      }
      if (refusedAt == null) {
        LOG.warn("Org {} refuses {}.{} ({}): its changed {} records are read whole, the worker's own creates among"
            + " them, until it is there. Upgrade the Exchange Sync package and check that the integration user has the"
            + " Exchange_Sync_Integration permission set.", session.organizationId(), object, adapter.api(SAVED_SINCE_CREATED),
            e.code(), object, e);
      }
      refusedAt = clock.instant();
      return read(after, most, each, integrationUser, false);
    }
  }

  private boolean read(Instant after, int most, OrgChanges.Changed each, String integrationUser, boolean filtered)
      throws SalesforceException {
    int[] read = {0};
    adapter.query(query(adapter, object, after, most, filtered ? integrationUser : null), false,
        page -> {
          for (SalesforceRecord r : page) {
            Instant stamp = r.instant("SystemModstamp");
            if (++read[0] <= most && r.get("OwnerId") != null && stamp != null) {
              each.accept(r.get("OwnerId"), stamp, ownCreation(r, integrationUser));
            }
          }
        });
    return read[0] <= most;
  }

  /**
   * The read of records changed after {@code after}; a contact's echoes of {@code integrationUser}'s creates left out
   * when it is known.
   */
  static String query(SalesforceAdapter adapter, String object, Instant after, int most, String integrationUser) {
    Soql q = adapter.select(object, FIELDS).where(Soql.after("SystemModstamp", after));
    if (FILTERED.contains(object) && integrationUser != null && SalesforceId.isWellFormed(integrationUser)) {
      q = q.where(Soql.or(Soql.notEqId("CreatedById", integrationUser), Soql.eq(adapter.api(SAVED_SINCE_CREATED), true)));
    }
    return q.limit(most + 1).build();
  }

  /** Whether {@code r} is as the integration user created it: nobody saved it since. */
  static boolean ownCreation(SalesforceRecord r, String integrationUser) {
    Instant stamp = r.instant("SystemModstamp");
    Instant created = r.instant("CreatedDate");
    return integrationUser != null && stamp != null && created != null
        && same(r.get("CreatedById"), integrationUser) && same(r.get("LastModifiedById"), integrationUser)
        && !stamp.truncatedTo(ChronoUnit.SECONDS).isAfter(created.truncatedTo(ChronoUnit.SECONDS));
  }

  private static boolean same(String id, String user) {
    return id != null && SalesforceId.same(id, user);
  }
}
