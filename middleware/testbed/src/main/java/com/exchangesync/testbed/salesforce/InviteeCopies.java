package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The copies of an event the org keeps for the users invited to it: when a
 * user becomes an invitee ({@code EventRelation} with {@code IsInvitee}), the
 * org makes an Event owned by that user with {@code IsChild = true}, the
 * organizer's event's fields and {@code IsGroupEvent = true}. A copy follows
 * every change of the organizer's event and goes when the invitation or the
 * event goes. Invitees who are contacts or leads get no copy. A copy is the
 * invitee's view of someone else's event, not theirs to sync: a sync reads
 * {@code IsChild = false}.
 */
final class InviteeCopies {

  /** Where a copy keeps the id of the organizer's event (not on the API: the org shows no such field). */
  static final String COPY_OF = "$CopyOf";
  /** Fields a copy does not take from the organizer's event. */
  private static final Set<String> OWN = Set.of("Id", "OwnerId", "IsChild", "IsDeleted", "CreatedDate", "CreatedById",
      "LastModifiedDate", "LastModifiedById", "SystemModstamp");

  private final RecordStore store;

  InviteeCopies(RecordStore store) {
    this.store = store;
  }

  /** Makes {@code user}'s copy of {@code event}. */
  void make(Row event, String user, String actor, Instant now) {
    Row copy = new Row(event.type, SalesforceIds.next(event.type.keyPrefix));
    take(copy, event);
    copy.values.put("OwnerId", user);
    copy.values.put("IsChild", Boolean.TRUE);
    copy.values.put(COPY_OF, event.id);
    RowStamps.created(copy, actor, now);
    store.put(copy, true);
  }

  /** Brings every copy of {@code event} up to date with it. */
  void follow(Row event, String actor, Instant now) {
    for (Row copy : of(event.id)) {
      Row changed = copy.copy();
      take(changed, event);
      if (!changed.values.equals(copy.values)) {
        RowStamps.modified(changed, actor, now);
        store.put(changed, false);
      }
    }
  }

  /** Deletes {@code user}'s copy of the event {@code eventId}. */
  void remove(String eventId, String user, Instant now) {
    of(eventId).stream().filter(c -> user.equals(c.get("OwnerId"))).forEach(c -> store.put(RowStamps.deleted(c, now), false));
  }

  /** Deletes every copy of the event {@code eventId}. */
  void removeAll(String eventId, Instant now) {
    of(eventId).forEach(c -> store.put(RowStamps.deleted(c, now), false));
  }

  /** The live copies of the event {@code eventId}. */
  List<Row> of(String eventId) {
    return store.rowsWhere(store.schema.type("Event"), COPY_OF, RecordStore.Match.QUERY, eventId).stream()
        .filter(r -> !r.deleted() && Objects.equals(eventId, r.get(COPY_OF))).toList();
  }

  private static void take(Row copy, Row event) {
    for (FieldDef f : event.type.fields()) {
      if (!OWN.contains(f.name())) {
        copy.values.put(f.name(), event.get(f.name()));
      }
    }
  }
}
