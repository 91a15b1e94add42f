package com.exchangesync.testbed.exchange;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * One EWS operation being served: the store, the mailbox it acts on (the
 * impersonated one, or the service account's own), the operation element, the
 * time zone of its {@code TimeZoneContext} header (null without one), and the
 * stats to count meeting messages in.
 */
record Call(MailboxStore store, Mailbox mailbox, Element request, CalendarZone contextZone, Stats stats) {

  /**
   * The folder a {@code FolderId} or {@code DistinguishedFolderId} element
   * names, in the acting mailbox.
   */
  Folder folder(Element id) {
    switch (id.getLocalName()) {
      case "FolderId" -> {
        Folder f = mailbox.folders.get(id.getAttribute("Id"));
        if (f == null) {
          throw ResponseMessageError.folderNotFound();
        }
        return f;
      }
      case "DistinguishedFolderId" -> {
        Xml.child(id, "Mailbox").flatMap(mb -> Xml.childText(mb, "EmailAddress")).ifPresent(address -> {
          if (!address.trim().toLowerCase(Locale.ROOT).equals(mailbox.smtp.toLowerCase(Locale.ROOT))) {
            throw new ResponseMessageError("ErrorAccessDenied", "Access is denied. Check credentials and try again.");
          }
        });
        Folder f = mailbox.distinguished(id.getAttribute("Id"));
        if (f == null) {
          throw new ResponseMessageError("ErrorFolderNotFound",
              "The distinguished folder " + id.getAttribute("Id") + " is not served by this test bed.");
        }
        return f;
      }
      default -> throw SoapFault.schemaValidation("Expected FolderId or DistinguishedFolderId, found " + id.getLocalName() + ".", 0, 0);
    }
  }

  /**
   * The item an {@code ItemId}, {@code OccurrenceItemId} or
   * {@code RecurringMasterItemId} element names, in the acting mailbox: a
   * stored item, or a view of one occurrence (see {@link Item#occurrence}).
   */
  Item item(Element id) {
    return switch (id.getLocalName()) {
      case "ItemId" -> byId(id.getAttribute("Id"));
      case "OccurrenceItemId" -> {
        Item master = stored(id.getAttribute("RecurringMasterId"));
        if (master.kind != Item.Kind.CALENDAR || master.calendar.recurrence == null) {
          throw new ResponseMessageError("ErrorCalendarCannotUseIdForOccurrenceId",
              "The RecurringMasterId does not name a recurring master, so it cannot be used for an OccurrenceId.");
        }
        int index;
        try {
          index = Integer.parseInt(id.getAttribute("InstanceIndex").trim());
        } catch (NumberFormatException e) {
          throw SoapFault.schemaValidation("InstanceIndex is not an integer.", 0, 0);
        }
        yield OccurrenceViews.view(new Series(master).atIndex(index));
      }
      case "RecurringMasterItemId" -> {
        String occurrenceId = id.getAttribute("OccurrenceId");
        Item item = byId(occurrenceId);
        if (item.occurrence == null) {
          throw new ResponseMessageError("ErrorCalendarCannotUseIdForRecurringMasterId",
              "The OccurrenceId does not name an occurrence or exception, so it cannot be used for a RecurringMasterId.");
        }
        yield item.occurrence.master();
      }
      default -> throw new ResponseMessageError("ErrorInvalidIdMalformed", "Id is malformed.");
    };
  }

  /** A stored item, or an occurrence view for an occurrence id. */
  private Item byId(String id) {
    var occurrence = OccurrenceIds.parse(id);
    if (occurrence.isPresent()) {
      Item master = stored(occurrence.get().masterId());
      if (master.kind != Item.Kind.CALENDAR || master.calendar.recurrence == null) {
        throw ResponseMessageError.itemNotFound();
      }
      return OccurrenceViews.view(new Series(master).at(occurrence.get().originalStart()));
    }
    return stored(id);
  }

  private Item stored(String id) {
    Item item = mailbox.items.get(id);
    if (item == null) {
      throw ResponseMessageError.itemNotFound();
    }
    return item;
  }

  Element child(String name) {
    return Xml.child(request, name).orElseThrow(() -> SoapFault.schemaValidation(
        "The element '" + request.getLocalName() + "' is missing its child element '" + name + "'.", 0, 0));
  }
}
