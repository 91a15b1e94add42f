package com.exchangesync.worker.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A Salesforce contact as the engine sees it.
 *
 * @param id the record id
 * @param fields the mapped fields' values, by Salesforce field name
 * @param creationKey {@code Exchange_Sync_Key__c}: set on contacts this product
 *     created from an Exchange item (the item's id), null otherwise
 * @param lastActivity {@code LastActivityDate}, for the "most recent activity" preference (may be null)
 * @param lastModified {@code LastModifiedDate}
 * @param created {@code CreatedDate}
 */
public record SalesforceContact(String id, Map<String, String> fields, String creationKey, Instant lastActivity,
                                Instant lastModified, Instant created) {

  public SalesforceContact {
    Objects.requireNonNull(id);
    fields = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(fields));
    Objects.requireNonNull(lastModified);
    Objects.requireNonNull(created);
  }
}
