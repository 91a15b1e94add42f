package com.exchangesync.worker.exchange;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to one existing item.
 *
 * @param id the item's id
 * @param expectedChangeKey the change key the caller last saw; when present the
 *     update is refused with {@link MailboxError#CONFLICT} if the item changed since,
 *     when empty the update overwrites whatever is there
 * @param values fields to set; a {@code null} value clears the field
 * @param salesforceId when present, the Salesforce id to store on the item
 */
public record ItemUpdate(String id, Optional<String> expectedChangeKey, Map<ExchangeField, String> values,
                         Optional<String> salesforceId) {

  public ItemUpdate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedChangeKey, "expectedChangeKey");
    // Map.copyOf refuses null values, and null is how a field is cleared.
    values = Collections.unmodifiableMap(new HashMap<>(values));
    Objects.requireNonNull(salesforceId, "salesforceId");
  }

  public static void requireWritableFieldsOf(ItemKind kind, Collection<ExchangeField> fields) {
    for (ExchangeField field : fields) {
      if (field.kind() != kind || !field.writable()) {
        throw new IllegalArgumentException(field.apiName() + " cannot be written on a " + kind.name().toLowerCase()
            + (field.kind() == kind ? " (Exchange computes it)" : ""));
      }
    }
  }
}
