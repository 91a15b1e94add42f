package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testbed.SafeXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Time zones in and out of EWS's shapes, and local times that keep across daylight-saving changes. */
class TimeZoneXmlTest {

  private static Element parse(String xml) throws Exception {
    return SafeXml.parse(("<x xmlns:t=\"" + Xml.TYPES + "\">" + xml + "</x>").getBytes(StandardCharsets.UTF_8))
        .getDocumentElement().getFirstChild() instanceof Element e ? e : null;
  }

  @Test
  void aWindowsId_keepsNineOClockLocal_acrossTheSpringChange() {
    CalendarZone berlin = WindowsTimeZones.byWindowsId("w. europe standard time").orElseThrow();
    assertThat(berlin.windowsId()).isEqualTo("W. Europe Standard Time");
    assertThat(berlin.toInstant(LocalDateTime.of(2026, 3, 23, 9, 0))).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
    assertThat(berlin.toInstant(LocalDateTime.of(2026, 3, 30, 9, 0))).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
  }

  @Test
  void anIanaId_isReportedAsTheWindowsZoneWithItsRules() {
    assertThat(WindowsTimeZones.byAnyId("Europe/Amsterdam").windowsId()).isEqualTo("W. Europe Standard Time");
    assertThat(WindowsTimeZones.byAnyId("America/New_York").windowsId()).isEqualTo("Eastern Standard Time");
    assertThatThrownBy(() -> WindowsTimeZones.byAnyId("Mars/Olympus")).hasMessageContaining("Mars/Olympus");
  }

  @Test
  void theDefinitionWritten_readsBackAsTheSameRules() throws Exception {
    CalendarZone ny = WindowsTimeZones.byWindowsId("Eastern Standard Time").orElseThrow();
    StringBuilder out = new StringBuilder();
    TimeZoneXml.writeDefinition(out, "StartTimeZone", ny);
    String unknownId = out.toString().replace("Id=\"Eastern Standard Time\"", "Id=\"My Eastern\"");
    CalendarZone read = TimeZoneXml.readDefinition(parse(unknownId));
    assertThat(read.id()).isEqualTo("My Eastern");
    for (String local : new String[] {"2026-01-15T09:00", "2026-03-08T09:00", "2026-07-01T09:00", "2026-11-01T09:00"}) {
      LocalDateTime t = LocalDateTime.parse(local);
      assertThat(read.toInstant(t)).as(local).isEqualTo(ny.toInstant(t));
    }
    assertThat(out).contains("Bias=\"PT5H\"").contains("<t:Month>3</t:Month>").contains("<t:Occurrence>2</t:Occurrence>");
  }

  @Test
  void aLegacyMeetingTimeZone_isTakenByItsOffsetsAndChanges() throws Exception {
    StringBuilder out = new StringBuilder();
    TimeZoneXml.writeMeetingTimeZone(out, WindowsTimeZones.byWindowsId("W. Europe Standard Time").orElseThrow());
    String renamed = out.toString().replace("TimeZoneName=\"W. Europe Standard Time\"", "TimeZoneName=\"Somewhere\"");
    CalendarZone read = TimeZoneXml.readMeetingTimeZone(parse(renamed));
    assertThat(read.toInstant(LocalDateTime.of(2026, 3, 30, 9, 0))).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    assertThat(read.toInstant(LocalDateTime.of(2026, 12, 1, 9, 0))).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
  }

  @Test
  void anUnknownIdWithoutPeriods_isRefused() {
    assertThatThrownBy(() -> TimeZoneXml.readDefinition(parse("<t:StartTimeZone Id=\"Nowhere Standard Time\"/>")))
        .isInstanceOfSatisfying(ResponseMessageError.class, e -> assertThat(e.code).isEqualTo("ErrorCalendarInvalidTimeZone"));
  }
}
