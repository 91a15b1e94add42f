package com.exchangesync.testbed.salesforce;

import java.util.List;

/**
 * One field of an sObject type, with what the API enforces on it.
 *
 * @param name the API name (namespace prefix included for package fields)
 * @param type its type
 * @param length maximum text length (0 = not text / unlimited)
 * @param createable writable on create
 * @param updateable writable on update
 * @param required a create without it fails with {@code REQUIRED_FIELD_MISSING}
 * @param externalId usable as the upsert key
 * @param unique a duplicate value fails with {@code DUPLICATE_VALUE}
 * @param caseSensitive whether uniqueness and external-id matching respect case
 * @param referenceTo for references: the sObject types it may point to
 * @param relationshipName for references: the name used in SOQL paths ({@code Owner}, {@code Configuration__r})
 * @param picklistValues the allowed values of a restricted picklist (empty = any)
 * @param defaultValue the value a create fills in when the field is absent (null = none)
 * @param masterDetail deleting the parent deletes this record
 */
record FieldDef(String name, FieldType type, int length, boolean createable, boolean updateable, boolean required,
    boolean externalId, boolean unique, boolean caseSensitive, List<String> referenceTo, String relationshipName,
    List<String> picklistValues, Object defaultValue, boolean masterDetail) {

  /** A writable, optional field. */
  static FieldDef of(String name, FieldType type, int length) {
    return new FieldDef(name, type, length, true, true, false, false, false, false, List.of(), null, List.of(), null, false);
  }

  /** A field the API never lets a client write (system, formula and derived fields). */
  static FieldDef readOnly(String name, FieldType type) {
    return new FieldDef(name, type, 0, false, false, false, false, false, false, List.of(), null, List.of(), null, false);
  }

  /** A writable reference to {@code target} named {@code relationshipName} in SOQL paths. */
  static FieldDef reference(String name, String target, String relationshipName) {
    return new FieldDef(name, FieldType.REFERENCE, 18, true, true, false, false, false, false, List.of(target),
        relationshipName, List.of(), null, false);
  }

  FieldDef asRequired() {
    return new FieldDef(name, type, length, createable, updateable, true, externalId, unique, caseSensitive, referenceTo,
        relationshipName, picklistValues, defaultValue, masterDetail);
  }

  FieldDef asReadOnly() {
    return new FieldDef(name, type, length, false, false, false, externalId, unique, caseSensitive, referenceTo,
        relationshipName, picklistValues, defaultValue, masterDetail);
  }

  FieldDef asCreateOnly() {
    return new FieldDef(name, type, length, createable, false, required, externalId, unique, caseSensitive, referenceTo,
        relationshipName, picklistValues, defaultValue, masterDetail);
  }

  FieldDef withDefault(Object value) {
    return new FieldDef(name, type, length, createable, updateable, required, externalId, unique, caseSensitive, referenceTo,
        relationshipName, picklistValues, value, masterDetail);
  }

  boolean isReference() {
    return type == FieldType.REFERENCE;
  }
}
