package com.exchangesync.worker.salesforce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
 * <p>Echoes are also left out by Salesforce itself, so the read does not page through every record the sync just
 * made (2,000 a page, in the cycle after a sync and again in the next, {@link OrgChanges#OVERLAP} reading back),
 * nor, after a big org's initial sync, pass {@link OrgChanges#MOST} and send every rep back to reading its own
 * changes. SOQL cannot compare two fields, so the package's checkbox formula {@value #SAVED_SINCE_CREATED}
 * ({@code OR(LastModifiedDate > CreatedDate, LastModifiedById <> CreatedById)}) does it, and the query keeps
 * {@code CreatedById != <integration user> OR} that formula. The formula only filters what the
 * {@code SystemModstamp} index found, so it costs no full scan. The trade: a formula cannot see
 * {@code SystemModstamp}, so a record the worker made whose stamp alone moved, without a save (Salesforce's help
 * article 000387261 names archive-date extensions, picklist value renames, e-mail bounce flags,
 * {@code LastActivityDate} and roll-up recalculations; the test bed moves an event's stamp when invitees make it a
 * group event or no longer), is now left out as an echo where the client-side rule below read it. The fields
 * the sync maps change with a save, which moves {@code LastModifiedDate}, with one exception: renaming a picklist
 * value rewrites the records holding it without a save, so a worker-made record's new value reaches Exchange only
 * with the record's next save. {@link #ownCreation} still judges what the server returns, so the rule above
 * holds whatever the filter lets through. Without a known integration user id nothing is filtered.
 */
final class OrgFeedReader implements OrgChanges.Reader {

  static final List<String> FIELDS = List.of("OwnerId", "SystemModstamp", "CreatedById", "CreatedDate", "LastModifiedById");
  /** The package's formula: saved again since its creation, or last saved by someone other than its creator. */
  static final String SAVED_SINCE_CREATED = "Exchange_Sync_Saved_Since_Created__c";

  private final SalesforceAdapter adapter;
  private final String object;

  OrgFeedReader(SalesforceAdapter adapter, String object) {
    this.adapter = adapter;
    this.object = object;
  }

  @Override
  public boolean read(Instant after, int most, OrgChanges.Changed each) throws SalesforceException {
    String integrationUser = adapter.client().session().userId();
    int[] read = {0};
    adapter.query(query(adapter, object, after, most, integrationUser), false,
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

  /** The read of records changed after {@code after}, echoes of {@code integrationUser}'s creates left out when it is known. */
  static String query(SalesforceAdapter adapter, String object, Instant after, int most, String integrationUser) {
    Soql q = adapter.select(object, FIELDS).where(Soql.after("SystemModstamp", after));
    if (integrationUser != null && SalesforceId.isWellFormed(integrationUser)) {
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
