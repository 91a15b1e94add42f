package com.exchangesync.testbed.salesforce;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One sObject type: its API name, id key prefix and fields. Names resolve
 * case-insensitively, as they do in SOQL and in the partner API; the stored
 * spelling is the one the API returns. Built once when the schema loads, then
 * only read.
 */
final class SObjectType {

  final String name;
  final String keyPrefix;
  final boolean custom;
  /** Whether clients may create, update and delete rows through the API (users and profiles come from {@code /sim/org}). */
  final boolean apiWritable;
  private final Map<String, FieldDef> fields = new LinkedHashMap<>();
  private final Map<String, FieldDef> relationships = new LinkedHashMap<>();
  /**
   * Whether the org refuses every create, update and delete of the type whoever asks
   * ({@code CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY}, Organization), rather than for want of access
   * ({@code INSUFFICIENT_ACCESS_OR_READONLY}, users and profiles). Set while the schema is built.
   */
  private boolean readOnlyEntity;
  /** Labels given by the package's metadata (custom fields), by API name; others come from {@link FieldLabels}. */
  private final Map<String, String> labels = new LinkedHashMap<>();
  /** Auto-number fields and their display format ({@code ERR-{000000}}), filled in on create. */
  final Map<String, String> autoNumberFormats = new LinkedHashMap<>();
  /** Formula fields the test bed evaluates, by API name as stored ({@link Row#get} computes them). */
  final Map<String, Formula> formulas = new LinkedHashMap<>();

  SObjectType(String name, String keyPrefix, boolean custom, boolean apiWritable) {
    this.name = name;
    this.keyPrefix = keyPrefix;
    this.custom = custom;
    this.apiWritable = apiWritable;
  }

  /** Marks the type as one the org never lets a client write (implies not {@link #apiWritable}). */
  SObjectType asReadOnlyEntity() {
    if (apiWritable) {
      throw new IllegalStateException(name + " is writable through the API");
    }
    readOnlyEntity = true;
    return this;
  }

  boolean readOnlyEntity() {
    return readOnlyEntity;
  }

  /** Adds or replaces a field. */
  SObjectType add(FieldDef field) {
    fields.put(key(field.name()), field);
    if (field.relationshipName() != null) {
      relationships.put(key(field.relationshipName()), field);
    }
    return this;
  }

  /** The field named {@code name} (any case), or null. */
  FieldDef field(String name) {
    return fields.get(key(name));
  }

  /** The reference field whose relationship is named {@code name} ({@code Owner}, {@code Configuration__r}), or null. */
  FieldDef relationship(String name) {
    return relationships.get(key(name));
  }

  /** Records the label the package's metadata gives {@code field}. */
  void label(String field, String label) {
    labels.put(key(field), label);
  }

  /** The label of {@code field}, as the org words save errors with it. */
  String label(FieldDef field) {
    String own = labels.get(key(field.name()));
    return own != null ? own : FieldLabels.standard(name, field.name());
  }

  /** Every field, in definition order. */
  Collection<FieldDef> fields() {
    return Collections.unmodifiableCollection(fields.values());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return name;
  }
}
