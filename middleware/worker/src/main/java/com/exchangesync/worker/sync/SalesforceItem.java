package com.exchangesync.worker.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Salesforce record of the synced kind as the engine sees it.
 *
 * @param id the record id
 * @param fields the values read, by Salesforce field name (mapped fields and the
 *     ones the kind's rules need); an absent or null value is empty in Salesforce
 * @param creationKey the record's creation key ({@code Exchange_Sync_Key__c}): set on
 *     records this product created from an Exchange item, null otherwise
 * @param lastActivity {@code LastActivityDate} where the object has one (may be null)
 * @param lastModified {@code LastModifiedDate}
 * @param created {@code CreatedDate}
 * @param version the record's version as read ({@code SystemModstamp}), or null: a write
 *     conditional on it is refused if the record changed since
 */
public record SalesforceItem(String id, Map<String, String> fields, String creationKey, Instant lastActivity,
                             Instant lastModified, Instant created, String version) {

  public SalesforceItem {
    Objects.requireNonNull(id);
    // Copied by hand: null values are how Salesforce says "empty".
    fields = Collections.unmodifiableMap(new HashMap<>(fields));
    Objects.requireNonNull(lastModified);
    Objects.requireNonNull(created);
  }

  /** A record read without its version. */
  public SalesforceItem(String id, Map<String, String> fields, String creationKey, Instant lastActivity, Instant lastModified,
                        Instant created) {
    this(id, fields, creationKey, lastActivity, lastModified, created, null);
  }

  /** The same record with other field values. */
  public SalesforceItem withFields(Map<String, String> other) {
    return new SalesforceItem(id, other, creationKey, lastActivity, lastModified, created, version);
  }

  /** The value of {@code field}, or null. */
  public String get(String field) {
    return fields.get(field);
  }
}
