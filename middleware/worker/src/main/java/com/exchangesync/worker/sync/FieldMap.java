package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which Salesforce field pairs with which Exchange field, for one kind. The
 * engine compares and merges values under the Exchange field's name (one name
 * per pair), so a mapped value reads the same whichever side it came from.
 */
public final class FieldMap {

  /** One mapped pair. */
  public record Pair(String salesforceField, ExchangeField exchangeField) {
    public Pair {
      Objects.requireNonNull(salesforceField);
      Objects.requireNonNull(exchangeField);
    }
  }

  private final ItemKind kind;
  private final List<Pair> pairs;

  public FieldMap(ItemKind kind, List<Pair> pairs) {
    this.kind = kind;
    Map<ExchangeField, Pair> byExchange = new LinkedHashMap<>();
    Map<String, Pair> bySalesforce = new HashMap<>();
    for (Pair p : pairs) {
      if (p.exchangeField().kind() != kind || !p.exchangeField().writable()) {
        throw new IllegalArgumentException(p.exchangeField().apiName() + " cannot be mapped for " + kind);
      }
      if (byExchange.put(p.exchangeField(), p) != null || bySalesforce.put(p.salesforceField().toLowerCase(), p) != null) {
        throw new IllegalArgumentException("a field is mapped twice: " + p);
      }
    }
    this.pairs = List.copyOf(pairs);
  }

  /**
   * The mapping shipped for contacts, used when a configuration defines none:
   * name, title, email, phones, mailing address and description, the fields a
   * rep keeps on both sides. (Account name is not mapped: it is a lookup in
   * Salesforce and free text in Exchange.)
   */
  public static FieldMap defaultContacts() {
    return new FieldMap(ItemKind.CONTACT, List.of(
        new Pair("FirstName", ExchangeField.GIVEN_NAME),
        new Pair("LastName", ExchangeField.SURNAME),
        new Pair("Email", ExchangeField.EMAIL),
        new Pair("Title", ExchangeField.JOB_TITLE),
        new Pair("Phone", ExchangeField.BUSINESS_PHONE),
        new Pair("MobilePhone", ExchangeField.MOBILE_PHONE),
        new Pair("HomePhone", ExchangeField.HOME_PHONE),
        new Pair("MailingStreet", ExchangeField.STREET),
        new Pair("MailingCity", ExchangeField.CITY),
        new Pair("MailingState", ExchangeField.STATE),
        new Pair("MailingPostalCode", ExchangeField.POSTAL_CODE),
        new Pair("MailingCountry", ExchangeField.COUNTRY),
        new Pair("Description", ExchangeField.NOTES)));
  }

  public ItemKind kind() {
    return kind;
  }

  public List<Pair> pairs() {
    return pairs;
  }

  /** The Salesforce fields to read. */
  public List<String> salesforceFields() {
    return pairs.stream().map(Pair::salesforceField).toList();
  }

  /** A Salesforce record's mapped values, keyed by the Exchange field's name. */
  public Map<String, String> fromSalesforce(Map<String, String> fields) {
    Map<String, String> values = new HashMap<>();
    for (Pair p : pairs) {
      String v = FieldMerge.normalize(fields.get(p.salesforceField()));
      if (v != null) {
        values.put(p.exchangeField().apiName(), v);
      }
    }
    return values;
  }

  /** An Exchange item's mapped values. */
  public Map<String, String> fromExchange(ExchangeItem item) {
    Map<String, String> values = new HashMap<>();
    for (Pair p : pairs) {
      String v = FieldMerge.normalize(item.values().get(p.exchangeField()));
      if (v != null) {
        values.put(p.exchangeField().apiName(), v);
      }
    }
    return values;
  }

  /** Merged values as Salesforce fields (null clears). */
  public Map<String, String> toSalesforce(Map<String, String> values) {
    Map<String, String> fields = new HashMap<>();
    for (Pair p : pairs) {
      if (values.containsKey(p.exchangeField().apiName())) {
        fields.put(p.salesforceField(), values.get(p.exchangeField().apiName()));
      }
    }
    return fields;
  }

  /** Merged values as Exchange fields (null clears). */
  public Map<ExchangeField, String> toExchange(Map<String, String> values) {
    Map<ExchangeField, String> fields = new HashMap<>();
    for (Pair p : pairs) {
      if (values.containsKey(p.exchangeField().apiName())) {
        fields.put(p.exchangeField(), values.get(p.exchangeField().apiName()));
      }
    }
    return fields;
  }

  /** Every mapped field of {@code values}, absent ones as null: a full write. */
  public Map<String, String> complete(Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    for (Pair p : pairs) {
      all.put(p.exchangeField().apiName(), values.get(p.exchangeField().apiName()));
    }
    return all;
  }

  /** The mapped fields in order (for reports and fingerprints). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    pairs.forEach(p -> keys.add(p.exchangeField().apiName()));
    return keys;
  }
}
