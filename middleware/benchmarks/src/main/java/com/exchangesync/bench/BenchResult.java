package com.exchangesync.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line every benchmark ends with, for scripts to read:
 * {@code RESULT name=<benchmark> key=value …}, keys in the order they were put,
 * whole numbers without decimals and others with one.
 */
final class BenchResult {

  private final String name;
  private final Map<String, String> values = new LinkedHashMap<>();

  private BenchResult(String name) {
    this.name = name;
  }

  static BenchResult named(String name) {
    return new BenchResult(name);
  }

  BenchResult put(String key, long value) {
    return putText(key, Long.toString(value));
  }

  BenchResult put(String key, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(key + " is " + value + ": a RESULT value must be a number");
    }
    return putText(key, value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value));
  }

  private BenchResult putText(String key, String value) {
    if (!key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a RESULT key is lower case letters, digits and underscores: " + key);
    }
    values.put(key, value);
    return this;
  }

  /** The line. */
  String line() {
    return "RESULT name=" + name + (values.isEmpty() ? "" : " " + values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
  }

  /** Prints the line: the benchmark's last. */
  void print() {
    System.out.println(line());
    System.out.flush();
  }
}
