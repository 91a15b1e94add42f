package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Faults injected through {@code POST /sim/faults}: for an operation (or
 * {@code "*"}), a kind and how many calls it hits ({@code count}, default 1,
 * -1 = every call until reset). Kinds: {@code REQUEST_LIMIT_EXCEEDED} (the
 * call's fault), {@code UNABLE_TO_LOCK_ROW} (write calls only: the first
 * {@code records} records, default all, fail with that status code),
 * {@code INVALID_SESSION_ID} (every session ends and the call gets the fault;
 * never hits {@code login}), {@code http500}, {@code http503}, {@code latency}
 * ({@code ms} added before the answer), and the two faults of a write whose
 * answer is lost: {@value #HTTP503_AFTER_WRITE} (the write is applied, then the
 * call is answered 503, as a proxy in front of a busy org can) and
 * {@value #DROP_AFTER_WRITE} (the write is applied, then the connection is
 * closed without an answer); both wait for a write call. The OAuth token endpoint is the
 * operation {@value #TOKEN}; only {@code http500}, {@code http503} and
 * {@code latency} hit it.
 */
final class FaultPlan {

  static final String HTTP503_AFTER_WRITE = "http503AfterWrite";
  static final String DROP_AFTER_WRITE = "dropAfterWrite";
  static final Set<String> KINDS = Set.of("REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "INVALID_SESSION_ID", "http500", "http503",
      "latency", HTTP503_AFTER_WRITE, DROP_AFTER_WRITE);
  static final Set<String> WRITES = Set.of("create", "update", "upsert", "delete");
  /** The operation name of {@code POST /services/oauth2/token}. */
  static final String TOKEN = "token";

  /** One injected fault. */
  record Fault(String operation, String kind, int records, long ms) {}

  private record Entry(Fault fault, int[] remaining) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a fault from its JSON form; a bad one is refused with a message that names the problem. */
  synchronized void add(JsonObject json) {
    String operation = json.getString("operation", "*");
    String kind = json.getString("kind");
    if (kind == null || !KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
    }
    int count = json.getInteger("count", 1);
    if (count == 0 || count < -1) {
      throw new IllegalArgumentException("count must be a positive number of calls, or -1 for every call");
    }
    long ms = json.getLong("ms", 0L);
    if (kind.equals("latency") && ms <= 0) {
      throw new IllegalArgumentException("a latency fault needs ms > 0");
    }
    int records = json.getInteger("records", Integer.MAX_VALUE);
    if (records <= 0) {
      throw new IllegalArgumentException("records must be positive");
    }
    entries.add(new Entry(new Fault(operation, kind, records, ms), new int[] {count}));
  }

  synchronized void clear() {
    entries.clear();
  }

  /** The latency to add to a call of {@code operation} (every matching latency fault counts). */
  synchronized long latency(String operation) {
    long total = 0;
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.fault().kind().equals("latency") && matches(e, operation)) {
        total += e.fault().ms();
        consume(it, e);
      }
    }
    return total;
  }

  /** The first failure due for a call of {@code operation}, consumed; or null. Kinds that cannot hit the operation are skipped. */
  synchronized Fault failure(String operation) {
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (!e.fault().kind().equals("latency") && matches(e, operation) && applies(e.fault().kind(), operation)) {
        consume(it, e);
        return e.fault();
      }
    }
    return null;
  }

  private static boolean applies(String kind, String operation) {
    if (operation.equals(TOKEN)) {
      return kind.equals("http500") || kind.equals("http503");
    }
    return switch (kind) {
      case "UNABLE_TO_LOCK_ROW", HTTP503_AFTER_WRITE, DROP_AFTER_WRITE -> WRITES.contains(operation);
      case "INVALID_SESSION_ID" -> !operation.equals("login");
      default -> true;
    };
  }

  private static boolean matches(Entry e, String operation) {
    return e.fault().operation().equals("*") || e.fault().operation().equals(operation);
  }

  private static void consume(Iterator<Entry> it, Entry e) {
    if (e.remaining()[0] > 0 && --e.remaining()[0] == 0) {
      it.remove();
    }
  }
}
