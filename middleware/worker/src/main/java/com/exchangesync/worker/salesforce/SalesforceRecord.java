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
    if (v == null || v.isEmpty()) {
      return null;
    }
    Instant utc = utcMillis(v);
    return utc != null ? utc : OffsetDateTime.parse(v).toInstant();
  }

  /**
   * The form the adapter writes every datetime in ({@code 2026-01-02T03:04:05.000Z}) read without the general
   * parser, which was a twentieth of the worker's time in a first sync (each record's stamps are read several
   * times); null for any other form, which {@link OffsetDateTime#parse} then reads.
   */
  static Instant utcMillis(String v) {
    if (v.length() != 24 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
        || v.charAt(16) != ':' || v.charAt(19) != '.' || v.charAt(23) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 7);
    int day = digits(v, 8, 10);
    int hour = digits(v, 11, 13);
    int minute = digits(v, 14, 16);
    int second = digits(v, 17, 19);
    int milli = digits(v, 20, 23);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || milli < 0) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, milli * 1_000_000L);
    } catch (java.time.DateTimeException e) {
      return null; // 31 February and such: the general parser says why
    }
  }

  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** A number field, or the fallback when empty. */
  public int integer(String field, int fallback) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? fallback : (int) Double.parseDouble(v);
  }
}
