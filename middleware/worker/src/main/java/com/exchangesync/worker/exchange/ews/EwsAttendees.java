package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.Attendees;
import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.Attendee;
import microsoft.exchange.webservices.data.property.complex.AttendeeCollection;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;

/**
 * A calendar item's required and optional attendees as {@code ATTENDEES}.
 * Resources (rooms, equipment) are left as they are: they are not people the
 * engine syncs. Writing them never invites anyone: every calendar write of the
 * adapter goes out with "send to none".
 */
final class EwsAttendees {

  private EwsAttendees() {}

  /** The item's attendees, as {@link Attendees#format} writes them, or {@code null}. */
  static String read(Appointment a) {
    List<Attendees.Attendee> all = new ArrayList<>();
    add(a, AppointmentSchema.RequiredAttendees, true, all);
    add(a, AppointmentSchema.OptionalAttendees, false, all);
    return Attendees.format(all);
  }

  private static void add(Appointment a, PropertyDefinition list, boolean required, List<Attendees.Attendee> out) {
    OutParam<Object> value = new OutParam<>();
    if (a.getPropertyBag().tryGetValue(list, value) && value.getParam() instanceof AttendeeCollection attendees) {
      for (Attendee attendee : attendees) {
        if (attendee.getAddress() != null && !attendee.getAddress().isBlank()) {
          out.add(Attendees.attendee(attendee.getAddress(), attendee.getName(), required));
        }
      }
    }
  }

  /** Replaces the item's required and optional attendees with those {@code value} lists. */
  static void write(Appointment a, String value) throws Exception {
    List<Attendees.Attendee> wanted = Attendees.parse(value);
    a.getRequiredAttendees().clear();
    a.getOptionalAttendees().clear();
    for (Attendees.Attendee attendee : wanted) {
      AttendeeCollection list = attendee.required() ? a.getRequiredAttendees() : a.getOptionalAttendees();
      list.add(new Attendee(attendee.name().orElse(null), attendee.email()));
    }
  }
}
