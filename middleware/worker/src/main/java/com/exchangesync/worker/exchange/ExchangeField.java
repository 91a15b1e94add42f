package com.exchangesync.worker.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mailbox fields the product reads and writes, named as field mappings name
 * them ({@code Exchange_Sync_Field_Mapping__c.Exchange_Field__c}) and as the
 * Exchange test bed's admin API names them. Every value travels as a string:
 * times as ISO-8601 instants in UTC ({@code 2026-12-01T09:30:00Z}), flags as
 * {@code true}/{@code false}, sensitivity and item type as EWS spells them.
 * A string form keeps hashing and comparing values trivial for the engine and
 * leaves no room for time-zone drift.
 */
public enum ExchangeField {
  GIVEN_NAME(ItemKind.CONTACT, "givenName", true),
  SURNAME(ItemKind.CONTACT, "surname", true),
  COMPANY_NAME(ItemKind.CONTACT, "companyName", true),
  JOB_TITLE(ItemKind.CONTACT, "jobTitle", true),
  EMAIL(ItemKind.CONTACT, "email", true),
  EMAIL2(ItemKind.CONTACT, "email2", true),
  EMAIL3(ItemKind.CONTACT, "email3", true),
  BUSINESS_PHONE(ItemKind.CONTACT, "businessPhone", true),
  MOBILE_PHONE(ItemKind.CONTACT, "mobilePhone", true),
  HOME_PHONE(ItemKind.CONTACT, "homePhone", true),
  STREET(ItemKind.CONTACT, "street", true),
  CITY(ItemKind.CONTACT, "city", true),
  STATE(ItemKind.CONTACT, "state", true),
  POSTAL_CODE(ItemKind.CONTACT, "postalCode", true),
  COUNTRY(ItemKind.CONTACT, "country", true),
  NOTES(ItemKind.CONTACT, "notes", true),

  SUBJECT(ItemKind.EVENT, "subject", true),
  LOCATION(ItemKind.EVENT, "location", true),
  /** The body as plain text. */
  BODY(ItemKind.EVENT, "body", true),
  /**
   * A timed event's start as an instant in UTC ({@code 2026-12-01T08:00:00Z}); an
   * all-day event's first day as a date ({@code 2026-12-01}) in its time zone.
   */
  START(ItemKind.EVENT, "start", true),
  /** A timed event's end as an instant; an all-day event's day after its last, as a date (exclusive). */
  END(ItemKind.EVENT, "end", true),
  IS_ALL_DAY(ItemKind.EVENT, "isAllDay", true),
  /**
   * The time zone the event was made in, as an IANA id ({@code Europe/Berlin}): a
   * series repeats at the same local time in it, and an all-day event spans its days.
   */
  START_TIME_ZONE(ItemKind.EVENT, "startTimeZone", true),
  /** {@code Normal}, {@code Personal}, {@code Private} or {@code Confidential}. */
  SENSITIVITY(ItemKind.EVENT, "sensitivity", true),
  /** Free/busy status: {@code Free}, {@code Tentative}, {@code Busy}, {@code OOF} or {@code WorkingElsewhere}. */
  SHOW_AS(ItemKind.EVENT, "showAs", true),
  /**
   * The attendees as a JSON list of {@code {"email", "name", "type"}} ({@code type}
   * {@code Required} or {@code Optional}), sorted by email: written only with
   * "send to none", so nobody is ever invited by the sync.
   */
  ATTENDEES(ItemKind.EVENT, "attendees", true),
  /** A series' pattern as an RFC 5545 RRULE without its name ({@code FREQ=WEEKLY;BYDAY=MO;COUNT=5}). */
  RECURRENCE(ItemKind.EVENT, "recurrence", true),
  /** The iCalendar UID: the same in every attendee's copy of a meeting. Exchange sets it. */
  ICAL_UID(ItemKind.EVENT, "iCalUid", false),
  /** The organizer's email address. Exchange sets it. */
  ORGANIZER(ItemKind.EVENT, "organizer", false),
  /** An occurrence's or exception's series (the master's id). Exchange sets it. */
  SERIES_ID(ItemKind.EVENT, "seriesId", false),
  /** An occurrence's or exception's start as the pattern set it, an instant or a date. Exchange sets it. */
  ORIGINAL_START(ItemKind.EVENT, "originalStart", false),
  /** {@code Single}, {@code RecurringMaster}, {@code Occurrence} or {@code Exception}; Exchange sets it. */
  CALENDAR_ITEM_TYPE(ItemKind.EVENT, "calendarItemType", false);

  private final ItemKind kind;
  private final String apiName;
  private final boolean writable;

  ExchangeField(ItemKind kind, String apiName, boolean writable) {
    this.kind = kind;
    this.apiName = apiName;
    this.writable = writable;
  }

  /** The kind of item that carries this field. */
  public ItemKind kind() {
    return kind;
  }

  /** The name used in field mappings and in the test bed's JSON. */
  public String apiName() {
    return apiName;
  }

  /** Whether the product may write it (Exchange computes the others). */
  public boolean writable() {
    return writable;
  }

  /** The fields of one kind. */
  public static List<ExchangeField> of(ItemKind kind) {
    return Arrays.stream(values()).filter(f -> f.kind == kind).toList();
  }

  /** The field of {@code kind} named {@code apiName}, ignoring case. */
  public static Optional<ExchangeField> byApiName(ItemKind kind, String apiName) {
    return Arrays.stream(values()).filter(f -> f.kind == kind && f.apiName.equalsIgnoreCase(apiName)).findFirst();
  }
}
