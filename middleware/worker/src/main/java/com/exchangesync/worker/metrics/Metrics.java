package com.exchangesync.worker.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The worker's counters and gauges, rendered in the Prometheus text format
 * (version 0.0.4) at {@code GET /metrics}. Thread-safe: every part of the worker
 * records into one instance.
 */
public final class Metrics {

  private final Map<String, Family> families = new ConcurrentSkipListMap<>();

  /** A counter family: a monotonically increasing number per label set. */
  public final class Counter {
    private final Family family;

    private Counter(Family family) {
      this.family = family;
    }

    /** Adds one for the given label values (in the order the labels were declared). */
    public void inc(String... labelValues) {
      add(1, labelValues);
    }

    /** Adds {@code amount} (not negative) for the given label values. */
    public void add(long amount, String... labelValues) {
      if (amount < 0) {
        throw new IllegalArgumentException("a counter only goes up");
      }
      family.series(labelValues).add(amount);
    }

    /** The current value for the given label values. */
    public long value(String... labelValues) {
      return family.series(labelValues).sum();
    }
  }

  /**
   * @param values a counter's series
   * @param gauge a gauge's series, read at each scrape (label values in the order of {@code labels})
   */
  private record Family(String name, String help, String type, List<String> labels,
                        Map<List<String>, LongAdder> values, Supplier<Map<List<String>, Double>> gauge) {
    LongAdder series(String... labelValues) {
      if (labelValues.length != labels.size()) {
        throw new IllegalArgumentException(name + " takes labels " + labels + ", got " + Arrays.toString(labelValues));
      }
      return values.computeIfAbsent(List.of(labelValues), k -> new LongAdder());
    }
  }

  /**
   * Declares (or returns the already declared) counter {@code name}.
   *
   * @param labels the label names each value carries
   */
  public Counter counter(String name, String help, String... labels) {
    Family family = families.computeIfAbsent(name,
        n -> new Family(n, help, "counter", List.of(labels), new ConcurrentHashMap<>(), null));
    if (!family.type().equals("counter") || !family.labels().equals(List.of(labels))) {
      throw new IllegalArgumentException(name + " is already declared differently");
    }
    return new Counter(family);
  }

  /** Declares a gauge whose value is read from {@code value} at each scrape. */
  public void gauge(String name, String help, DoubleSupplier value) {
    families.put(name, new Family(name, help, "gauge", List.of(), Map.of(), () -> Map.of(List.of(), value.getAsDouble())));
  }

  /**
   * Declares a gauge with labels whose series are read from {@code series} at each scrape: one value per
   * list of label values (in the order of {@code labels}); a series missing from the map is not shown.
   */
  public void gauge(String name, String help, List<String> labels, Supplier<Map<List<String>, Double>> series) {
    families.put(name, new Family(name, help, "gauge", List.copyOf(labels), Map.of(), series));
  }

  /** All metrics in the Prometheus text exposition format. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Family f : families.values()) {
      out.append("# HELP ").append(f.name()).append(' ').append(escapeHelp(f.help())).append('\n');
      out.append("# TYPE ").append(f.name()).append(' ').append(f.type()).append('\n');
      Map<List<String>, String> values = new TreeMap<>(
          (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
      if (f.gauge() != null) {
        f.gauge().get().forEach((labels, v) -> values.put(labels, format(v)));
      } else {
        f.values().forEach((labels, v) -> values.put(labels, Long.toString(v.sum())));
        if (values.isEmpty() && f.labels().isEmpty()) {
          values.put(List.of(), "0");
        }
      }
      values.forEach((labels, v) -> line(out, f, labels, v));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, Family f, List<String> labelValues, String value) {
    out.append(f.name());
    if (!f.labels().isEmpty()) {
      out.append('{');
      for (int i = 0; i < f.labels().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(f.labels().get(i)).append("=\"").append(escapeLabel(labelValues.get(i))).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String escapeHelp(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String escapeLabel(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
  }
}
