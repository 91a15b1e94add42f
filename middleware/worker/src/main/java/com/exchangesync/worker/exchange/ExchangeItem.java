package com.exchangesync.worker.exchange;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact or calendar item as read from a mailbox.
 *
 * @param id the item's EWS id (stable for the item's life in its folder)
 * @param changeKey the version Exchange gives the item; it changes on every edit
 *     and makes an update conditional ("only if nobody changed it since")
 * @param kind contact or event
 * @param values the fields that have a value; an absent field is empty in Exchange
 * @param salesforceId the Salesforce record id stored on the item by this product,
 *     if any (an extended property in the product's own property set)
 */
public record ExchangeItem(String id, String changeKey, ItemKind kind, Map<ExchangeField, String> values,
                           Optional<String> salesforceId) {

  public ExchangeItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(changeKey, "changeKey");
    Objects.requireNonNull(kind, "kind");
    values = Map.copyOf(values);
    Objects.requireNonNull(salesforceId, "salesforceId");
  }

  /** The value of {@code field}, or empty. */
  public Optional<String> value(ExchangeField field) {
    return Optional.ofNullable(values.get(field));
  }
}
