package com.exchangesync.testbed.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every row of the org, by id and by type, and the org itself. One lock
 * serialises reads and writes (each API call runs under it), so a call sees
 * and makes a consistent state. Listeners hear of every committed create and
 * update, whoever made it (the Outbound Message queue is one).
 */
final class RecordStore {

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
    if (!row.deleted()) {
      for (Listener l : listeners) {
        l.saved(row, created);
      }
    }
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
