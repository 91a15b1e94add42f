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
 * worker wrote (and the link saved), so its owner's pass has nothing to read: recognising it here, from the
 * audit fields the feed reads anyway, is what keeps the cycle after a large sync as cheap as a quiet one instead
 * of each rep reading back every record the sync made. The worker's updates are not echoes by this rule: a
 * person's edit saved between the worker's read and its update would hide behind the worker's stamp, and the
 * record may concern reps other than the one whose pass wrote it, so the record's owner reads it as a change.
 * (Nothing else must sign in as the integration user; the admin guide says so.)
 */
final class OrgFeedReader implements OrgChanges.Reader {

  static final List<String> FIELDS = List.of("OwnerId", "SystemModstamp", "CreatedById", "CreatedDate", "LastModifiedById");

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
    adapter.query(adapter.select(object, FIELDS).where(Soql.after("SystemModstamp", after)).limit(most + 1).build(), false,
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
