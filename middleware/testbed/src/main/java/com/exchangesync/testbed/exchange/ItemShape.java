package com.exchangesync.testbed.exchange;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What a request asked to see of each item: {@code IdOnly}, {@code Default} or
 * {@code AllProperties}, plus additional properties. Extended properties are
 * returned only when asked for by name, as Exchange does. {@code FindItem}
 * never returns bodies, attendees or a series' recurrence data (Exchange keeps
 * them for {@code GetItem}); asking for one there is
 * {@code ErrorInvalidPropertyForOperation}.
 */
final class ItemShape {

  /** Properties {@code FindItem} cannot return (the EWS Managed API marks them likewise as not usable in FindItem). */
  static final Set<String> NOT_FINDABLE = Set.of("item:Body", "item:MimeContent", "item:Attachments", "item:UniqueBody",
      "item:TextBody", "calendar:RequiredAttendees", "calendar:OptionalAttendees", "calendar:Resources",
      "calendar:Recurrence", "calendar:FirstOccurrence", "calendar:LastOccurrence", "calendar:ModifiedOccurrences",
      "calendar:DeletedOccurrences", "calendar:MeetingTimeZone", "calendar:OriginalStart", "calendar:ConflictingMeetings",
      "calendar:AdjacentMeetings", "calendar:ConflictingMeetingCount", "calendar:AdjacentMeetingCount",
      "calendar:AppointmentSequenceNumber");

  final boolean idOnly;
  /** Shaping {@code FindItem} results. */
  final boolean find;
  final Set<String> fields = new HashSet<>();
  final Set<ExtendedKey> extended = new LinkedHashSet<>();

  ItemShape(boolean idOnly, boolean find) {
    this.idOnly = idOnly;
    this.find = find;
  }

  static final ItemShape ID_ONLY = new ItemShape(true, false);

  /** Reads an {@code ItemShape} (or {@code FolderShape}) element; absent means IdOnly. */
  static ItemShape parse(Element shape) {
    return parse(shape, false);
  }

  /**
   * Reads the {@code ItemShape} of a {@code FindItem}.
   *
   * @throws ResponseMessageError {@code ErrorInvalidPropertyForOperation} for a property FindItem cannot return
   */
  static ItemShape parseForFind(Element shape) {
    ItemShape s = parse(shape, true);
    for (String f : s.fields) {
      if (NOT_FINDABLE.contains(f)) {
        throw new ResponseMessageError("ErrorInvalidPropertyForOperation", "Property is not valid for this operation.",
            "<t:FieldURI FieldURI=\"" + Xml.esc(f) + "\"/>");
      }
    }
    return s;
  }

  private static ItemShape parse(Element shape, boolean find) {
    if (shape == null) {
      return find ? new ItemShape(true, true) : ID_ONLY;
    }
    String base = Xml.childText(shape, "BaseShape").orElse("IdOnly").trim();
    ItemShape s = new ItemShape(base.equals("IdOnly"), find);
    Xml.child(shape, "AdditionalProperties").ifPresent(props -> {
      for (Element p : Xml.children(props)) {
        switch (p.getLocalName()) {
          case "FieldURI" -> s.fields.add(p.getAttribute("FieldURI"));
          case "IndexedFieldURI" -> s.fields.add(p.getAttribute("FieldURI") + "/" + p.getAttribute("FieldIndex"));
          case "ExtendedFieldURI" -> s.extended.add(FieldPaths.extendedKey(p));
          default -> throw SoapFault.schemaValidation("Unexpected element " + p.getLocalName() + " in AdditionalProperties.", 0, 0);
        }
      }
    });
    return s;
  }

  boolean wants(String fieldKey) {
    if (find && NOT_FINDABLE.contains(fieldKey)) {
      return false;
    }
    return !idOnly || fields.contains(fieldKey);
  }
}
