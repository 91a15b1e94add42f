package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.FieldType.BOOLEAN;
import static com.exchangesync.testbed.salesforce.FieldType.DATETIME;
import static com.exchangesync.testbed.salesforce.FieldType.PICKLIST;
import static com.exchangesync.testbed.salesforce.FieldType.STRING;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code EventRelation} as an org with Shared Activities keeps it: one row per
 * person or record related to an event. An invitee ({@code IsInvitee}) is a
 * contact, lead or user; a user invitee gets a copy of the event
 * ({@link InviteeCopies}), and an event with invitees is a group event
 * ({@code IsGroupEvent}, {@code GroupEventType} 1). The event's {@code WhoId}
 * and {@code WhatId} are rows too ({@code IsParent}, and {@code IsWhat} for
 * the what); a contact who is both the who and an invitee has one row with
 * both flags ({@link WhoAndWhatRelations} keeps those rows). Without
 * {@code IsInvitee}, {@code IsParent} or {@code IsWhat} a new row is an
 * invitee; with {@code IsParent} it is not. {@code EventId} and
 * {@code RelationId} are set once; a child event (an invitee's copy) takes no
 * relations. Deleting a row removes the invitee's copy, or clears the event's
 * who or what it stood for; deleting an event deletes its rows.
 */
final class EventRelations implements ObjectRules {

  static final String NAME = "EventRelation";
  /** Who may be invited. */
  private static final Set<String> PEOPLE = Set.of("Contact", "Lead", "User");
  /** What an event's WhoId names. */
  private static final Set<String> WHO = Set.of("Contact", "Lead");

  private final RecordStore store;
  private final InviteeCopies copies;

  EventRelations(RecordStore store) {
    this.store = store;
    this.copies = new InviteeCopies(store);
  }

  /** The EventRelation sObject type. */
  static SObjectType type() {
    return StandardObjects.withSystemFields(new SObjectType(NAME, "0RE", false, true))
        .add(FieldDef.reference("EventId", "Event", "Event").asRequired().asCreateOnly())
        .add(StandardObjects.polymorphic("RelationId", "Relation", "Contact", "Lead", "User", "Account").asRequired().asCreateOnly())
        .add(FieldDef.of("IsInvitee", BOOLEAN, 0))
        .add(FieldDef.of("IsParent", BOOLEAN, 0))
        .add(FieldDef.of("IsWhat", BOOLEAN, 0).asCreateOnly())
        .add(StandardObjects.restrictedPicklist("Status", "New", "Accepted", "Declined"))
        .add(FieldDef.of("RespondedDate", DATETIME, 0))
        .add(FieldDef.of("Response", STRING, 255))
        .add(FieldDef.readOnly("AccountId", FieldType.REFERENCE));
  }

  @Override
  public List<SaveError> check(Row before, Row row, Change change, String actor) {
    Row event = store.row(row.get("EventId").toString());
    if (before == null) {
      if (Boolean.TRUE.equals(event.get("IsChild"))) {
        return List.of(SaveError.of("FIELD_INTEGRITY_EXCEPTION", "EventId: an EventRelation can't be created for a child event"
            + " (an invitee's copy, IsChild = true): relate it to the organizer's event", "EventId"));
      }
      defaults(row, change);
      Row same = find(event.id, row.get("RelationId").toString());
      if (same != null) {
        return List.of(SaveError.of("DUPLICATE_VALUE", "duplicate value found: RelationId duplicates value on record with id: "
            + same.id, "RelationId"));
      }
    }
    String kind = store.schema.typeOfId(row.get("RelationId").toString()).name;
    boolean invitee = flag(row, "IsInvitee");
    if (!invitee && !flag(row, "IsParent") && !flag(row, "IsWhat")) {
      return List.of(SaveError.of("FIELD_INTEGRITY_EXCEPTION", "An EventRelation is an invitee (IsInvitee), the event's who"
          + " (IsParent) or its what (IsWhat): at least one must be true; delete the relation instead", "IsInvitee"));
    }
    String wrongKind = invitee && !PEOPLE.contains(kind) ? "an invitee is a contact, lead or user"
        : flag(row, "IsParent") && !flag(row, "IsWhat") && !WHO.contains(kind) ? "the who of an event is a contact or a lead"
        : flag(row, "IsWhat") && PEOPLE.contains(kind) ? "the what of an event is a record such as an account, not a person"
        : null;
    if (wrongKind != null) {
      return List.of(SaveError.of("FIELD_INTEGRITY_EXCEPTION", "RelationId: " + wrongKind + "; this relation is a " + kind,
          "RelationId"));
    }
    if (invitee && row.get("Status") == null) {
      row.values.put("Status", "New");
    }
    row.values.put("AccountId", accountOf(store, row.get("RelationId").toString()));
    return List.of();
  }

  /** IsInvitee, IsParent and IsWhat as the org defaults them. */
  private static void defaults(Row row, Change change) {
    boolean noneGiven = change.value("IsInvitee") == null && change.value("IsParent") == null && change.value("IsWhat") == null;
    if (row.get("IsParent") == null) {
      row.values.put("IsParent", Boolean.FALSE);
    }
    if (row.get("IsWhat") == null) {
      row.values.put("IsWhat", Boolean.FALSE);
    }
    if (row.get("IsInvitee") == null) {
      row.values.put("IsInvitee", noneGiven);
    }
  }

  @Override
  public void saved(Row before, Row row, String actor, Instant now) {
    boolean was = before != null && flag(before, "IsInvitee");
    boolean is = flag(row, "IsInvitee");
    String eventId = row.get("EventId").toString();
    String relation = row.get("RelationId").toString();
    if (was == is) {
      return;
    }
    markGroup(eventId, now);
    if (store.schema.typeOfId(relation).name.equals("User")) {
      if (is) {
        copies.make(store.row(eventId), relation, actor, now);
      } else {
        copies.remove(eventId, relation, now);
      }
    }
  }

  @Override
  public void deleted(Row row, Instant now) {
    String eventId = row.get("EventId").toString();
    String relation = row.get("RelationId").toString();
    Row event = store.row(eventId);
    if (event == null || event.deleted()) {
      return;
    }
    if (flag(row, "IsInvitee")) {
      copies.remove(eventId, relation, now);
      markGroup(eventId, now);
    }
    String field = flag(row, "IsWhat") ? "WhatId" : flag(row, "IsParent") ? "WhoId" : null;
    if (field != null && relation.equals(event.get(field))) {
      // the event no longer names what the deleted row stood for
      store.changeInPlace(event, e -> {
        e.values.put(field, null);
        e.values.put("SystemModstamp", now);
      });
    }
  }

  // --- what an event's own save and delete bring about --------------------------------------------

  /** Invites to {@code event} whoever {@code invitation} (a row of another event) invites, with its answer. */
  void inviteAsIn(Row invitation, Row event, String actor, Instant now) {
    Row r = new Row(store.schema.type(NAME), SalesforceIds.next("0RE"));
    for (String f : List.of("RelationId", "IsInvitee", "Status", "RespondedDate", "Response", "AccountId")) {
      r.values.put(f, invitation.get(f));
    }
    r.values.put("EventId", event.id);
    r.values.put("IsParent", Boolean.FALSE);
    r.values.put("IsWhat", Boolean.FALSE);
    RowStamps.created(r, actor, now);
    store.put(r, true);
    saved(null, r, actor, now);
  }

  /** Deletes every row of the event {@code eventId} and the invitees' copies (the event itself is going). */
  void removeAll(String eventId, Instant now) {
    of(eventId).forEach(r -> store.put(RowStamps.deleted(r, now), false));
    copies.removeAll(eventId, now);
  }

  /** The live rows of the event {@code eventId}. */
  List<Row> of(String eventId) {
    return store.rowsWhere(store.schema.type(NAME), "EventId", RecordStore.Match.QUERY, eventId).stream()
        .filter(r -> !r.deleted() && eventId.equals(r.get("EventId"))).toList();
  }

  /** The live invitee rows of the event {@code eventId}. */
  List<Row> invitees(String eventId) {
    return of(eventId).stream().filter(r -> flag(r, "IsInvitee")).toList();
  }

  /** The live row relating {@code relationId} to the event {@code eventId}, or null. */
  Row find(String eventId, String relationId) {
    return of(eventId).stream().filter(r -> relationId.equals(r.get("RelationId"))).findFirst().orElse(null);
  }

  /** Sets the event's group flags from whether it has invitees; a change moves its SystemModstamp. */
  private void markGroup(String eventId, Instant now) {
    Row event = store.row(eventId);
    boolean group = !invitees(eventId).isEmpty();
    if (!Boolean.valueOf(group).equals(event.get("IsGroupEvent"))) {
      store.changeInPlace(event, e -> {
        e.values.put("IsGroupEvent", group);
        e.values.put("GroupEventType", group ? "1" : "0");
        e.values.put("SystemModstamp", now);
      });
    }
  }

  /** The AccountId of a relation to {@code relationId}: the contact's account, else none. */
  static Object accountOf(RecordStore store, String relationId) {
    Row target = store.row(relationId);
    return target != null && target.type.name.equals("Contact") ? target.get("AccountId") : null;
  }

  static boolean flag(Row row, String field) {
    return Boolean.TRUE.equals(row.get(field));
  }
}
