package com.exchangesync.worker.sync.contact;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.FieldMap;
import java.util.List;

/** The contact field mapping shipped with the product. */
public final class ContactMapping {

  private ContactMapping() {}

  /**
   * The mapping used when a configuration defines none: name, title, email,
   * phones, mailing address and description, the fields a rep keeps on both
   * sides. (Account name is not mapped: it is a lookup in Salesforce and free
   * text in Exchange.)
   */
  public static FieldMap defaults() {
    return new FieldMap(ItemKind.CONTACT, List.of(
        new FieldMap.Pair("FirstName", ExchangeField.GIVEN_NAME),
        new FieldMap.Pair("LastName", ExchangeField.SURNAME),
        new FieldMap.Pair("Email", ExchangeField.EMAIL),
        new FieldMap.Pair("Title", ExchangeField.JOB_TITLE),
        new FieldMap.Pair("Phone", ExchangeField.BUSINESS_PHONE),
        new FieldMap.Pair("MobilePhone", ExchangeField.MOBILE_PHONE),
        new FieldMap.Pair("HomePhone", ExchangeField.HOME_PHONE),
        new FieldMap.Pair("MailingStreet", ExchangeField.STREET),
        new FieldMap.Pair("MailingCity", ExchangeField.CITY),
        new FieldMap.Pair("MailingState", ExchangeField.STATE),
        new FieldMap.Pair("MailingPostalCode", ExchangeField.POSTAL_CODE),
        new FieldMap.Pair("MailingCountry", ExchangeField.COUNTRY),
        new FieldMap.Pair("Description", ExchangeField.NOTES)));
  }
}
