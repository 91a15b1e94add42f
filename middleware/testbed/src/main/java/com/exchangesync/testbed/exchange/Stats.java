package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What {@code GET /sim/stats} reports: calls per operation, HTTP requests, 401 challenges, schema violations, meeting messages. */
public final class Stats {

  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  public final AtomicLong httpRequests = new AtomicLong();
  public final AtomicLong authChallenges = new AtomicLong();
  public final AtomicLong schemaViolations = new AtomicLong();
  /** Invitations, updates and cancellations Exchange would have sent (per recipient); a sync must send none. */
  public final AtomicLong meetingMessagesSent = new AtomicLong();

  public void call(String operation) {
    calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  public void reset() {
    calls.clear();
    httpRequests.set(0);
    authChallenges.set(0);
    schemaViolations.set(0);
    meetingMessagesSent.set(0);
  }

  public JsonObject json() {
    JsonObject byOperation = new JsonObject();
    new TreeMap<>(calls).forEach((k, v) -> byOperation.put(k, v.get()));
    return new JsonObject().put("calls", byOperation).put("httpRequests", httpRequests.get())
        .put("authChallenges", authChallenges.get()).put("schemaViolations", schemaViolations.get())
        .put("meetingMessagesSent", meetingMessagesSent.get());
  }
}
