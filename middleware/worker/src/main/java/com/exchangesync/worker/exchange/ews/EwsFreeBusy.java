package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ews.EwsItemCodec.InvalidValueException;
import java.util.List;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.misc.OutParam;

/**
 * {@code SHOW_AS} as EWS's {@code LegacyFreeBusyStatus}. ews-java-api 2.0's enum
 * predates Exchange 2013's {@code WorkingElsewhere}: the library drops that value
 * when it reads it (the property is then missing although Exchange always returns
 * one for a calendar item, which is how it is recognised here), and cannot name it
 * when it writes, so that one value goes into the item's property bag as text,
 * which the library writes as it is. {@code NoData} reads as absent.
 */
final class EwsFreeBusy {

  static final String WORKING_ELSEWHERE = "WorkingElsewhere";
  private static final List<String> VALUES = List.of("Free", "Tentative", "Busy", "OOF", WORKING_ELSEWHERE);

  private EwsFreeBusy() {}

  /** The item's status as {@code SHOW_AS} gives it, or {@code null} for {@code NoData}. */
  static String read(Appointment a) {
    OutParam<Object> out = new OutParam<>();
    if (!a.getPropertyBag().tryGetValue(AppointmentSchema.LegacyFreeBusyStatus, out) || out.getParam() == null) {
      return WORKING_ELSEWHERE;
    }
    Object status = out.getParam();
    return status == LegacyFreeBusyStatus.NoData ? null : status.toString();
  }

  /** Sets the status ({@code null}: Exchange's default, {@code Busy}). */
  static void write(Appointment a, String value) throws Exception {
    String v = value == null ? "Busy" : VALUES.stream().filter(s -> s.equalsIgnoreCase(value.trim())).findFirst()
        .orElseThrow(() -> new InvalidValueException("showAs must be Free, Tentative, Busy, OOF or WorkingElsewhere, not '"
            + value + "'"));
    if (v.equals(WORKING_ELSEWHERE)) {
      a.getPropertyBag().setObjectFromPropertyDefinition(AppointmentSchema.LegacyFreeBusyStatus, WORKING_ELSEWHERE);
    } else {
      a.setLegacyFreeBusyStatus(LegacyFreeBusyStatus.valueOf(v));
    }
  }
}
