package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.WindowsTimeZones;
import java.time.ZoneId;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;

/**
 * A calendar item's {@code StartTimeZone}/{@code EndTimeZone} named by its Windows
 * id alone ({@code <t:StartTimeZone Id="W. Europe Standard Time"/>}): Exchange
 * resolves the id against its own zone list, so no periods or transitions are sent
 * (ews-java-api's own {@code OlsonTimeZoneDefinition} does the same, with the
 * library's outdated mapping; this one takes the id from CLDR's). The library's
 * check that a definition carries periods does not apply to an id-only one.
 */
final class WindowsZoneDefinition extends TimeZoneDefinition {

  WindowsZoneDefinition(String windowsId) {
    setId(windowsId);
  }

  @Override
  public void validate() {
    if (getId() == null || getId().isBlank()) {
      throw new IllegalStateException("a time zone needs its Windows id");
    }
  }

  /** The item's own zone, as an IANA zone: its {@code StartTimeZone}, or UTC when it has none Exchange named or CLDR knows. */
  static ZoneId zoneOf(Appointment a) {
    OutParam<Object> zone = new OutParam<>();
    if (a.getPropertyBag().tryGetValue(AppointmentSchema.StartTimeZone, zone) && zone.getParam() instanceof TimeZoneDefinition d) {
      return WindowsTimeZones.cldr().ianaOrUtc(d.getId());
    }
    return WindowsTimeZones.UTC;
  }
}
