package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;

/**
 * Translates between {@link ExchangeItem}'s field map and ews-java-api's
 * {@link Contact} and {@link Appointment}. Times go out and come back as UTC
 * instants ({@code Date} has no zone), which sidesteps the library's fragile
 * time-zone handling. Writing a {@code null} value clears the field, which
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

  /** The item's fields and our property, as read. */
  static ExchangeItem read(Item item) throws Exception {
    Map<ExchangeField, String> values = new EnumMap<>(ExchangeField.class);
    ItemKind kind;
    if (item instanceof Contact c) {
      kind = ItemKind.CONTACT;
      readContact(c, values);
    } else if (item instanceof Appointment a) {
      kind = ItemKind.EVENT;
      readAppointment(a, values);
    } else {
      throw new IllegalArgumentException("not a contact or calendar item: " + item.getClass().getSimpleName());
    }
    values.values().removeIf(v -> v == null || v.isEmpty());
    return new ExchangeItem(item.getId().getUniqueId(), item.getId().getChangeKey(), kind, values,
        SalesforceIdProperty.read(item));
  }

  private static void readContact(Contact c, Map<ExchangeField, String> values) throws Exception {
    values.put(ExchangeField.GIVEN_NAME, c.getGivenName());
    values.put(ExchangeField.SURNAME, c.getSurname());
    values.put(ExchangeField.COMPANY_NAME, c.getCompanyName());
    values.put(ExchangeField.JOB_TITLE, c.getJobTitle());
    values.put(ExchangeField.EMAIL, email(c, EmailAddressKey.EmailAddress1));
    values.put(ExchangeField.EMAIL2, email(c, EmailAddressKey.EmailAddress2));
    values.put(ExchangeField.EMAIL3, email(c, EmailAddressKey.EmailAddress3));
    values.put(ExchangeField.BUSINESS_PHONE, phone(c, PhoneNumberKey.BusinessPhone));
    values.put(ExchangeField.MOBILE_PHONE, phone(c, PhoneNumberKey.MobilePhone));
    values.put(ExchangeField.HOME_PHONE, phone(c, PhoneNumberKey.HomePhone));
    OutParam<PhysicalAddressEntry> address = new OutParam<>();
    if (c.getPhysicalAddresses().tryGetValue(PhysicalAddressKey.Business, address) && address.getParam() != null) {
      PhysicalAddressEntry a = address.getParam();
      values.put(ExchangeField.STREET, a.getStreet());
      values.put(ExchangeField.CITY, a.getCity());
      values.put(ExchangeField.STATE, a.getState());
      values.put(ExchangeField.POSTAL_CODE, a.getPostalCode());
      values.put(ExchangeField.COUNTRY, a.getCountryOrRegion());
    }
    values.put(ExchangeField.NOTES, body(c));
  }

  private static void readAppointment(Appointment a, Map<ExchangeField, String> values) throws Exception {
    values.put(ExchangeField.SUBJECT, a.getSubject());
    values.put(ExchangeField.LOCATION, a.getLocation());
    values.put(ExchangeField.BODY, body(a));
    values.put(ExchangeField.START, a.getStart() == null ? null : a.getStart().toInstant().toString());
    values.put(ExchangeField.END, a.getEnd() == null ? null : a.getEnd().toInstant().toString());
    values.put(ExchangeField.IS_ALL_DAY, a.getIsAllDayEvent() == null ? null : a.getIsAllDayEvent().toString());
    values.put(ExchangeField.SENSITIVITY, a.getSensitivity() == null ? null : a.getSensitivity().name());
    values.put(ExchangeField.CALENDAR_ITEM_TYPE, a.getAppointmentType() == null ? null : a.getAppointmentType().name());
  }

  private static String email(Contact c, EmailAddressKey key) throws Exception {
    OutParam<EmailAddress> out = new OutParam<>();
    return c.getEmailAddresses().tryGetValue(key, out) && out.getParam() != null ? out.getParam().getAddress() : null;
  }

  private static String phone(Contact c, PhoneNumberKey key) throws Exception {
    OutParam<String> out = new OutParam<>();
    return c.getPhoneNumbers().tryGetValue(key, out) ? out.getParam() : null;
  }

  private static String body(Item item) throws Exception {
    MessageBody body = item.getBody();
    return body == null ? null : body.toString();
  }

  /**
   * Sets {@code values} on {@code item} ({@code null} clears a field). Values are
   * checked here, so a bad one fails this item with a clear message instead of the
   * whole batch.
   */
  static void write(Item item, Map<ExchangeField, String> values) throws Exception {
    for (Map.Entry<ExchangeField, String> e : values.entrySet()) {
      String v = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
      if (item instanceof Contact c) {
        writeContactField(c, e.getKey(), v);
      } else if (item instanceof Appointment a) {
        writeAppointmentField(a, e.getKey(), v);
      }
    }
  }

  private static void writeContactField(Contact c, ExchangeField field, String v) throws Exception {
    switch (field) {
      case GIVEN_NAME -> c.setGivenName(v);
      case SURNAME -> c.setSurname(v);
      case COMPANY_NAME -> c.setCompanyName(v);
      case JOB_TITLE -> c.setJobTitle(v);
      case EMAIL -> c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress1, v == null ? null : new EmailAddress(v));
      case EMAIL2 -> c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress2, v == null ? null : new EmailAddress(v));
      case EMAIL3 -> c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress3, v == null ? null : new EmailAddress(v));
      case BUSINESS_PHONE -> c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.BusinessPhone, v);
      case MOBILE_PHONE -> c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.MobilePhone, v);
      case HOME_PHONE -> c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.HomePhone, v);
      case STREET, CITY, STATE, POSTAL_CODE, COUNTRY -> writeAddressPart(c, field, v);
      case NOTES -> c.setBody(v == null ? null : MessageBody.getMessageBodyFromText(v));
      default -> throw new IllegalArgumentException(field.apiName() + " is not a contact field");
    }
  }

  private static void writeAddressPart(Contact c, ExchangeField field, String v) throws Exception {
    OutParam<PhysicalAddressEntry> out = new OutParam<>();
    PhysicalAddressEntry entry;
    if (c.getPhysicalAddresses().tryGetValue(PhysicalAddressKey.Business, out) && out.getParam() != null) {
      entry = out.getParam();
    } else {
      if (v == null) {
        return;
      }
      entry = new PhysicalAddressEntry();
      c.getPhysicalAddresses().setPhysicalAddress(PhysicalAddressKey.Business, entry);
    }
    switch (field) {
      case STREET -> entry.setStreet(v);
      case CITY -> entry.setCity(v);
      case STATE -> entry.setState(v);
      case POSTAL_CODE -> entry.setPostalCode(v);
      default -> entry.setCountryOrRegion(v);
    }
  }

  private static void writeAppointmentField(Appointment a, ExchangeField field, String v) throws Exception {
    switch (field) {
      case SUBJECT -> a.setSubject(v);
      case LOCATION -> a.setLocation(v);
      case BODY -> a.setBody(v == null ? null : MessageBody.getMessageBodyFromText(v));
      case START -> a.setStart(instant(field, v));
      case END -> a.setEnd(instant(field, v));
      case IS_ALL_DAY -> a.setIsAllDayEvent(flag(field, v));
      case SENSITIVITY -> a.setSensitivity(sensitivity(v));
      default -> throw new IllegalArgumentException(field.apiName() + " is not a calendar field Exchange lets us write");
    }
  }

  private static Date instant(ExchangeField field, String v) {
    if (v == null) {
      throw new InvalidValueException(field.apiName() + " is required on a calendar item");
    }
    try {
      return Date.from(Instant.parse(v));
    } catch (RuntimeException e) {
      throw new InvalidValueException(field.apiName() + " must be an ISO-8601 instant such as 2026-12-01T09:30:00Z, not '" + v + "'");
    }
  }

  private static Boolean flag(ExchangeField field, String v) {
    if (v == null || v.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (v.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    throw new InvalidValueException(field.apiName() + " must be true or false, not '" + v + "'");
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

  /** A value that cannot be written: fails that one item, never the batch. */
  static final class InvalidValueException extends IllegalArgumentException {
    InvalidValueException(String message) {
      super(message);
    }
  }
}
