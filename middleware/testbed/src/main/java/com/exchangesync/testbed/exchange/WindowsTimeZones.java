package com.exchangesync.testbed.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Windows time zones Exchange Server knows, each with the IANA zone that
 * stands for it (CLDR's "001" mapping) and its display name, read from
 * {@code windows-time-zones.tsv}. Exchange Server 2016/2019 takes Windows ids
 * only; the admin API also takes IANA ids and reports the Windows zone with the
 * same rules.
 */
public final class WindowsTimeZones {

  private record Entry(String windowsId, ZoneId zone, String name) {}

  private static final Map<String, Entry> BY_WINDOWS_ID = load();

  private WindowsTimeZones() {}

  private static Map<String, Entry> load() {
    Map<String, Entry> map = new LinkedHashMap<>();
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream("windows-time-zones.tsv")) {
      if (in == null) {
        throw new IllegalStateException("windows-time-zones.tsv is missing from the test bed's resources");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        map.put(parts[0].toLowerCase(Locale.ROOT), new Entry(parts[0], ZoneId.of(parts[1]), parts.length > 2 ? parts[2] : null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  /** The zone a Windows id names, as Exchange Server resolves a {@code StartTimeZone Id}; ids compare without regard to case. */
  public static Optional<CalendarZone> byWindowsId(String id) {
    Entry e = id == null ? null : BY_WINDOWS_ID.get(id.trim().toLowerCase(Locale.ROOT));
    return e == null ? Optional.empty() : Optional.of(zone(e.windowsId(), e));
  }

  /**
   * A Windows or IANA id (the admin API's {@code startTimeZone}).
   *
   * @throws IllegalArgumentException naming the id when neither knows it
   */
  public static CalendarZone byAnyId(String id) {
    Optional<CalendarZone> windows = byWindowsId(id);
    if (windows.isPresent()) {
      return windows.get();
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(id.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + id + "': give a Windows id such as"
          + " \"W. Europe Standard Time\" or an IANA id such as \"Europe/Berlin\"");
    }
    Entry same = sameRules(zone.getRules());
    String windowsId = same == null ? zone.getId() : same.windowsId();
    String name = same == null ? "(UTC" + formatOffset(zone.getRules().getStandardOffset(Instant.now())) + ") " + zone.getId()
        : displayName(same);
    return new CalendarZone(zone.getId(), windowsId, name, zone.getRules());
  }

  /** The Windows zone whose current rules are those of {@code rules}, or null. */
  private static Entry sameRules(ZoneRules rules) {
    Instant now = Instant.now();
    for (Entry e : BY_WINDOWS_ID.values()) {
      ZoneRules other = e.zone().getRules();
      if (other.getStandardOffset(now).equals(rules.getStandardOffset(now))
          && other.getTransitionRules().equals(rules.getTransitionRules())
          && other.getOffset(now).equals(rules.getOffset(now))) {
        return e;
      }
    }
    return null;
  }

  private static CalendarZone zone(String id, Entry e) {
    return new CalendarZone(id, e.windowsId(), displayName(e), e.zone().getRules());
  }

  private static String displayName(Entry e) {
    if (e.name() != null) {
      return e.name();
    }
    String city = e.zone().getId().substring(e.zone().getId().lastIndexOf('/') + 1).replace('_', ' ');
    return "(UTC" + formatOffset(e.zone().getRules().getStandardOffset(Instant.now())) + ") " + city;
  }

  private static String formatOffset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "" : offset.getId();
  }
}
