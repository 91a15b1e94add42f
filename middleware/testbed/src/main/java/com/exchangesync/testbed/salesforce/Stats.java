package com.exchangesync.testbed.salesforce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code GET /sim/stats} reports: calls per SOAP operation, HTTP requests
 * to the SOAP endpoint, requests to the OAuth token endpoint
 * ({@code tokenRequests}), and authentication refusals ({@code authChallenges}:
 * refused token requests, failed logins and calls with a missing, wrong or
 * expired session). {@code GET /sim/queries} lists the last {@value #QUERIES_KEPT} SOQL
 * statements run, oldest first, so a test can count the reads of one kind.
 */
final class Stats {

  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  final AtomicLong httpRequests = new AtomicLong();
  final AtomicLong authChallenges = new AtomicLong();
  final AtomicLong tokenRequests = new AtomicLong();
  final AtomicLong apiRequests = new AtomicLong();

  static final int QUERIES_KEPT = 1000;

  private final Deque<String> queries = new ArrayDeque<>();

  /** Keeps a SOQL statement run by {@code query} or {@code queryAll}. */
  synchronized void query(String soql) {
    if (queries.size() == QUERIES_KEPT) {
      queries.removeFirst();
    }
    queries.addLast(soql);
  }

  synchronized JsonArray queries() {
    return new JsonArray(java.util.List.copyOf(queries));
  }

  void call(String operation) {
    calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    apiRequests.incrementAndGet();
  }

  void reset() {
    calls.clear();
    synchronized (this) {
      queries.clear();
    }
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
