package com.exchangesync.testbed.salesforce;

/**
 * The field types the test bed models, as the partner API describes them
 * ({@code soapType} in describe terms), with the kind of Java value each holds:
 * text ({@link String}), {@link Boolean}, {@link java.math.BigDecimal},
 * {@link Integer}, {@link java.time.LocalDate}, {@link java.time.Instant}.
 */
enum FieldType {
  ID(Kind.ID),
  REFERENCE(Kind.ID),
  STRING(Kind.TEXT),
  TEXTAREA(Kind.TEXT),
  EMAIL(Kind.TEXT),
  PHONE(Kind.TEXT),
  URL(Kind.TEXT),
  PICKLIST(Kind.TEXT),
  MULTIPICKLIST(Kind.TEXT),
  ENCRYPTEDSTRING(Kind.TEXT),
  BOOLEAN(Kind.BOOLEAN),
  INT(Kind.INTEGER),
  DOUBLE(Kind.NUMBER),
  CURRENCY(Kind.NUMBER),
  PERCENT(Kind.NUMBER),
  DATE(Kind.DATE),
  DATETIME(Kind.DATETIME);

  /** The Java value kind of a field type. */
  enum Kind { ID, TEXT, BOOLEAN, INTEGER, NUMBER, DATE, DATETIME }

  final Kind kind;

  FieldType(Kind kind) {
    this.kind = kind;
  }

  /** Whether values compare as text (ids included: SOQL compares them as strings). */
  boolean textual() {
    return kind == Kind.TEXT || kind == Kind.ID;
  }
}
