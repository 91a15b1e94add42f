package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.CalendarZone;
import com.exchangesync.testbed.exchange.WindowsTimeZones;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Graph writes and reads them: {@code dateTimeTimeZone}
 * ({@code {"dateTime": "2026-03-02T09:00:00.0000000", "timeZone": "W. Europe Standard Time"}},
 * Windows or IANA zone names), the {@code Prefer: outlook.timezone} a response
 * is written in (UTC without one), and {@code DateTimeOffset} values
 * ({@code createdDateTime}, {@code originalStart}).
 */
final class GraphTime {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private GraphTime() {}

  /**
   * The zone a Graph request names ({@code timeZone}, {@code outlook.timezone}, {@code recurrenceTimeZone}).
   *
   * @throws GraphError {@code TimeZoneNotSupportedException} for a name neither Windows nor IANA knows
   */
  static CalendarZone zone(String name) {
    try {
      return WindowsTimeZones.byAnyId(name);
    } catch (IllegalArgumentException e) {
      throw new GraphError(400, "TimeZoneNotSupportedException",
          "A valid TimeZone value must be specified. The following TimeZone value is not supported: '" + name + "'.");
    }
  }

  /** The zone responses are written in: {@code Prefer: outlook.timezone="…"}, else UTC (named as given). */
  static CalendarZone outputZone(GraphRequest request) {
    String preferred = request.preferences().get("outlook.timezone");
    return preferred == null || preferred.isBlank() ? CalendarZone.UTC : zone(preferred);
  }

  /** A {@code dateTimeTimeZone} for {@code instant} in {@code zone}. */
  static JsonObject dateTimeTimeZone(Instant instant, CalendarZone zone) {
    return new JsonObject().put("dateTime", LOCAL.format(zone.toLocal(instant))).put("timeZone", zone.id());
  }

  /**
   * The instant a {@code dateTimeTimeZone} names, and its zone.
   *
   * @throws GraphError for a missing or unreadable value
   */
  static Timed read(Object raw, String property) {
    if (!(raw instanceof JsonObject json) || !(json.getValue("dateTime") instanceof String text)) {
      throw GraphError.badRequest("'" + property + "' takes {\"dateTime\": \"2026-03-02T09:00:00\", \"timeZone\": \"…\"}.");
    }
    Object tz = json.getValue("timeZone");
    if (tz != null && !(tz instanceof String)) {
      throw GraphError.badRequest("'" + property + ".timeZone' takes a time zone name.");
    }
    CalendarZone zone = tz == null || ((String) tz).isBlank() ? CalendarZone.UTC : zone((String) tz);
    try {
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return new Timed(OffsetDateTime.parse(text).toInstant(), zone);
      }
      return new Timed(zone.toInstant(LocalDateTime.parse(text)), zone);
    } catch (DateTimeParseException e) {
      throw GraphError.badRequest("Cannot convert the literal '" + text + "' to the expected type 'Edm.DateTime' in '" + property + "'.");
    }
  }

  /** An instant and the zone it was given in. */
  record Timed(Instant instant, CalendarZone zone) {}

  /** A {@code DateTimeOffset} as Graph writes it: UTC with seven fractional digits. */
  static String offset(Instant instant) {
    return OFFSET.format(instant);
  }

  /**
   * A query's {@code startDateTime}/{@code endDateTime}: with an offset, or UTC without one.
   *
   * @throws GraphError {@code ErrorInvalidParameter} when it is missing or unreadable
   */
  static Instant queryInstant(String value) {
    if (value == null || value.isBlank()) {
      throw windowRequired();
    }
    try {
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
      }
      return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new GraphError(400, "ErrorInvalidParameter", "The value '" + value + "' of parameter 'StartDateTime/EndDateTime' is invalid.");
    }
  }

  static GraphError windowRequired() {
    return new GraphError(400, "ErrorInvalidParameter",
        "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
  }
}
