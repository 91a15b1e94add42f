package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.Objects;

/**
 * An event's {@code WhoId} and {@code WhatId} as the {@code EventRelation}
 * rows an org with Shared Activities keeps for them: the who's row has
 * {@code IsParent}, the what's {@code IsParent} and {@code IsWhat}, and
 * neither is an invitee unless the person was invited too (one row, both
 * flags). A new who or what replaces the old one's row; an old who who is
 * still invited keeps the row without {@code IsParent}. Invitees' copies have
 * no rows of their own.
 */
final class WhoAndWhatRelations {

  private final RecordStore store;
  private final EventRelations relations;

  WhoAndWhatRelations(RecordStore store, EventRelations relations) {
    this.store = store;
    this.relations = relations;
  }

  /** After {@code event} was saved ({@code before}: as it was, null if created): its who and what rows follow it. */
  void follow(Row before, Row event, String actor, Instant now) {
    if (Boolean.TRUE.equals(event.get("IsChild"))) {
      return;
    }
    follow(before == null ? null : (String) before.get("WhoId"), (String) event.get("WhoId"), event, false, actor, now);
    follow(before == null ? null : (String) before.get("WhatId"), (String) event.get("WhatId"), event, true, actor, now);
  }

  private void follow(String old, String current, Row event, boolean what, String actor, Instant now) {
    if (Objects.equals(old, current)) {
      return;
    }
    Row gone = old == null ? null : relations.find(event.id, old);
    if (gone != null) {
      if (EventRelations.flag(gone, "IsInvitee")) {
        setParent(gone, false, actor, now); // still invited
      } else {
        store.put(RowStamps.deleted(gone, now), false);
      }
    }
    if (current == null) {
      return;
    }
    Row existing = relations.find(event.id, current);
    if (existing != null) {
      setParent(existing, true, actor, now); // an invitee becomes the who as well
      return;
    }
    Row r = new Row(store.schema.type(EventRelations.NAME), SalesforceIds.next("0RE"));
    r.values.put("EventId", event.id);
    r.values.put("RelationId", current);
    r.values.put("IsParent", Boolean.TRUE);
    r.values.put("IsWhat", what);
    r.values.put("IsInvitee", Boolean.FALSE);
    r.values.put("AccountId", EventRelations.accountOf(store, current));
    RowStamps.created(r, actor, now);
    store.put(r, true);
  }

  private void setParent(Row relation, boolean parent, String actor, Instant now) {
    Row changed = relation.copy();
    changed.values.put("IsParent", parent);
    RowStamps.modified(changed, actor, now);
    store.put(changed, false);
  }
}
