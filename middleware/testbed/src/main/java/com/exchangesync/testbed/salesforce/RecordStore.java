package com.exchangesync.testbed.salesforce;

import com.exchangesync.testbed.CaseFold;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every row of the org, by id and by type, and the org itself. One lock
 * serialises reads and writes (each API call runs under it), so a call sees
 * and makes a consistent state. Listeners hear of every committed create and
 * update, whoever made it (the Outbound Message queue is one).
 *
 * <p>Indexes spare queries and saves a look at every row of a type: rows by a
 * field's value ({@link ValueIndex}, made the first time a field is looked up)
 * and by {@code SystemModstamp, Id} ({@link StampIndex}). Every stored version
 * of a row goes through {@link #put} or {@link #changeInPlace}, which keep them
 * up to date; lookups answer in creation order, as a scan would.
 */
final class RecordStore {

  /** How a lookup compares a field's values, and so which rows share a key. */
  enum Match {
    /** As SOQL compares them: text without regard to case ({@link CaseFold}); a query tests what it finds. */
    QUERY,
    /** As a unique field or an external id compares them: by the field's case sensitivity. */
    UNIQUE
  }

  private record IndexName(SObjectType type, String field, Match match) {}

  /** Told of each committed create or update, under the store's lock. */
  interface Listener {
    void saved(Row row, boolean created);
  }

  final Schema schema;
  /** The org's active duplicate rules (metadata, kept by {@code POST /sim/org}, forgotten by {@code /sim/reset}). */
  final DuplicateRules duplicateRules = new DuplicateRules();
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Row> byId = new HashMap<>();
  private final Map<SObjectType, Map<String, Row>> byType = new HashMap<>();
  private final Map<String, Long> autoNumbers = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  /** Each row's place in creation order (the order {@link #rows} gives). */
  private final Map<String, Long> order = new HashMap<>();
  private final Map<IndexName, ValueIndex> valueIndexes = new HashMap<>();
  private final Map<SObjectType, List<ValueIndex>> indexesOf = new HashMap<>();
  private final Map<SObjectType, StampIndex> stampIndexes = new HashMap<>();
  private Instant last = Instant.EPOCH;
  private Org org;

  RecordStore(Schema schema, Clock clock) {
    this.schema = schema;
    this.clock = clock;
  }

  <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** The current time to the second (as an org stores date-times), never earlier than a time already handed out. */
  Instant now() {
    Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (t.isBefore(last)) {
      t = last;
    }
    last = t;
    return t;
  }

  Org org() {
    return org;
  }

  /** Forgets every row and starts {@code newOrg} (its users and profiles are added by the caller). */
  void reset(Org newOrg) {
    byId.clear();
    byType.clear();
    autoNumbers.clear();
    order.clear();
    valueIndexes.clear();
    indexesOf.clear();
    stampIndexes.clear();
    org = newOrg;
  }

  void org(Org newOrg) {
    org = newOrg;
  }

  /** The row with this id (15 or 18 characters), deleted or not; null if none. */
  Row row(String id) {
    String canonical = SalesforceIds.canonical(id);
    return canonical == null ? null : byId.get(canonical);
  }

  /** Every row of a type, deleted ones included, in creation order. */
  List<Row> rows(SObjectType type) {
    return new ArrayList<>(byType.getOrDefault(type, Map.of()).values());
  }

  /** Stores a new or changed row and tells the listeners (deletions are stored without telling them). */
  void put(Row row, boolean created) {
    byId.put(row.id, row);
    byType.computeIfAbsent(row.type, t -> new LinkedHashMap<>()).put(row.id, row);
    index(row);
    if (!row.deleted()) {
      for (Listener l : listeners) {
        l.saved(row, created);
      }
    }
  }

  /**
   * The org's own bookkeeping on a stored row (a field it keeps up to date, such as an
   * event's group flag): {@code change} alters {@code stored} where it is, and no listener hears of it.
   */
  void changeInPlace(Row stored, Consumer<Row> change) {
    change.accept(stored);
    index(stored);
  }

  /**
   * The rows of {@code type} (deleted ones included) whose {@code field} may equal {@code value} by
   * {@code match}, in creation order; a copy, so the caller may change the store while going through them.
   */
  List<Row> rowsWhere(SObjectType type, String field, Match match, Object value) {
    IndexName name = new IndexName(type, field, match);
    ValueIndex index = valueIndexes.get(name);
    if (index == null) {
      index = new ValueIndex(field, key(type, field, match));
      for (Row r : byType.getOrDefault(type, Map.of()).values()) {
        index.put(r, order.get(r.id));
      }
      valueIndexes.put(name, index);
      indexesOf.computeIfAbsent(type, t -> new ArrayList<>()).add(index);
    }
    return new ArrayList<>(index.get(value));
  }

  /**
   * The rows of {@code type} (deleted ones included) stamped at {@code from} or later, ordered by
   * {@code SystemModstamp, Id}; a view, to read before the store changes (a query stops early in it).
   */
  Collection<Row> rowsStampedFrom(SObjectType type, Instant from) {
    StampIndex index = stampIndexes.get(type);
    if (index == null) {
      index = new StampIndex();
      for (Row r : byType.getOrDefault(type, Map.of()).values()) {
        index.put(r, order.get(r.id));
      }
      stampIndexes.put(type, index);
    }
    return index.from(from);
  }

  /** Orders rows of the store as {@link #rows} does: by when each was first stored. */
  Comparator<Row> creationOrder() {
    return Comparator.comparingLong(r -> order.get(r.id));
  }

  private void index(Row row) {
    long place = order.computeIfAbsent(row.id, id -> (long) order.size());
    for (ValueIndex index : indexesOf.getOrDefault(row.type, List.of())) {
      index.put(row, place);
    }
    StampIndex stamps = stampIndexes.get(row.type);
    if (stamps != null) {
      stamps.put(row, place);
    }
  }

  private static Function<Object, String> key(SObjectType type, String field, Match match) {
    if (match == Match.QUERY) {
      return v -> CaseFold.key(v.toString());
    }
    FieldDef def = type.field(field);
    return v -> def.caseSensitive() ? v.toString() : v.toString().toLowerCase(Locale.ROOT);
  }

  /** The next number of an auto-number field. */
  long nextAutoNumber(SObjectType type, String field) {
    return autoNumbers.merge(type.name + "." + field, 1L, Long::sum);
  }

  /** The active user with this username (any case), or null. */
  Row userByUsername(String username) {
    SObjectType user = schema.type("User");
    for (Row r : byType.getOrDefault(user, Map.of()).values()) {
      Object name = r.get("Username");
      if (name != null && name.toString().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
        return r;
      }
    }
    return null;
  }
}
