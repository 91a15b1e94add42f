package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Graph counts {@code /sim/stats} reports under {@code "graph"}, apart from
 * EWS's: calls per operation (a request inside {@code $batch} counts as its
 * own operation, the batch as {@code batch}), HTTP requests, tokens issued,
 * sign-ins refused, 401s and 429s answered.
 */
final class GraphStats {

  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  final AtomicLong httpRequests = new AtomicLong();
  final AtomicLong tokensIssued = new AtomicLong();
  final AtomicLong tokenRefusals = new AtomicLong();
  final AtomicLong authChallenges = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();

  void call(String operation) {
    calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  void reset() {
    calls.clear();
    httpRequests.set(0);
    tokensIssued.set(0);
    tokenRefusals.set(0);
    authChallenges.set(0);
    throttled.set(0);
  }

  JsonObject json() {
    JsonObject byOperation = new JsonObject();
    new TreeMap<>(calls).forEach((k, v) -> byOperation.put(k, v.get()));
    return new JsonObject().put("calls", byOperation).put("httpRequests", httpRequests.get())
        .put("tokensIssued", tokensIssued.get()).put("tokenRefusals", tokenRefusals.get())
        .put("authChallenges", authChallenges.get()).put("throttled", throttled.get());
  }
}
