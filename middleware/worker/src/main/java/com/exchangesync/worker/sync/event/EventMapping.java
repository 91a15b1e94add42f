package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.Mapped;
import java.util.List;

/**
 * The event field mapping: the shipped default, and how a configuration's rows
 * become mapped values. An event's time (start, end and all-day, as one value) is
 * always mapped and cannot be remapped; {@code IsPrivate} pairs with sensitivity
 * and {@code ShowAs} with free/busy through their translations; other rows pair
 * text with text.
 */
final class EventMapping {

  private EventMapping() {}

  /** The time and the invitees, mapped in every configuration. */
  static List<Mapped> always(PeopleDirectory directory, String repEmail) {
    return List.of(new EventTime(), new Invitees(directory, repEmail));
  }

  /**
   * The default: {@code Subject}↔subject, {@code Location}↔location,
   * {@code Description}↔body (text), {@code ShowAs}↔free/busy, the time,
   * {@code IsPrivate}↔sensitivity, the invitees.
   */
  static FieldMap defaults(PeopleDirectory directory, String repEmail) {
    return new FieldMap(ItemKind.EVENT, List.of(
        new FieldMap.Pair("Subject", ExchangeField.SUBJECT),
        new FieldMap.Pair("Location", ExchangeField.LOCATION),
        new FieldMap.Pair("Description", ExchangeField.BODY),
        new ShowAs(),
        new EventTime(),
        new Privacy(),
        new Invitees(directory, repEmail)));
  }

  /**
   * A configuration's row as a mapped value; null for the fields the sync keeps
   * itself (time zone, attendees, recurrence), which no row may map. (Rows naming
   * the time's fields are refused as mapping a field twice.)
   */
  static Mapped fromRow(String salesforceField, ExchangeField exchangeField) {
    return switch (exchangeField) {
      case SENSITIVITY -> new Privacy(salesforceField, exchangeField);
      case SHOW_AS -> new ShowAs(salesforceField, exchangeField);
      case START_TIME_ZONE, ATTENDEES, RECURRENCE -> null;
      default -> new FieldMap.Pair(salesforceField, exchangeField);
    };
  }
}
