package com.exchangesync.worker.exchange;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An item to create.
 *
 * @param kind contact or event
 * @param values the fields to set (only fields of {@code kind} that are writable)
 * @param salesforceId the Salesforce record id to store on the item, so that a
 *     retried create finds the item instead of making a second one
 */
public record NewItem(ItemKind kind, Map<ExchangeField, String> values, Optional<String> salesforceId) {

  public NewItem {
    Objects.requireNonNull(kind, "kind");
    values = Map.copyOf(values);
    ItemUpdate.requireWritableFieldsOf(kind, values.keySet());
    Objects.requireNonNull(salesforceId, "salesforceId");
  }
}
