package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a calendar item holds beyond simple properties: its time zones, its
 * recurrence (a recurring master has one), attendees, iCalendar UID, and a
 * master's exceptions and deleted occurrences, keyed by original start.
 */
public final class CalendarState {

  public CalendarZone zone;
  /** Null: the same as {@link #zone}. */
  public CalendarZone endZone;
  public Recurrence recurrence;
  public final List<Attendee> attendees = new ArrayList<>();
  public String uid;
  public boolean meetingRequestWasSent;
  public final TreeMap<Instant, ModifiedOccurrence> exceptions = new TreeMap<>();
  public final TreeSet<Instant> deleted = new TreeSet<>();

  public CalendarState copy() {
    CalendarState c = new CalendarState();
    c.restore(this);
    return c;
  }

  /** Makes this state equal to {@code from} (a rollback after a failed update). */
  public void restore(CalendarState from) {
    zone = from.zone;
    endZone = from.endZone;
    recurrence = from.recurrence;
    attendees.clear();
    attendees.addAll(from.attendees);
    uid = from.uid;
    meetingRequestWasSent = from.meetingRequestWasSent;
    exceptions.clear();
    for (Map.Entry<Instant, ModifiedOccurrence> e : from.exceptions.entrySet()) {
      exceptions.put(e.getKey(), e.getValue().copy());
    }
    deleted.clear();
    deleted.addAll(from.deleted);
  }

  public CalendarZone zone() {
    return zone == null ? CalendarZone.UTC : zone;
  }

  public CalendarZone endZone() {
    return endZone == null ? zone() : endZone;
  }

  public boolean isMeeting() {
    return !attendees.isEmpty();
  }
}
