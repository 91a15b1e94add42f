package com.exchangesync.worker.salesforce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record read from or written to Salesforce, with fields by logical name
 * (the namespace prefix removed; parent fields as {@code Owner.Email}). Values
 * are the API's text forms ({@code "true"}, {@code "2026-01-02T03:04:05.000Z"});
 * typed getters parse them. A field present with a null value is null in
 * Salesforce; on writes it is cleared ({@code fieldsToNull}).
 *
 * @param type the object's logical name ({@code Contact}, {@code Exchange_Sync_Setup__c})
 * @param id the record id (canonical), or null for a record to create
 * @param fields field values by logical name
 */
public record SalesforceRecord(String type, String id, Map<String, String> fields) {

  /** A record with the given fields (copied; nulls kept). */
  public SalesforceRecord {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A record to write. */
  public static SalesforceRecord of(String type, String id, Map<String, String> fields) {
    return new SalesforceRecord(type, id, fields);
  }

  /** A field's text, or null. */
  public String get(String field) {
    return fields.get(field);
  }

  /** A checkbox field; null and anything but {@code true} are false. */
  public boolean bool(String field) {
    return "true".equalsIgnoreCase(fields.get(field));
  }

  /** A datetime field, or null. */
  public Instant instant(String field) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? null : OffsetDateTime.parse(v).toInstant();
  }

  /** A number field, or the fallback when empty. */
  public int integer(String field, int fallback) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? fallback : (int) Double.parseDouble(v);
  }
}
