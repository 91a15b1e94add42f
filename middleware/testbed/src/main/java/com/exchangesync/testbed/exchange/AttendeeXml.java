package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Attendees and the organizer as EWS writes them: {@code t:Attendee} with a
 * {@code t:Mailbox} ({@code Name}, {@code EmailAddress}, {@code RoutingType},
 * {@code MailboxType}) and a {@code ResponseType}; the organizer is the
 * mailbox's owner.
 */
final class AttendeeXml {

  private AttendeeXml() {}

  /** The attendees of one list element ({@code RequiredAttendees}, {@code OptionalAttendees} or {@code Resources}). */
  static List<Attendee> read(Element list, Attendee.Type type) {
    List<Attendee> out = new ArrayList<>();
    for (Element a : Xml.children(list, "Attendee")) {
      Element mailbox = Xml.child(a, "Mailbox").orElseThrow(() -> invalidRecipient());
      String email = Xml.childText(mailbox, "EmailAddress").map(String::trim).orElse("");
      if (!email.matches("[^@\\s]+@[^@\\s]+")) {
        throw invalidRecipient();
      }
      String name = Xml.childText(mailbox, "Name").map(String::trim).filter(n -> !n.isEmpty()).orElse(email);
      out.add(new Attendee(email, name, type, "Unknown"));
    }
    return out;
  }

  private static ResponseMessageError invalidRecipient() {
    return new ResponseMessageError("ErrorInvalidRecipients", "At least one recipient isn't valid.");
  }

  /** Writes the non-empty attendee lists wanted by {@code shape}, in schema order. */
  static void writeAttendees(StringBuilder out, List<Attendee> attendees, ItemShape shape) {
    for (Attendee.Type type : Attendee.Type.values()) {
      if (!shape.wants("calendar:" + type.element)) {
        continue;
      }
      StringBuilder list = new StringBuilder();
      for (Attendee a : attendees) {
        if (a.type() == type) {
          list.append("<t:Attendee>");
          mailbox(list, a.name(), a.email());
          list.append("<t:ResponseType>").append(a.response()).append("</t:ResponseType></t:Attendee>");
        }
      }
      if (!list.isEmpty()) {
        out.append("<t:").append(type.element).append('>').append(list).append("</t:").append(type.element).append('>');
      }
    }
  }

  static void writeOrganizer(StringBuilder out, Mailbox organizer) {
    out.append("<t:Organizer>");
    mailbox(out, organizer.displayName, organizer.smtp);
    out.append("</t:Organizer>");
  }

  private static void mailbox(StringBuilder out, String name, String email) {
    out.append("<t:Mailbox><t:Name>").append(Xml.esc(name)).append("</t:Name><t:EmailAddress>").append(Xml.esc(email))
        .append("</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox>");
  }
}
