package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults injected through {@code POST /sim/faults}: for an operation (or
 * {@code "*"}), a kind and how many calls it hits ({@code count}, -1 = every
 * call until reset). Kinds: {@code serverBusy} (SOAP fault
 * {@code ErrorServerBusy} with {@code BackOffMilliseconds}), {@code http503},
 * {@code http500}, {@code latency} ({@code ms} added before the answer), and
 * the two faults of a write whose answer is lost: {@value #HTTP503_AFTER_WRITE}
 * (the write is applied, then the call is answered 503, as a load balancer or
 * proxy in front of Exchange can) and {@value #DROP_AFTER_WRITE} (the write is
 * applied, then the connection is closed without an answer); both wait for a
 * write operation ({@link #WRITES}).
 */
final class FaultPlan {

  static final String HTTP503_AFTER_WRITE = "http503AfterWrite";
  static final String DROP_AFTER_WRITE = "dropAfterWrite";
  static final List<String> KINDS = List.of("serverBusy", "http503", "http500", "latency", HTTP503_AFTER_WRITE, DROP_AFTER_WRITE);
  /** The operations that change a mailbox. */
  static final java.util.Set<String> WRITES = java.util.Set.of("CreateItem", "UpdateItem", "DeleteItem", "MoveItem", "CopyItem",
      "CreateFolder");

  /** One injected fault. */
  record Fault(String operation, String kind, long backOffMillis, long ms) {}

  private record Entry(Fault fault, int[] remaining) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a fault from its JSON form; a bad one is refused with a message that names the problem. */
  synchronized void add(JsonObject json) {
    String operation = json.getString("operation", "*");
    String kind = json.getString("kind");
    if (kind == null || !KINDS.contains(kind)) {
      throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS));
    }
    int count = json.getInteger("count", 1);
    if (count == 0 || count < -1) {
      throw new IllegalArgumentException("count must be a positive number of calls, or -1 for every call");
    }
    long ms = json.getLong("ms", 0L);
    if (kind.equals("latency") && ms <= 0) {
      throw new IllegalArgumentException("a latency fault needs ms > 0");
    }
    long backOff = json.getLong("backOffMilliseconds", 1000L);
    entries.add(new Entry(new Fault(operation, kind, backOff, ms), new int[] {count}));
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

  /** The first failure due for a call of {@code operation}, consumed; or null. */
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
    return !(kind.equals(HTTP503_AFTER_WRITE) || kind.equals(DROP_AFTER_WRITE)) || WRITES.contains(operation);
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
