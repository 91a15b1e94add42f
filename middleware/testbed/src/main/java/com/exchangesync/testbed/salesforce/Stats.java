package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code GET /sim/stats} reports: calls per SOAP operation, HTTP requests
 * to the SOAP endpoint, requests to the OAuth token endpoint
 * ({@code tokenRequests}), and authentication refusals ({@code authChallenges}:
 * refused token requests, failed logins and calls with a missing, wrong or
 * expired session).
 */
final class Stats {

  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  final AtomicLong httpRequests = new AtomicLong();
  final AtomicLong authChallenges = new AtomicLong();
  final AtomicLong tokenRequests = new AtomicLong();
  final AtomicLong apiRequests = new AtomicLong();

  void call(String operation) {
    calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    apiRequests.incrementAndGet();
  }

  void reset() {
    calls.clear();
    httpRequests.set(0);
    authChallenges.set(0);
    tokenRequests.set(0);
    apiRequests.set(0);
  }

  JsonObject json() {
    JsonObject byOperation = new JsonObject();
    new TreeMap<>(calls).forEach((k, v) -> byOperation.put(k, v.get()));
    return new JsonObject().put("calls", byOperation).put("httpRequests", httpRequests.get())
        .put("authChallenges", authChallenges.get()).put("tokenRequests", tokenRequests.get());
  }
}
