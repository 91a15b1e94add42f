package com.exchangesync.bench;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calls a test bed counted ({@code /sim/stats} {@code calls}, by operation),
 * as of one moment; two of them give what happened between. Sign-ins
 * ({@code login}) are left out: they are not the sync's work.
 */
record CallCount(Map<String, Long> byOperation) {

  static CallCount of(JsonObject stats) {
    JsonObject calls = stats.getJsonObject("calls", new JsonObject());
    return new CallCount(calls.fieldNames().stream().filter(op -> !op.equals("login"))
        .collect(Collectors.toUnmodifiableMap(op -> op, calls::getLong)));
  }

  long total() {
    return byOperation.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The calls made since {@code before}. */
  CallCount since(CallCount before) {
    return new CallCount(byOperation.entrySet().stream()
        .filter(e -> e.getValue() - before.byOperation.getOrDefault(e.getKey(), 0L) > 0)
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue() - before.byOperation.getOrDefault(e.getKey(), 0L))));
  }

  /** {@code query 0.02, create 0.01, …}: the calls per one of {@code n} (mailboxes, say), most first; {@code none} when none. */
  String per(long n) {
    return byOperation.isEmpty() ? "none" : byOperation.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
        .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.3f", e.getValue() / (double) n))
        .collect(Collectors.joining(", "));
  }

  /** {@code query 90, create 61, …}, most first; {@code none} when there were none. */
  @Override
  public String toString() {
    return byOperation.isEmpty() ? "none" : byOperation.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Long.compare(b.getValue(), a.getValue()))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }
}
