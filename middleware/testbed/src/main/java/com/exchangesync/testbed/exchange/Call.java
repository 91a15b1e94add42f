package com.exchangesync.testbed.exchange;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * One EWS operation being served: the store, the mailbox it acts on (the
 * impersonated one, or the service account's own), and the operation element.
 */
record Call(MailboxStore store, Mailbox mailbox, Element request) {

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

  /** The item an {@code ItemId} element names, in the acting mailbox. */
  Item item(Element itemId) {
    Item item = mailbox.items.get(itemId.getAttribute("Id"));
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
