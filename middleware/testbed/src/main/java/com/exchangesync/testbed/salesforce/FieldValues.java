package com.exchangesync.testbed.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Field values between their wire forms (SOAP text, admin-API JSON) and the
 * typed values rows hold. Text that is empty is null, as in Salesforce. Times
 * are UTC instants to the second (an org drops the milliseconds of what it
 * stores), written {@code 2024-05-01T09:30:00.000Z} as the API writes them.
 */
final class FieldValues {

  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FieldValues() {}

  /** The typed value of SOAP text for {@code field}; a value of the wrong type throws with the API's wording. */
  static Object fromText(FieldDef field, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return switch (field.type().kind) {
        case ID, TEXT -> text;
        case BOOLEAN -> switch (text.trim()) {
          case "true", "1" -> Boolean.TRUE;
          case "false", "0" -> Boolean.FALSE;
          default -> throw new IllegalArgumentException();
        };
        case INTEGER -> new BigDecimal(text.trim()).intValueExact();
        case NUMBER -> new BigDecimal(text.trim());
        case DATE -> parseDate(text.trim());
        case DATETIME -> parseDateTime(text.trim()).truncatedTo(ChronoUnit.SECONDS);
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(field.name() + ": value not of required type: " + text);
    }
  }

  /** The typed value of an admin-API JSON value for {@code field}. */
  static Object fromJson(FieldDef field, Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof Boolean b && field.type().kind == FieldType.Kind.BOOLEAN) {
      return b;
    }
    if (json instanceof Number n && (field.type().kind == FieldType.Kind.NUMBER || field.type().kind == FieldType.Kind.INTEGER)) {
      return fromText(field, n.toString());
    }
    if (json instanceof String s) {
      return fromText(field, s);
    }
    throw new IllegalArgumentException(field.name() + ": value not of required type: " + json);
  }

  /** The text the partner API writes for a value. */
  static String toText(Object value) {
    if (value instanceof Instant i) {
      return DATETIME.format(i);
    }
    if (value instanceof BigDecimal d) {
      String plain = d.stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    return String.valueOf(value);
  }

  /** The admin-API JSON form of a value. */
  static Object toJson(Object value) {
    if (value instanceof Instant || value instanceof LocalDate) {
      return toText(value);
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValue() : (Object) d.doubleValue();
    }
    return value;
  }

  /** A date, also taken from the date part of a dateTime (clients send both for date fields). */
  static LocalDate parseDate(String s) {
    return s.length() > 10 ? parseDateTime(s).atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(s);
  }

  /** A dateTime with an offset, {@code Z}, none (UTC) or only a date (midnight UTC), to the millisecond (as SOQL literals keep it). */
  static Instant parseDateTime(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      instant = LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
