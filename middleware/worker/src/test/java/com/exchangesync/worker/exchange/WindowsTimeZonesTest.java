package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Windows time-zone ids and IANA ids, both ways, through the CLDR mapping kept with the worker. */
class WindowsTimeZonesTest {

  private final WindowsTimeZones zones = WindowsTimeZones.cldr();

  @Test
  void windowsIds_readAsCldrsZoneForTheWorld() {
    assertThat(zones.ianaFor("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin"));
    assertThat(zones.ianaFor("romance standard time")).as("ids compare without regard to case").contains(ZoneId.of("Europe/Paris"));
    assertThat(zones.ianaFor("Pacific Standard Time")).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(zones.ianaFor("New Zealand Standard Time")).contains(ZoneId.of("Pacific/Auckland"));
    assertThat(zones.ianaOrUtc("UTC")).isEqualTo(WindowsTimeZones.UTC);
    assertThat(zones.ianaOrUtc("Atlantis Standard Time")).as("an unknown zone reads as UTC").isEqualTo(WindowsTimeZones.UTC);
    assertThat(zones.ianaOrUtc(null)).isEqualTo(WindowsTimeZones.UTC);
  }

  @Test
  void ianaIds_areWrittenAsTheWindowsZoneThatListsThem() {
    assertThat(zones.windowsFor(ZoneId.of("Europe/Berlin"))).contains("W. Europe Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("Europe/Zurich"))).contains("W. Europe Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("Europe/Paris"))).contains("Romance Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("America/Los_Angeles"))).contains("Pacific Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("Pacific/Auckland"))).contains("New Zealand Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("Asia/Kolkata"))).contains("India Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("UTC"))).contains("UTC");
    assertThat(zones.windowsFor(ZoneId.of("Z"))).contains("UTC");
  }

  @Test
  void aLinkOrOldName_isWrittenAsTheWindowsZoneWithItsRules() {
    assertThat(zones.windowsFor(ZoneId.of("US/Pacific"))).contains("Pacific Standard Time");
    assertThat(zones.windowsFor(ZoneId.of("America/Argentina/ComodRivadavia"))).isPresent();
  }

  @Test
  void theMappingNamesItsCldrRelease_andAnIdThatIsNoZoneIsRefusedByName() {
    assertThat(zones.cldrVersion()).isEqualTo("48");
    assertThatThrownBy(() -> WindowsTimeZones.parseIana("Mars/Olympus")).hasMessageContaining("'Mars/Olympus'");
  }
}
