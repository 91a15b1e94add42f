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
 * @param series for a pair of occurrences of a recurring series, the Exchange
 *     series (its master's id) the occurrence belongs to; null for any other pair
 * @param salesforceBase what Salesforce acknowledged holding, when its write of the last sync was
 *     refused (null: the same as {@code base})
 * @param exchangeBase the same for Exchange
 */
public record Link(String salesforceId, String exchangeId, Map<String, String> base, String exchangeChangeKey,
                   String series, Map<String, String> salesforceBase, Map<String, String> exchangeBase) {

  public Link {
    Objects.requireNonNull(salesforceId);
    Objects.requireNonNull(exchangeId);
    base = Map.copyOf(base);
    salesforceBase = salesforceBase == null ? null : Map.copyOf(salesforceBase);
    exchangeBase = exchangeBase == null ? null : Map.copyOf(exchangeBase);
  }

  /** A pair whose sides both hold what the last sync decided. */
  public Link(String salesforceId, String exchangeId, Map<String, String> base, String exchangeChangeKey, String series) {
    this(salesforceId, exchangeId, base, exchangeChangeKey, series, null, null);
  }

  /** A pair of two single records, both holding what the last sync decided. */
  public Link(String salesforceId, String exchangeId, Map<String, String> base, String exchangeChangeKey) {
    this(salesforceId, exchangeId, base, exchangeChangeKey, null);
  }

  /** The bases to merge against. */
  public FieldMerge.Bases bases() {
    return new FieldMerge.Bases(base, salesforceBase == null ? base : salesforceBase, exchangeBase == null ? base : exchangeBase);
  }

  /** Whether the pair is two occurrences of a series. */
  public boolean inSeries() {
    return series != null;
  }
}
