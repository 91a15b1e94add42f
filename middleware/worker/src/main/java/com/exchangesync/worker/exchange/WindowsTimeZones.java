package com.exchangesync.worker.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time-zone ids (what Exchange speaks: {@code W. Europe Standard Time})
 * and IANA ids (what the rest of the product speaks: {@code Europe/Berlin}), both
 * ways, through CLDR's {@code windowsZones} mapping, kept verbatim as the resource
 * {@code windowsZones.json} (from the {@code cldr-core} package, with its Unicode
 * licence beside it). A Windows id reads as the IANA zone CLDR names for territory
 * {@code 001}; an IANA id is written as the Windows zone whose list names it, else
 * as one with the very same rules (a link such as {@code US/Pacific}).
 */
public final class WindowsTimeZones {

  /** How a zone Exchange calls {@code UTC} reads, and how an unknown one does. */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final String RESOURCE = "windowsZones.json";
  private static final WindowsTimeZones CLDR = load();

  private final String cldrVersion;
  /** Lower-case Windows id → the Windows id as CLDR spells it. */
  private final Map<String, String> windowsIds;
  /** Lower-case Windows id → the IANA zone of territory 001. */
  private final Map<String, ZoneId> ianaByWindows;
  /** IANA id → Windows id, from every territory's list. */
  private final Map<String, String> windowsByIana;

  private WindowsTimeZones(String cldrVersion, Map<String, String> windowsIds, Map<String, ZoneId> ianaByWindows,
                           Map<String, String> windowsByIana) {
    this.cldrVersion = cldrVersion;
    this.windowsIds = windowsIds;
    this.ianaByWindows = ianaByWindows;
    this.windowsByIana = windowsByIana;
  }

  /** The mapping of the CLDR release kept with the worker. */
  public static WindowsTimeZones cldr() {
    return CLDR;
  }

  /** The CLDR release the mapping comes from. */
  public String cldrVersion() {
    return cldrVersion;
  }

  /** The IANA zone standing for a Windows id (ids compare without regard to case), if CLDR knows it. */
  public Optional<ZoneId> ianaFor(String windowsId) {
    if (windowsId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(ianaByWindows.get(windowsId.trim().toLowerCase(Locale.ROOT)));
  }

  /** The IANA zone for a Windows id, or {@link #UTC} when the id is unknown or absent. */
  public ZoneId ianaOrUtc(String windowsId) {
    return ianaFor(windowsId).orElse(UTC);
  }

  /** The Windows id Exchange knows for {@code zone}, if there is one. */
  public Optional<String> windowsFor(ZoneId zone) {
    String direct = windowsByIana.get(zone.getId());
    if (direct != null) {
      return Optional.of(direct);
    }
    ZoneId normalized = zone.normalized();
    if (normalized instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
      return Optional.ofNullable(windowsIds.get("utc"));
    }
    // A link or an old name (US/Pacific, Europe/Kiev): the Windows zone of a listed IANA zone with the same rules.
    for (Map.Entry<String, String> e : windowsByIana.entrySet()) {
      if (ZoneId.of(e.getKey()).getRules().equals(zone.getRules())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * An IANA id as the product gives it ({@code START_TIME_ZONE}).
   *
   * @throws IllegalArgumentException naming the id when it is not a zone
   */
  public static ZoneId parseIana(String id) {
    try {
      return ZoneId.of(id.trim());
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("'" + id + "' is not an IANA time zone such as Europe/Berlin");
    }
  }

  private static WindowsTimeZones load() {
    try (InputStream in = WindowsTimeZones.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the worker's resources");
      }
      JsonNode supplemental = new ObjectMapper().readTree(in).path("supplemental");
      Map<String, String> windowsIds = new HashMap<>();
      Map<String, ZoneId> ianaByWindows = new HashMap<>();
      Map<String, String> windowsByIana = new LinkedHashMap<>();
      for (JsonNode entry : supplemental.path("windowsZones").path("mapTimezones")) {
        JsonNode mapZone = entry.path("mapZone");
        String windows = mapZone.path("_other").asText();
        String territory = mapZone.path("_territory").asText();
        String[] ianaIds = mapZone.path("_type").asText().trim().split("\\s+");
        String key = windows.toLowerCase(Locale.ROOT);
        windowsIds.put(key, windows);
        if (territory.equals("001") && known(ianaIds[0])) {
          ianaByWindows.put(key, windows.equals("UTC") ? UTC : ZoneId.of(ianaIds[0]));
        }
        for (String iana : ianaIds) {
          if (known(iana)) {
            windowsByIana.putIfAbsent(iana, windows);
          }
        }
      }
      windowsByIana.put(UTC.getId(), windowsIds.get("utc"));
      return new WindowsTimeZones(supplemental.path("version").path("_cldrVersion").asText(), windowsIds, ianaByWindows,
          windowsByIana);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /** Whether this JVM's time-zone data knows {@code iana} (CLDR may list a zone newer than the JVM's data). */
  private static boolean known(String iana) {
    try {
      ZoneId.of(iana);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
