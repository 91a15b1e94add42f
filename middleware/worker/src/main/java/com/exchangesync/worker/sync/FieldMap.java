package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The mapped values of one kind ({@link Mapped}), as a configuration's field
 * mappings or the kind's defaults make them. The engine compares and merges
 * canonical values under each one's {@link Mapped#key}, so a value reads the same
 * whichever side it came from. No field may take part in two mapped values.
 */
public final class FieldMap {

  /** One Salesforce field and one Exchange field holding the same text. */
  public record Pair(String salesforceField, ExchangeField exchangeField) implements Mapped {
    public Pair {
      Objects.requireNonNull(salesforceField);
      Objects.requireNonNull(exchangeField);
    }

    @Override
    public String key() {
      return exchangeField.apiName();
    }

    @Override
    public List<String> salesforceFields() {
      return List.of(salesforceField);
    }

    @Override
    public List<ExchangeField> exchangeFields() {
      return List.of(exchangeField);
    }

    @Override
    public String fromSalesforce(Map<String, String> fields) {
      return FieldMerge.normalize(fields.get(salesforceField));
    }

    @Override
    public String fromExchange(Map<ExchangeField, String> values) {
      return FieldMerge.normalize(values.get(exchangeField));
    }

    @Override
    public Map<String, String> toSalesforce(String value) {
      Map<String, String> out = new HashMap<>();
      out.put(salesforceField, value);
      return out;
    }

    @Override
    public Map<ExchangeField, String> toExchange(String value) {
      Map<ExchangeField, String> out = new HashMap<>();
      out.put(exchangeField, value);
      return out;
    }
  }

  private final ItemKind kind;
  private final List<Mapped> mapped;

  public FieldMap(ItemKind kind, List<? extends Mapped> mapped) {
    this.kind = kind;
    Set<String> keys = new HashSet<>();
    Set<ExchangeField> exchange = new HashSet<>();
    Set<String> salesforce = new HashSet<>();
    for (Mapped m : mapped) {
      for (ExchangeField f : m.exchangeFields()) {
        if (f.kind() != kind || !f.writable()) {
          throw new IllegalArgumentException(f.apiName() + " cannot be mapped for " + kind);
        }
        if (!exchange.add(f)) {
          throw new IllegalArgumentException("a field is mapped twice: " + f.apiName());
        }
      }
      for (String f : m.salesforceFields()) {
        if (!salesforce.add(f.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("a field is mapped twice: " + f);
        }
      }
      if (!keys.add(m.key())) {
        throw new IllegalArgumentException("a value is mapped twice: " + m.key());
      }
    }
    this.mapped = List.copyOf(mapped);
  }

  public ItemKind kind() {
    return kind;
  }

  /** The mapped values, in order. */
  public List<Mapped> mapped() {
    return mapped;
  }

  /** The Salesforce fields to read. */
  public List<String> salesforceFields() {
    Set<String> fields = new LinkedHashSet<>();
    mapped.forEach(m -> fields.addAll(m.salesforceFields()));
    return List.copyOf(fields);
  }

  /** A Salesforce record's canonical values, by key (absent: none). */
  public Map<String, String> fromSalesforce(Map<String, String> fields) {
    Map<String, String> values = new HashMap<>();
    for (Mapped m : mapped) {
      String v = m.fromSalesforce(fields);
      if (v != null) {
        values.put(m.key(), v);
      }
    }
    return values;
  }

  /** An Exchange item's canonical values. */
  public Map<String, String> fromExchange(ExchangeItem item) {
    Map<String, String> values = new HashMap<>();
    for (Mapped m : mapped) {
      String v = m.fromExchange(item.values());
      if (v != null) {
        values.put(m.key(), v);
      }
    }
    return values;
  }

  /** Canonical values (by key; a null value clears) as Salesforce fields. */
  public Map<String, String> toSalesforce(Map<String, String> values) {
    Map<String, String> fields = new HashMap<>();
    for (Mapped m : mapped) {
      if (values.containsKey(m.key())) {
        fields.putAll(m.toSalesforce(values.get(m.key())));
      }
    }
    return fields;
  }

  /** Canonical values (by key; a null value clears) as Exchange fields. */
  public Map<ExchangeField, String> toExchange(Map<String, String> values) {
    Map<ExchangeField, String> fields = new HashMap<>();
    for (Mapped m : mapped) {
      if (values.containsKey(m.key())) {
        fields.putAll(m.toExchange(values.get(m.key())));
      }
    }
    return fields;
  }

  /** Canonical values as Exchange fields, written onto an item that holds {@code current} now. */
  public Map<ExchangeField, String> toExchange(Map<String, String> values, Map<ExchangeField, String> current) {
    Map<ExchangeField, String> fields = new HashMap<>();
    for (Mapped m : mapped) {
      if (values.containsKey(m.key())) {
        fields.putAll(m.toExchange(values.get(m.key()), current));
      }
    }
    return fields;
  }

  /** The Salesforce fields a query reads: those the kind's Salesforce side computes ({@code $…}) are not queried. */
  public static boolean queried(String salesforceField) {
    return !salesforceField.startsWith("$");
  }

  /** Every mapped value of {@code values}, absent ones as null: a full write. */
  public Map<String, String> complete(Map<String, String> values) {
    Map<String, String> all = new HashMap<>();
    for (Mapped m : mapped) {
      all.put(m.key(), values.get(m.key()));
    }
    return all;
  }

  /** The keys in order (for reports and fingerprints). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    mapped.forEach(m -> keys.add(m.key()));
    return keys;
  }
}
