package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import java.util.List;
import java.util.Map;

/**
 * One mapped value of a kind: the Salesforce fields and Exchange fields it is
 * made of, and how each side's values become the one value the engine compares,
 * merges and stores as a pair's base (the <em>canonical</em> value), and back.
 * Most are one field on each side with the same text ({@link FieldMap.Pair});
 * some translate ({@code IsPrivate} is {@code Sensitivity}), and some are
 * several fields that change together (an event's start, end and all-day flag),
 * so the merge never takes the start from one side and the end from the other.
 *
 * <p>Canonical values are normalized (trimmed, empty as absent, null for none), and
 * a translation maps both sides onto what both can express, so a value read back
 * after a write compares equal and is never written again.
 */
public interface Mapped {

  /** The name the canonical value goes by in merges and bases. */
  String key();

  /** The Salesforce fields it reads and writes. */
  List<String> salesforceFields();

  /** The Exchange fields it reads and writes. */
  List<ExchangeField> exchangeFields();

  /** The canonical value of a Salesforce record (its fields by name), or null. */
  String fromSalesforce(Map<String, String> fields);

  /** The canonical value of an Exchange item (its values), or null. */
  String fromExchange(Map<ExchangeField, String> values);

  /** The Salesforce fields that hold {@code value} (null: clear); every field of {@link #salesforceFields}. */
  Map<String, String> toSalesforce(String value);

  /** The Exchange fields that hold {@code value} (null: clear). */
  Map<ExchangeField, String> toExchange(String value);

  /**
   * The same, written onto an item that holds {@code current} now: a value that
   * keeps part of the item (attendees Salesforce cannot name) overrides this.
   */
  default Map<ExchangeField, String> toExchange(String value, Map<ExchangeField, String> current) {
    return toExchange(value);
  }
}
