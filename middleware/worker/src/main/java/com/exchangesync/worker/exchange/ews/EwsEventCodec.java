package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.Attendees;
import com.exchangesync.worker.exchange.EventTimes;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeRecurrence;
import com.exchangesync.worker.exchange.RecurrenceRules;
import com.exchangesync.worker.exchange.UnstatableRecurrenceException;
import com.exchangesync.worker.exchange.WindowsTimeZones;
import com.exchangesync.worker.exchange.ews.EwsItemCodec.InvalidValueException;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;

/**
 * A calendar item's fields to and from ews-java-api's {@link Appointment}, as the
 * mailbox interface gives and takes them (see {@code docs/exchange-adapter.md}).
 * Times go out and come back as UTC instants with the item's own time zone beside
 * them ({@code StartTimeZone}, by Windows id), so an all-day event's dates and a
 * series' local time are those of its zone whatever the JVM's. Only what changed is
 * sent on an update: Exchange drops a series' exceptions when its times, zone or
 * pattern are set, even to the same values.
 */
final class EwsEventCodec {

  /** What one occurrence cannot have of its own: it belongs to the series. */
  private static final List<ExchangeField> SERIES_FIELDS =
      List.of(ExchangeField.RECURRENCE, ExchangeField.START_TIME_ZONE, ExchangeField.ATTENDEES);
  private static final List<ExchangeField> TIMES =
      List.of(ExchangeField.START, ExchangeField.END, ExchangeField.IS_ALL_DAY, ExchangeField.START_TIME_ZONE);
  private static final List<ExchangeField> TEXTS = List.of(ExchangeField.SUBJECT, ExchangeField.LOCATION, ExchangeField.BODY,
      ExchangeField.SENSITIVITY, ExchangeField.SHOW_AS);

  private EwsEventCodec() {}

  /** The item's fields (a field Exchange has no value for is put as {@code null}); {@code SERIES_ID} is the mailbox's to add. */
  static void read(Appointment a, Map<ExchangeField, String> values) throws Exception {
    ZoneId zone = WindowsZoneDefinition.zoneOf(a);
    boolean allDay = Boolean.TRUE.equals(get(a, AppointmentSchema.IsAllDayEvent));
    Date start = a.getStart();
    values.put(ExchangeField.SUBJECT, a.getSubject());
    values.put(ExchangeField.LOCATION, a.getLocation());
    values.put(ExchangeField.BODY, EwsItemCodec.body(a));
    values.put(ExchangeField.START, start == null ? null : EventTimes.value(start.toInstant(), allDay, zone));
    values.put(ExchangeField.END, a.getEnd() == null ? null : EventTimes.value(a.getEnd().toInstant(), allDay, zone));
    values.put(ExchangeField.IS_ALL_DAY, Boolean.toString(allDay));
    values.put(ExchangeField.START_TIME_ZONE, zone.getId());
    values.put(ExchangeField.SENSITIVITY, a.getSensitivity() == null ? null : a.getSensitivity().name());
    values.put(ExchangeField.SHOW_AS, EwsFreeBusy.read(a));
    values.put(ExchangeField.ATTENDEES, EwsAttendees.read(a));
    values.put(ExchangeField.ICAL_UID, get(a, AppointmentSchema.ICalUid));
    EmailAddress organizer = get(a, AppointmentSchema.Organizer);
    values.put(ExchangeField.ORGANIZER, organizer == null ? null : organizer.getAddress());
    AppointmentType type = get(a, AppointmentSchema.AppointmentType);
    values.put(ExchangeField.CALENDAR_ITEM_TYPE, type == null ? null : type.name());
    if (type == AppointmentType.RecurringMaster && start != null) {
      Recurrence recurrence = get(a, AppointmentSchema.Recurrence);
      Optional<ExchangeRecurrence> r = recurrence == null ? Optional.empty()
          : EwsRecurrence.fromEws(recurrence, start.toInstant().atZone(zone).toLocalDate(), zone);
      values.put(ExchangeField.RECURRENCE, r.map(RecurrenceRules::toRrule).orElse(null));
    }
    if (type == AppointmentType.Occurrence || type == AppointmentType.Exception) {
      Date original = get(a, AppointmentSchema.OriginalStart);
      values.put(ExchangeField.ORIGINAL_START, original == null ? null : EventTimes.value(original.toInstant(), allDay, zone));
    }
  }

  /**
   * Sets {@code values} on a new item: a single event, or a master when
   * {@code RECURRENCE} is given ({@code START}/{@code END} then its first occurrence's).
   *
   * @throws InvalidValueException when a value cannot be written, saying which and why
   */
  static void create(Appointment a, Map<ExchangeField, String> values) throws Exception {
    EventTimes times = times(values);
    setTimes(a, times);
    setZone(a, times);
    for (ExchangeField f : TEXTS) {
      if (values.get(f) != null) {
        setText(a, f, values.get(f));
      }
    }
    if (blank(values.get(ExchangeField.RECURRENCE)) != null) {
      a.setRecurrence(EwsRecurrence.toEws(recurrence(values.get(ExchangeField.RECURRENCE), times)));
    }
    if (blank(values.get(ExchangeField.ATTENDEES)) != null) {
      writeAttendees(a, values.get(ExchangeField.ATTENDEES));
    }
  }

  /**
   * Applies {@code changes} to a bound item whose fields read as {@code current}:
   * only what differs is set, and an occurrence (which this makes an exception)
   * takes no series property.
   *
   * @throws InvalidValueException when a value cannot be written, saying which and why
   */
  static void update(Appointment a, Map<ExchangeField, String> current, Map<ExchangeField, String> changes) throws Exception {
    String type = current.get(ExchangeField.CALENDAR_ITEM_TYPE);
    boolean occurrence = "Occurrence".equals(type) || "Exception".equals(type);
    Map<ExchangeField, String> after = new HashMap<>(current);
    after.putAll(changes);
    if (occurrence) {
      for (ExchangeField f : SERIES_FIELDS) {
        if (changes.containsKey(f) && !same(f, current.get(f), changes.get(f))) {
          throw new InvalidValueException(f.apiName() + " belongs to the series and cannot be set on one occurrence;"
              + " change the series (its master) instead");
        }
      }
    }
    for (ExchangeField f : TEXTS) {
      if (changes.containsKey(f) && !same(f, current.get(f), changes.get(f))) {
        setText(a, f, blank(changes.get(f)));
      }
    }
    boolean timesChanged = false;
    EventTimes before = times(current);
    EventTimes now = before;
    if (TIMES.stream().anyMatch(changes::containsKey)) {
      now = times(after);
      timesChanged = !now.start().equals(before.start()) || !now.end().equals(before.end()) || now.allDay() != before.allDay()
          || !now.windowsZone().equals(before.windowsZone());
      if (!now.start().equals(before.start())) {
        a.setStart(Date.from(now.start()));
      }
      if (!now.end().equals(before.end())) {
        a.setEnd(Date.from(now.end()));
      }
      if (now.allDay() != before.allDay()) {
        a.setIsAllDayEvent(now.allDay());
      }
      if (!now.windowsZone().equals(before.windowsZone())) {
        setZone(a, now);
      }
    }
    if (!occurrence) {
      updateRecurrence(a, current, changes, now, timesChanged);
    }
    if (changes.containsKey(ExchangeField.ATTENDEES) && !same(ExchangeField.ATTENDEES, current.get(ExchangeField.ATTENDEES),
        changes.get(ExchangeField.ATTENDEES))) {
      writeAttendees(a, changes.get(ExchangeField.ATTENDEES));
    }
  }

  /** A new pattern, none (single again), or the same pattern from a moved first day. */
  private static void updateRecurrence(Appointment a, Map<ExchangeField, String> current, Map<ExchangeField, String> changes,
                                       EventTimes times, boolean timesChanged) throws Exception {
    String was = blank(current.get(ExchangeField.RECURRENCE));
    String wanted = changes.containsKey(ExchangeField.RECURRENCE) ? blank(changes.get(ExchangeField.RECURRENCE)) : was;
    if (wanted == null) {
      if (was != null) {
        a.setRecurrence(null);
      }
      return;
    }
    ExchangeRecurrence r = recurrence(wanted, times);
    if (timesChanged || !RecurrenceRules.toRrule(r).equals(was)) {
      a.setRecurrence(EwsRecurrence.toEws(r));
    }
  }

  private static EventTimes times(Map<ExchangeField, String> values) {
    try {
      return EventTimes.of(values);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(e.getMessage());
    }
  }

  private static ExchangeRecurrence recurrence(String rule, EventTimes times) {
    try {
      return RecurrenceRules.fromRrule(rule, times.firstDay(), times.zone());
    } catch (UnstatableRecurrenceException e) {
      throw new InvalidValueException(e.getMessage());
    }
  }

  private static void setTimes(Appointment a, EventTimes t) throws Exception {
    a.setStart(Date.from(t.start()));
    a.setEnd(Date.from(t.end()));
    a.setIsAllDayEvent(t.allDay());
  }

  private static void setZone(Appointment a, EventTimes t) throws Exception {
    a.setStartTimeZone(new WindowsZoneDefinition(t.windowsZone()));
    a.setEndTimeZone(new WindowsZoneDefinition(t.windowsZone()));
  }

  private static void setText(Appointment a, ExchangeField f, String v) throws Exception {
    switch (f) {
      case SUBJECT -> a.setSubject(v);
      case LOCATION -> a.setLocation(v);
      case BODY -> a.setBody(v == null ? null : MessageBody.getMessageBodyFromText(v));
      case SENSITIVITY -> a.setSensitivity(sensitivity(v));
      case SHOW_AS -> EwsFreeBusy.write(a, v);
      default -> throw new IllegalArgumentException(f.apiName() + " is not a text field of a calendar item");
    }
  }

  private static void writeAttendees(Appointment a, String value) throws Exception {
    try {
      EwsAttendees.write(a, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(e.getMessage());
    }
  }

  /** Whether {@code v} leaves the field as it reads now (absent and empty are one; lists and rules compare canonically). */
  private static boolean same(ExchangeField f, String now, String v) {
    String a = blank(now);
    String b = blank(v);
    if (a == null || b == null) {
      return a == null && b == null;
    }
    try {
      return switch (f) {
        case ATTENDEES -> Objects.equals(Attendees.canonical(a), Attendees.canonical(b));
        case START_TIME_ZONE -> Objects.equals(windowsId(a), windowsId(b)); // Europe/Zurich is Europe/Berlin to Exchange
        case SENSITIVITY, SHOW_AS -> a.equalsIgnoreCase(b);
        default -> a.equals(b);
      };
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Sensitivity sensitivity(String v) {
    if (v == null) {
      return Sensitivity.Normal;
    }
    for (Sensitivity s : Sensitivity.values()) {
      if (s.name().equalsIgnoreCase(v)) {
        return s;
      }
    }
    throw new InvalidValueException("sensitivity must be Normal, Personal, Private or Confidential, not '" + v + "'");
  }

  private static String blank(String v) {
    return v == null || v.isEmpty() ? null : v;
  }

  /** A property as loaded, or {@code null} when Exchange sent none (the library's getters throw instead). */
  @SuppressWarnings("unchecked")
  static <T> T get(Appointment a, PropertyDefinition p) {
    OutParam<Object> out = new OutParam<>();
    return a.getPropertyBag().tryGetValue(p, out) ? (T) out.getParam() : null;
  }

  private static Optional<String> windowsId(String iana) {
    return WindowsTimeZones.cldr().windowsFor(WindowsTimeZones.parseIana(iana));
  }
}
