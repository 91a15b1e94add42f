package com.exchangesync.worker.salesforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records made from some Exchange items (their creation key in {@code keyField}) and a match's candidates ({@code
 * field} holding one of the values, without case, as SOQL compares text), asked in one condition of one statement,
 * and told apart in what a read brought: the records of either kind, among whatever else the read asked for.
 */
final class LookupRead {

  /** What a read brought for the lookups: records by creation key, and the candidates (before any access check). */
  record Found(Map<String, SalesforceRecord> byKey, List<SalesforceRecord> candidates) {}

  private final String keyField;
  private final List<String> keys;
  private final String field;
  private final List<String> values;

  private LookupRead(String keyField, List<String> keys, String field, List<String> values) {
    this.keyField = keyField;
    this.keys = keys;
    this.field = field;
    this.values = values;
  }

  /**
   * The lookups as one condition, when they fit one {@code IN}'s length together (else empty: asked one list at a
   * time); empty too when there is nothing to look up.
   */
  static Optional<LookupRead> of(String keyField, List<String> keys, String field, Set<String> values, int maxChars) {
    List<String> both = new ArrayList<>(keys);
    both.addAll(values);
    if (both.isEmpty() || Soql.inChunks(both, maxChars).size() > 1) {
      return Optional.empty();
    }
    return Optional.of(new LookupRead(keyField, List.copyOf(keys), field, List.copyOf(values)));
  }

  /** {@code keyField IN (keys) OR field IN (values)}, with API names. */
  Soql.Condition condition(SalesforceAdapter adapter) {
    List<Soql.Condition> parts = new ArrayList<>();
    if (!keys.isEmpty()) {
      parts.add(Soql.in(adapter.api(keyField), keys));
    }
    if (!values.isEmpty()) {
      parts.add(Soql.in(adapter.api(field), values));
    }
    return Soql.or(parts.toArray(Soql.Condition[]::new));
  }

  /** The fields a record must be read with to be told apart. */
  List<String> fields() {
    return List.of(keyField, field);
  }

  /** The records of {@code read} made from the keys, by key, and those whose field holds a value. */
  Found found(List<SalesforceRecord> read) {
    Set<String> wantedKeys = new HashSet<>(keys);
    Set<String> wantedValues = new HashSet<>();
    values.forEach(v -> wantedValues.add(v.toLowerCase(Locale.ROOT)));
    Map<String, SalesforceRecord> byKey = new LinkedHashMap<>();
    List<SalesforceRecord> candidates = new ArrayList<>();
    for (SalesforceRecord r : read) {
      if (r.get(keyField) != null && wantedKeys.contains(r.get(keyField))) {
        byKey.put(r.get(keyField), r);
      }
      if (r.get(field) != null && wantedValues.contains(r.get(field).toLowerCase(Locale.ROOT))) {
        candidates.add(r);
      }
    }
    return new Found(byKey, candidates);
  }
}
