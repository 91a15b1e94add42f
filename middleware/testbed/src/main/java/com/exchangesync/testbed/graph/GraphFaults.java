package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Faults injected for Graph through {@code POST /sim/faults} with
 * {@code "protocol": "graph"}: for an operation (as {@code /sim/stats} names
 * them, or {@code "*"} for every API call but the {@code $batch} envelope
 * itself) a kind, and how many calls it hits ({@code count}, -1 = every call
 * until reset). Kinds: {@code http429} (with {@code retryAfterSeconds}),
 * {@code http503}, {@code latency} (with {@code ms}), and the two faults of a
 * write whose answer is lost: {@value #HTTP503_AFTER_WRITE} (the write is
 * carried out, then answered {@code 503 serviceNotAvailable} with
 * {@code Retry-After}, as a gateway in front of Exchange Online can) and
 * {@value #DROP_AFTER_WRITE} (carried out, then the connection is closed without
 * an answer); both wait for a write (a request that is not a {@code GET}; for
 * {@code batch}, an envelope holding one). Inside a batch the first answers that
 * request alone 503; the second closes the batch's connection once every request
 * of it has run. {@code expireDeltaTokens} acts at once (see
 * {@link DeltaStates#expireAll}) and is not kept here.
 */
final class GraphFaults {

  /** One injected fault. */
  record Fault(String operation, String kind, int retryAfterSeconds, long ms) {

    /** Whether the call is carried out and its answer then lost. */
    boolean afterWrite() {
      return kind.equals(HTTP503_AFTER_WRITE) || kind.equals(DROP_AFTER_WRITE);
    }
  }

  private record Entry(Fault fault, int[] remaining) {}

  static final String HTTP503_AFTER_WRITE = "http503AfterWrite";
  static final String DROP_AFTER_WRITE = "dropAfterWrite";
  static final Set<String> KINDS = Set.of("http429", "http503", "latency", "expireDeltaTokens", HTTP503_AFTER_WRITE, DROP_AFTER_WRITE);

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Adds a fault from its JSON form.
   *
   * @throws IllegalArgumentException naming the problem
   */
  synchronized void add(JsonObject json) {
    String kind = json.getString("kind");
    if (kind == null || !KINDS.contains(kind)) {
      throw new IllegalArgumentException("a Graph fault's kind is one of http429, http503, latency, expireDeltaTokens, "
          + HTTP503_AFTER_WRITE + ", " + DROP_AFTER_WRITE);
    }
    String operation = json.getString("operation", "*");
    int count = json.getInteger("count", 1);
    if (count == 0 || count < -1) {
      throw new IllegalArgumentException("count must be a positive number of calls, or -1 for every call");
    }
    long ms = json.getLong("ms", 0L);
    if (kind.equals("latency") && ms <= 0) {
      throw new IllegalArgumentException("a latency fault needs ms > 0");
    }
    int retryAfter = json.getInteger("retryAfterSeconds", 1);
    if (retryAfter < 0) {
      throw new IllegalArgumentException("retryAfterSeconds cannot be negative");
    }
    entries.add(new Entry(new Fault(operation, kind, retryAfter, ms), new int[] {count}));
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

  /**
   * The failure due for a call of {@code operation}, consumed; or null. Faults of a lost
   * answer are due only for a write ({@code write}), and are skipped otherwise.
   */
  synchronized Fault failure(String operation, boolean write) {
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (!e.fault().kind().equals("latency") && matches(e, operation) && (write || !e.fault().afterWrite())) {
        consume(it, e);
        return e.fault();
      }
    }
    return null;
  }

  /** The error Graph answers for a fault that refuses the call ({@code http429}, {@code http503}, and the 503 of {@value #HTTP503_AFTER_WRITE}). */
  static GraphError error(Fault fault) {
    return fault.kind().equals("http429")
        ? MailboxConcurrency.throttled("Application is over its RequestRate limit.", fault.retryAfterSeconds())
        : new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.")
            .header("Retry-After", Integer.toString(fault.retryAfterSeconds()));
  }

  private static boolean matches(Entry e, String operation) {
    String wanted = e.fault().operation();
    return wanted.equals(operation) || (wanted.equals("*") && !operation.equals("batch"));
  }

  private static void consume(Iterator<Entry> it, Entry e) {
    if (e.remaining()[0] > 0 && --e.remaining()[0] == 0) {
      it.remove();
    }
  }
}
