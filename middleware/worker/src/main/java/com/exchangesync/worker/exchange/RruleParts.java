package com.exchangesync.worker.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 5545 RRULE split into its parts ({@code FREQ=WEEKLY;BYDAY=MO;COUNT=5},
 * with or without the {@code RRULE:} name), names and values upper-cased. Parts
 * outside the product's subset ({@code BYHOUR}, {@code BYWEEKNO}, …), a part given
 * twice or one that is not {@code NAME=VALUE} are refused, naming the part.
 */
final class RruleParts {

  /** The parts the subset knows, in the order a rule is written. */
  static final List<String> ORDER = List.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST",
      "COUNT", "UNTIL");

  private final Map<String, String> parts;

  private RruleParts(Map<String, String> parts) {
    this.parts = parts;
  }

  /** @throws UnstatableRecurrenceException naming the part that is not in the subset */
  static RruleParts parse(String rule) {
    if (rule == null || rule.isBlank()) {
      throw new UnstatableRecurrenceException("RRULE", "the rule is empty");
    }
    String text = rule.trim();
    if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
      text = text.substring(6);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0 || eq == part.length() - 1) {
        throw new UnstatableRecurrenceException(part, "it is not NAME=VALUE");
      }
      String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
      if (!ORDER.contains(name)) {
        throw new UnstatableRecurrenceException(name, "Exchange has no recurrence pattern that states it");
      }
      if (parts.put(name, part.substring(eq + 1).trim().toUpperCase(Locale.ROOT)) != null) {
        throw new UnstatableRecurrenceException(name, "it appears twice");
      }
    }
    return new RruleParts(parts);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  boolean has(String name) {
    return parts.containsKey(name);
  }

  /** The part as {@code NAME=VALUE}, as a refusal names it. */
  String named(String name) {
    return name + "=" + parts.get(name);
  }

  /** A whole number from {@code min} to {@code max}. */
  int number(String name, int min, int max) {
    String v = parts.get(name);
    try {
      int n = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new UnstatableRecurrenceException(named(name), "Exchange takes a whole number from " + min + " to " + max);
  }
}
