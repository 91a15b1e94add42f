package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of one type in the order {@code ORDER BY SystemModstamp, Id} gives
 * them (rows that tie on both in creation order, as the stable sort of a scan
 * leaves them), for the feed queries a sync pages through. Rows without a
 * stamp are left out: no condition on the stamp matches them. Deleted rows
 * stay, as {@code queryAll} sees them. Kept by {@link RecordStore}, under its lock.
 */
final class StampIndex {

  static final String FIELD = "SystemModstamp";

  private record Key(Instant stamp, String id, long order) {}

  private static final Comparator<Key> ORDER = Comparator.comparing(Key::stamp)
      .thenComparing(Key::id, String::compareToIgnoreCase).thenComparingLong(Key::order);

  private final TreeMap<Key, Row> rows = new TreeMap<>(ORDER);
  private final Map<String, Key> keyOf = new HashMap<>();

  /** Files {@code row} (new, or a new version of a stored row) by its stamp; {@code order} is its place in creation order. */
  void put(Row row, long order) {
    Key old = keyOf.remove(row.id);
    if (old != null) {
      rows.remove(old);
    }
    if (row.get(FIELD) instanceof Instant stamp) {
      Key k = new Key(stamp, row.id, order);
      rows.put(k, row);
      keyOf.put(row.id, k);
    }
  }

  /** The rows stamped at {@code from} or later, in stamp and id order (a view: read it before the store changes). */
  Collection<Row> from(Instant from) {
    return rows.tailMap(new Key(from, "", Long.MIN_VALUE), true).values();
  }
}
