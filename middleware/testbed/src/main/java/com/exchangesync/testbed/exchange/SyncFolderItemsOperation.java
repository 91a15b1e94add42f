package com.exchangesync.testbed.exchange;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * {@code SyncFolderItems}: the net changes of one folder since a sync state.
 *
 * <p>Every log entry after the state's position is folded per item: an item
 * created in the window and still there is a {@code Create}, one that existed
 * before is an {@code Update}, one deleted is a {@code Delete} (or nothing, if it
 * was also created in the window). Changes come in the order of each item's
 * last entry; a page of {@code MaxChangesReturned} (1–512) ends at the last
 * entry of its last change, and {@code IncludesLastItemInRange} says whether
 * anything is left.
 */
final class SyncFolderItemsOperation {

  private SyncFolderItemsOperation() {}

  private enum Net { CREATE, UPDATE, DELETE }

  static String syncFolderItems(Call call) {
    ItemShape shape = ItemShape.parse(Xml.child(call.request(), "ItemShape").orElse(null));
    int max = parseMax(Xml.childText(call.request(), "MaxChangesReturned").orElse(""));
    Set<String> ignored = new HashSet<>();
    Xml.child(call.request(), "Ignore").ifPresent(ig -> Xml.children(ig).forEach(id -> ignored.add(id.getAttribute("Id"))));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "SyncFolderItems");
    try {
      Element folderId = Xml.children(call.child("SyncFolderId")).stream().findFirst()
          .orElseThrow(() -> SoapFault.schemaValidation("SyncFolderId is empty.", 0, 0));
      Folder folder = call.folder(folderId);
      long head = call.store().head();
      String state = Xml.childText(call.request(), "SyncState").orElse("").trim();
      long from = state.isEmpty() ? 0 : SyncStateToken.decode(state, call.store().generation(), folder.id, head).seq();

      Map<String, long[]> lastSeq = new LinkedHashMap<>();
      Map<String, Boolean> createdInWindow = new LinkedHashMap<>();
      for (Folder.Change c : folder.changesAfter(from)) {
        createdInWindow.putIfAbsent(c.itemId(), c.type() == Folder.Change.Type.CREATE);
        lastSeq.remove(c.itemId());
        lastSeq.put(c.itemId(), new long[] {c.seq()});
      }
      StringBuilder changes = new StringBuilder();
      int count = 0;
      long through = head;
      boolean includesLast = true;
      for (Map.Entry<String, long[]> e : lastSeq.entrySet()) {
        String id = e.getKey();
        Item item = call.mailbox().items.get(id);
        boolean here = item != null && item.folderId.equals(folder.id);
        Net net = here ? (createdInWindow.get(id) ? Net.CREATE : Net.UPDATE) : (createdInWindow.get(id) ? null : Net.DELETE);
        if (net == null || ignored.contains(id)) {
          continue;
        }
        if (count == max) {
          includesLast = false;
          break;
        }
        through = e.getValue()[0];
        count++;
        switch (net) {
          case CREATE, UPDATE -> {
            String tag = net == Net.CREATE ? "Create" : "Update";
            changes.append("<t:").append(tag).append('>');
            ItemCodec.write(changes, item, shape, call.mailbox());
            changes.append("</t:").append(tag).append('>');
          }
          case DELETE -> changes.append("<t:Delete><t:ItemId Id=\"").append(id).append("\"/></t:Delete>");
        }
      }
      if (includesLast) {
        through = head;
      }
      String token = new SyncStateToken(call.store().generation(), folder.id, through).encode();
      EwsResponses.success(out, "SyncFolderItems", "<m:SyncState>" + token + "</m:SyncState><m:IncludesLastItemInRange>"
          + includesLast + "</m:IncludesLastItemInRange><m:Changes>" + changes + "</m:Changes>");
    } catch (ResponseMessageError e) {
      EwsResponses.error(out, "SyncFolderItems", e, "");
    }
    EwsResponses.close(out, "SyncFolderItems");
    return out.toString();
  }

  private static int parseMax(String text) {
    try {
      int max = Integer.parseInt(text.trim());
      if (max >= 1 && max <= 512) {
        return max;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw SoapFault.schemaValidation("The 'MaxChangesReturned' element is invalid - The value '" + text
        + "' is invalid according to its datatype 'MaxSyncChangesReturnedType' (1 to 512).", 0, 0);
  }
}
