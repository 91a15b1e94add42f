package com.exchangesync.testbed.salesforce;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields the org computes on every save: {@code Name} of contacts, leads and
 * users, and auto-numbers. (An event's times are {@link EventTimes}' job.)
 */
final class DerivedFields {

  private static final Pattern AUTO_NUMBER = Pattern.compile("\\{(0+)\\}");

  private DerivedFields() {}

  /** Fills in the derived fields of {@code row} after {@code change}; an impossible combination is an error. */
  static List<SaveError> apply(Row row, Change change, boolean created, RecordStore store) {
    if (List.of("Contact", "Lead", "User").contains(row.type.name)) {
      row.values.put("Name", join(row.get("FirstName"), row.get("LastName")));
    }
    if (created) {
      row.type.autoNumberFormats.forEach((field, format) ->
          row.values.put(field, autoNumber(format, store.nextAutoNumber(row.type, field))));
    }
    return List.of();
  }

  private static String join(Object first, Object last) {
    String f = first == null ? "" : first.toString();
    String l = last == null ? "" : last.toString();
    String name = (f + " " + l).trim();
    return name.isEmpty() ? null : name;
  }

  static String autoNumber(String format, long n) {
    Matcher m = AUTO_NUMBER.matcher(format);
    if (!m.find()) {
      return format + n;
    }
    String digits = String.format("%0" + m.group(1).length() + "d", n);
    return format.substring(0, m.start()) + digits + format.substring(m.end());
  }
}
