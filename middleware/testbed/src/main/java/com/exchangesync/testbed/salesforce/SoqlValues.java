package com.exchangesync.testbed.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Orders the typed values rows hold, as SOQL compares them: text without
 * regard to case, numbers by value (integers and decimals alike), booleans
 * false before true, dates and times chronologically.
 */
final class SoqlValues {

  private SoqlValues() {}

  /** Compares two non-null values of one field. */
  static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.compareToIgnoreCase(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if ((a instanceof BigDecimal || a instanceof Integer) && (b instanceof BigDecimal || b instanceof Integer)) {
      return decimal(a).compareTo(decimal(b));
    }
    if (a instanceof LocalDate x && b instanceof LocalDate y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    return a.toString().compareToIgnoreCase(b.toString());
  }

  private static BigDecimal decimal(Object v) {
    return v instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) v;
  }
}
