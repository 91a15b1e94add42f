package com.exchangesync.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * The live objects of this process by class (the JVM's {@code GC.class_histogram}, taken after a full collection),
 * so two of them show which classes a benchmark's worker keeps more of as it serves more mailboxes.
 *
 * @param bytes live bytes by class name
 * @param instances live instances by class name
 */
record HeapHistogram(Map<String, Long> bytes, Map<String, Long> instances) {

  /** One class's growth between two histograms. */
  record Growth(String className, long bytes, long instances) {}

  /** The histogram now. */
  static HeapHistogram take() {
    String text;
    try {
      text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (Exception e) {
      throw new IllegalStateException("this JVM gives no class histogram (com.sun.management:type=DiagnosticCommand)", e);
    }
    Map<String, Long> bytes = new HashMap<>();
    Map<String, Long> instances = new HashMap<>();
    for (String line : text.split("\n")) {
      // " 1:  12345  678900  java.lang.String (java.base@25)"
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 4 && parts[0].endsWith(":") && parts[1].matches("\\d+") && parts[2].matches("\\d+")) {
        instances.merge(parts[3], Long.parseLong(parts[1]), Long::sum);
        bytes.merge(parts[3], Long.parseLong(parts[2]), Long::sum);
      }
    }
    return new HeapHistogram(bytes, instances);
  }

  /** The {@code top} classes that grew most in bytes from {@code before} to this one. */
  List<Growth> grownSince(HeapHistogram before, int top) {
    List<Growth> grown = new ArrayList<>();
    bytes.forEach((name, b) -> {
      long delta = b - before.bytes.getOrDefault(name, 0L);
      if (delta > 0) {
        grown.add(new Growth(name, delta, instances.get(name) - before.instances.getOrDefault(name, 0L)));
      }
    });
    grown.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
    return grown.subList(0, Math.min(top, grown.size()));
  }

  /** The classes' names as the JVM writes them ({@code [B}, {@code [Ljava.lang.Object;}) in Java's words. */
  static String readable(String className) {
    return switch (className) {
      case "[B" -> "byte[]";
      case "[C" -> "char[]";
      case "[I" -> "int[]";
      case "[J" -> "long[]";
      default -> className.startsWith("[L") ? className.substring(2, className.length() - 1) + "[]" : className;
    };
  }

  static String kb(long bytes) {
    return String.format(Locale.ROOT, "%,.0f KB", bytes / 1024.0);
  }
}
