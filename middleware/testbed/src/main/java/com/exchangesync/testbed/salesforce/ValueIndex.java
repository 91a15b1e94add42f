package com.exchangesync.testbed.salesforce;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rows of one type by the value of one field, filed under a key that rows
 * a lookup could match share ({@link RecordStore.Match}); each key's rows in the
 * order they were first stored, deleted ones included, as a scan would meet them.
 * It remembers the key each row is filed under, so a row whose value changed
 * moves from its old key. Kept by {@link RecordStore}, under its lock.
 */
final class ValueIndex {

  private final String field;
  private final Function<Object, String> key;
  private final Map<String, TreeMap<Long, Row>> rows = new HashMap<>();
  private final Map<String, String> keyOf = new HashMap<>();

  ValueIndex(String field, Function<Object, String> key) {
    this.field = field;
    this.key = key;
  }

  /** Files {@code row} (new, or a new version of a stored row) by its value; {@code order} is its place in creation order. */
  void put(Row row, long order) {
    String old = keyOf.remove(row.id);
    if (old != null) {
      TreeMap<Long, Row> filed = rows.get(old);
      filed.remove(order);
      if (filed.isEmpty()) {
        rows.remove(old);
      }
    }
    Object value = row.get(field);
    if (value != null) {
      String k = key.apply(value);
      rows.computeIfAbsent(k, x -> new TreeMap<>()).put(order, row);
      keyOf.put(row.id, k);
    }
  }

  /** The rows whose value has the key of {@code value}, in creation order. */
  Collection<Row> get(Object value) {
    TreeMap<Long, Row> filed = rows.get(key.apply(value));
    return filed == null ? List.of() : filed.values();
  }
}
