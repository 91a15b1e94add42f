package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import java.util.EnumMap;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.MessageBody;

/**
 * Translates between {@link ExchangeItem}'s field map and ews-java-api's items:
 * contacts through {@link EwsContactCodec}, calendar items through
 * {@link EwsEventCodec}. Writing a {@code null} value clears a field, which
 * ews-java-api turns into a {@code DeleteItemField}.
 */
final class EwsItemCodec {

  private EwsItemCodec() {}

  /** What to read: everything first-class, bodies as plain text, and our extended property. */
  static PropertySet readShape() {
    PropertySet set = new PropertySet(BasePropertySet.FirstClassProperties, SalesforceIdProperty.DEFINITION);
    set.setRequestedBodyType(BodyType.Text);
    return set;
  }

  /** A new, empty item of {@code kind}. */
  static Item newItem(ExchangeService service, ItemKind kind) throws Exception {
    return kind == ItemKind.CONTACT ? new Contact(service) : new Appointment(service);
  }

  /** The item's fields and our property, as read ({@code SERIES_ID} aside: the mailbox resolves it). */
  static ExchangeItem read(Item item) throws Exception {
    Map<ExchangeField, String> values = new EnumMap<>(ExchangeField.class);
    ItemKind kind;
    if (item instanceof Contact c) {
      kind = ItemKind.CONTACT;
      EwsContactCodec.read(c, values);
    } else if (item instanceof Appointment a) {
      kind = ItemKind.EVENT;
      EwsEventCodec.read(a, values);
    } else {
      throw new IllegalArgumentException("not a contact or calendar item: " + item.getClass().getSimpleName());
    }
    values.values().removeIf(v -> v == null || v.isEmpty());
    return new ExchangeItem(item.getId().getUniqueId(), item.getId().getChangeKey(), kind, values,
        SalesforceIdProperty.read(item));
  }

  static String body(Item item) throws Exception {
    MessageBody body = item.getBody();
    return body == null ? null : body.toString();
  }

  /**
   * Sets {@code values} on a new item. Values are checked here, so a bad one fails
   * this item with a clear message instead of the whole batch.
   */
  static void create(Item item, Map<ExchangeField, String> values) throws Exception {
    if (item instanceof Appointment a) {
      EwsEventCodec.create(a, values);
    } else {
      writeContact((Contact) item, values);
    }
  }

  /** Sets {@code changes} on a bound item whose fields read as {@code current} ({@code null} clears a field). */
  static void update(Item item, ExchangeItem current, Map<ExchangeField, String> changes) throws Exception {
    if (item instanceof Appointment a) {
      EwsEventCodec.update(a, current.values(), changes);
    } else {
      writeContact((Contact) item, changes);
    }
  }

  private static void writeContact(Contact c, Map<ExchangeField, String> values) throws Exception {
    for (Map.Entry<ExchangeField, String> e : values.entrySet()) {
      String v = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
      EwsContactCodec.write(c, e.getKey(), v);
    }
  }

  /** A value that cannot be written: fails that one item, never the batch. */
  static final class InvalidValueException extends IllegalArgumentException {
    InvalidValueException(String message) {
      super(message);
    }
  }
}
