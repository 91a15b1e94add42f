package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * What the org adds to a save of an Event: its times ({@link EventTimes}),
 * series ({@link EventSeries}), the relations for its who and what
 * ({@link WhoAndWhatRelations}) and its invitees' copies ({@link InviteeCopies}),
 * which follow it. An invitee's copy ({@code IsChild = true}) belongs to the
 * organizer's event: it is changed and deleted through that event and its
 * invitations, not written on its own.
 */
final class EventRules implements ObjectRules {

  private final RecordStore store;
  private final EventRelations relations;
  private final WhoAndWhatRelations whoAndWhat;
  private final InviteeCopies copies;
  private final EventSeries series;

  EventRules(RecordStore store) {
    this.store = store;
    this.relations = new EventRelations(store);
    this.whoAndWhat = new WhoAndWhatRelations(store, relations);
    this.copies = new InviteeCopies(store);
    this.series = new EventSeries(store, relations);
  }

  @Override
  public List<SaveError> check(Row before, Row row, Change change, String actor) {
    if (before != null && Boolean.TRUE.equals(before.get("IsChild"))) {
      return List.of(childCopy("changed"));
    }
    if (Boolean.TRUE.equals(row.get("IsRecurrence"))) {
      // a Salesforce Classic series needs RecurrenceType and its fields, which this test bed does not keep: refuse
      // rather than store one event where the org would have made many
      return List.of(SaveError.of("FIELD_INTEGRITY_EXCEPTION", "IsRecurrence: Salesforce Classic recurring events are not"
          + " served by this test bed; make an event series with IsRecurrence2 and Recurrence2PatternText", "IsRecurrence"));
    }
    SaveError e = EventTimes.derive(before, row, change, TimeZones.ofUser(store, actor));
    if (e == null) {
      e = series.check(before, row, actor);
    }
    return e == null ? List.of() : List.of(e);
  }

  @Override
  public SaveError checkDelete(Row row) {
    return Boolean.TRUE.equals(row.get("IsChild")) ? childCopy("deleted") : null;
  }

  @Override
  public void saved(Row before, Row row, String actor, Instant now) {
    whoAndWhat.follow(before, row, actor, now);
    for (Row occurrence : series.saved(before, row, actor, now)) {
      whoAndWhat.follow(null, occurrence, actor, now);
    }
    if (before != null && Boolean.TRUE.equals(row.get("IsGroupEvent"))) {
      copies.follow(row, actor, now); // only a group event (one with invitees) can have copies
    }
  }

  @Override
  public void deleted(Row row, Instant now) {
    relations.removeAll(row.id, now);
  }

  private static SaveError childCopy(String verb) {
    return SaveError.of("FIELD_INTEGRITY_EXCEPTION", "This event is an invitee's copy (IsChild = true) and can't be " + verb
        + " on its own: change or delete the organizer's event, or the invitee's EventRelation");
  }
}
