package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ExchangeField;
import java.util.Map;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;

/**
 * A contact's fields to and from ews-java-api's {@link Contact}: the three email
 * addresses, the business, mobile and home phones, the business address, and the
 * notes as plain text. Writing a {@code null} value clears a field, which the
 * library sends as a {@code DeleteItemField}.
 */
final class EwsContactCodec {

  private EwsContactCodec() {}

  /** Puts the contact's fields into {@code values} (a field Exchange has no value for is put as {@code null}). */
  static void read(Contact c, Map<ExchangeField, String> values) throws Exception {
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
    values.put(ExchangeField.NOTES, EwsItemCodec.body(c));
  }

  private static String email(Contact c, EmailAddressKey key) throws Exception {
    OutParam<EmailAddress> out = new OutParam<>();
    return c.getEmailAddresses().tryGetValue(key, out) && out.getParam() != null ? out.getParam().getAddress() : null;
  }

  private static String phone(Contact c, PhoneNumberKey key) throws Exception {
    OutParam<String> out = new OutParam<>();
    return c.getPhoneNumbers().tryGetValue(key, out) ? out.getParam() : null;
  }

  /** Sets one field ({@code null} clears it). */
  static void write(Contact c, ExchangeField field, String v) throws Exception {
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
}
