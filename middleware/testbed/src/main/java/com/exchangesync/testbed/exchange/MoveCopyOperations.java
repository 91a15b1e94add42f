package com.exchangesync.testbed.exchange;

import org.w3c.dom.Element;

/**
 * {@code MoveItem} and {@code CopyItem}, batched: each item moved or copied to {@code ToFolderId} gets a new
 * item id and change key, returned in its response message (as Exchange 2010 SP1 and later return them).
 * A move is a delete in the source folder's SyncFolderItems and a create in the target's; moving an item
 * out of Deleted Items is how a client restores it. An occurrence cannot be moved or copied alone
 * ({@code ErrorCalendarCannotMoveOrCopyOccurrence}); a target that is not there fails each item with
 * {@code ErrorToFolderNotFound}.
 */
final class MoveCopyOperations {

  private MoveCopyOperations() {}

  static String moveItem(Call call) {
    return moveOrCopy(call, "MoveItem", true);
  }

  static String copyItem(Call call) {
    return moveOrCopy(call, "CopyItem", false);
  }

  private static String moveOrCopy(Call call, String operation, boolean move) {
    Element target = Xml.children(call.child("ToFolderId")).stream().findFirst()
        .orElseThrow(() -> SoapFault.schemaValidation("ToFolderId is empty.", 0, 0));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, operation);
    for (Element id : Xml.children(call.child("ItemIds"))) {
      try {
        Folder folder;
        try {
          folder = call.folder(target);
        } catch (ResponseMessageError notThere) {
          throw new ResponseMessageError("ErrorToFolderNotFound", "The destination folder could not be found.");
        }
        Item item = call.item(id);
        if (item.occurrence != null) {
          throw new ResponseMessageError("ErrorCalendarCannotMoveOrCopyOccurrence",
              "You cannot move or copy an occurrence of a recurring calendar item.");
        }
        Item result = move ? call.store().move(call.mailbox(), item, folder) : call.store().copy(call.mailbox(), item, folder);
        EwsResponses.success(out, operation, "<m:Items>" + ItemOperations.idOnly(result) + "</m:Items>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, operation, e, "<m:Items/>");
      }
    }
    EwsResponses.close(out, operation);
    return out.toString();
  }
}
