package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.WindowsTimeZones;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Graph's times: {@code dateTimeTimeZone} values ({@code {"dateTime":
 * "2026-12-01T09:30:00.0000000", "timeZone": "W. Europe Standard Time"}}) and
 * zone names, which Graph gives and takes as Windows ids or IANA ids (and
 * {@code UTC}). Windows ids map to IANA through CLDR's windowsZones
 * ({@link WindowsTimeZones}), as on the EWS side; a name neither knows reads as UTC.
 */
final class GraphZones {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private GraphZones() {}

  /** The zone a Graph zone name stands for; UTC when unknown. */
  static ZoneId zone(String name) {
    if (name == null || name.isBlank()) {
      return WindowsTimeZones.UTC;
    }
    // Outlook's name for UTC on events made in some clients; Windows calls it "UTC".
    String windows = name.equalsIgnoreCase("tzone://Microsoft/Utc") ? "UTC" : name;
    return WindowsTimeZones.cldr().ianaFor(windows).orElseGet(() -> {
      try {
        return WindowsTimeZones.parseIana(name);
      } catch (IllegalArgumentException | DateTimeException e) {
        return WindowsTimeZones.UTC;
      }
    });
  }

  /** The instant of a {@code dateTimeTimeZone} value. */
  static Instant instant(io.vertx.core.json.JsonObject dateTimeTimeZone) {
    String text = dateTimeTimeZone.getString("dateTime");
    try {
      return LocalDateTime.parse(text).atZone(zone(dateTimeTimeZone.getString("timeZone"))).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("Microsoft Graph gave the time '" + text + "', which is not a date and time");
    }
  }

  /** {@code instant} as a {@code dateTimeTimeZone} value in the zone Exchange knows by {@code windowsId}. */
  static io.vertx.core.json.JsonObject dateTime(Instant instant, ZoneId zone, String windowsId) {
    return new io.vertx.core.json.JsonObject()
        .put("dateTime", LOCAL.format(instant.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)))
        .put("timeZone", windowsId);
  }
}
