package com.exchangesync.testbed.salesforce;

import java.time.LocalDate;

/**
 * {@code LastActivityDate} as the org keeps it: read-only, and moved forward
 * when an event naming the contact or lead ({@code WhoId}) is saved with a later
 * {@code ActivityDate}. Like the org's roll-up it does not touch the contact's
 * {@code LastModifiedDate} or {@code SystemModstamp}, and sends no Outbound Message.
 */
final class ActivityRollup implements RecordStore.Listener {

  private final RecordStore store;

  ActivityRollup(RecordStore store) {
    this.store = store;
  }

  @Override
  public void saved(Row row, boolean created) {
    if (!row.type.name.equals("Event") || row.get("WhoId") == null || !(row.get("ActivityDate") instanceof LocalDate day)) {
      return;
    }
    Row who = store.row(row.get("WhoId").toString());
    if (who == null || who.deleted() || who.type.field("LastActivityDate") == null) {
      return;
    }
    Object current = who.get("LastActivityDate");
    if (!(current instanceof LocalDate c) || day.isAfter(c)) {
      store.changeInPlace(who, w -> w.values.put("LastActivityDate", day));
    }
  }
}
