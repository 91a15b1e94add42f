package com.exchangesync.worker.sync;

import java.util.Map;
import java.util.Objects;

/**
 * A synced pair for one rep and kind.
 *
 * @param salesforceId the Salesforce record
 * @param exchangeId the Exchange item
 * @param base the mapped fields as both sides held them after the last sync
 * @param exchangeChangeKey the item's change key after our last read or write, so
 *     an update can be refused if the rep edited the item since
 */
public record Link(String salesforceId, String exchangeId, Map<String, String> base, String exchangeChangeKey) {

  public Link {
    Objects.requireNonNull(salesforceId);
    Objects.requireNonNull(exchangeId);
    base = Map.copyOf(base);
  }
}
