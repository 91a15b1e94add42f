package com.exchangesync.testbed.salesforce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The org's sObject types: the standard ones the product uses plus the
 * package's custom objects and fields. The API resolves names strictly (with a
 * namespace, custom names need the prefix, as from outside a managed package);
 * the admin API also takes them without it.
 */
final class Schema {

  final String namespace;
  private final Map<String, SObjectType> types = new LinkedHashMap<>();
  private final Map<String, SObjectType> byKeyPrefix = new LinkedHashMap<>();
  private final List<String> warnings;

  private Schema(String namespace, List<SObjectType> all, List<String> warnings) {
    this.namespace = namespace;
    this.warnings = List.copyOf(warnings);
    for (SObjectType t : all) {
      types.put(t.name.toLowerCase(Locale.ROOT), t);
      byKeyPrefix.put(t.keyPrefix, t);
    }
  }

  /**
   * The standard objects plus what {@code forceApp} defines (null = none).
   * {@code namespace} is a prefix such as {@code exsync} or {@code exsync__}, or empty.
   */
  static Schema load(Path forceApp, String namespace) {
    String ns = normalizeNamespace(namespace);
    Map<String, SObjectType> standard = new LinkedHashMap<>();
    for (SObjectType t : StandardObjects.all()) {
      standard.put(t.name.toLowerCase(Locale.ROOT), t);
    }
    List<String> warnings = new ArrayList<>();
    List<SObjectType> all = new ArrayList<>(standard.values());
    if (forceApp != null) {
      all.addAll(CustomMetadataLoader.load(forceApp, ns, standard, warnings));
    }
    return new Schema(ns, all, warnings);
  }

  /** {@code exsync} and {@code exsync__} both mean the prefix {@code exsync__}; blank means none. */
  static String normalizeNamespace(String namespace) {
    if (namespace == null || namespace.isBlank()) {
      return "";
    }
    String n = namespace.trim();
    if (n.endsWith("__")) {
      n = n.substring(0, n.length() - 2);
    }
    if (!n.matches("[A-Za-z][A-Za-z0-9]{0,14}")) {
      throw new IllegalArgumentException("a namespace prefix is 1 to 15 letters and digits, starting with a letter: " + namespace);
    }
    return n + "__";
  }

  /** The type with this API name (any case), or null. */
  SObjectType type(String name) {
    return name == null ? null : types.get(name.toLowerCase(Locale.ROOT));
  }

  /** The type, also when a custom name lacks the namespace prefix (admin API only). */
  SObjectType typeLenient(String name) {
    SObjectType t = type(name);
    return t != null || namespace.isEmpty() || name == null ? t : type(namespace + name);
  }

  /** The field, also when a custom name lacks the namespace prefix (admin API only). */
  FieldDef fieldLenient(SObjectType type, String name) {
    FieldDef f = type.field(name);
    return f != null || namespace.isEmpty() ? f : type.field(namespace + name);
  }

  /** The type an id belongs to, by its key prefix, or null. */
  SObjectType typeOfId(String id) {
    return id == null || id.length() < 3 ? null : byKeyPrefix.get(id.substring(0, 3));
  }

  Collection<SObjectType> types() {
    return Collections.unmodifiableCollection(types.values());
  }

  /** What the loader could not model. */
  List<String> warnings() {
    return warnings;
  }
}
