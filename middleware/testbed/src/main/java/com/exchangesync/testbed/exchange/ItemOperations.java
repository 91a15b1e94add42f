package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * {@code GetItem}, {@code CreateItem}, {@code UpdateItem}, {@code DeleteItem}
 * and {@code FindItem}, each batched: one response message per input, a
 * failure of one never stops the others.
 */
final class ItemOperations {

  private ItemOperations() {}

  static String getItem(Call call) {
    ItemShape shape = ItemShape.parse(Xml.child(call.request(), "ItemShape").orElse(null));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "GetItem");
    for (Element id : Xml.children(call.child("ItemIds"))) {
      try {
        Item item = call.item(id);
        StringBuilder items = new StringBuilder("<m:Items>");
        ItemCodec.write(items, item, shape);
        EwsResponses.success(out, "GetItem", items.append("</m:Items>").toString());
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "GetItem", e, "<m:Items/>");
      }
    }
    EwsResponses.close(out, "GetItem");
    return out.toString();
  }

  static String createItem(Call call) {
    Element target = Xml.child(call.request(), "SavedItemFolderId").flatMap(s -> Xml.children(s).stream().findFirst()).orElse(null);
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "CreateItem");
    for (Element spec : Xml.children(call.child("Items"))) {
      try {
        Item.Kind kind = switch (spec.getLocalName()) {
          case "Contact" -> Item.Kind.CONTACT;
          case "CalendarItem" -> Item.Kind.CALENDAR;
          default -> throw new ResponseMessageError("ErrorInvalidRequest",
              "This test bed stores contacts and calendar items, not " + spec.getLocalName() + ".");
        };
        Folder folder = target != null ? call.folder(target)
            : kind == Item.Kind.CONTACT ? call.mailbox().contacts : call.mailbox().calendar;
        if (kind == Item.Kind.CALENDAR && !folder.folderClass.equals("IPF.Appointment")) {
          throw new ResponseMessageError("ErrorCannotCreateCalendarItemInNonCalendarFolder",
              "Calendar items can only be created in a calendar folder.");
        }
        Item item = call.store().draft(kind, folder);
        ItemCodec.apply(spec, item);
        ItemCodec.validate(item);
        call.store().insert(call.mailbox(), item);
        EwsResponses.success(out, "CreateItem", "<m:Items>" + idOnly(item) + "</m:Items>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "CreateItem", e, "<m:Items/>");
      }
    }
    EwsResponses.close(out, "CreateItem");
    return out.toString();
  }

  static String updateItem(Call call) {
    String conflictResolution = Xml.attr(call.request(), "ConflictResolution").orElse("AutoResolve");
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "UpdateItem");
    for (Element change : Xml.children(call.child("ItemChanges"))) {
      try {
        Element itemId = Xml.child(change, "ItemId").orElseThrow(() -> new ResponseMessageError("ErrorInvalidRequest",
            "This test bed updates items by ItemId only."));
        Item item = call.item(itemId);
        String changeKey = Xml.attr(itemId, "ChangeKey").orElse("");
        if (!changeKey.isEmpty() && !changeKey.equals(item.changeKey) && !conflictResolution.equals("AlwaysOverwrite")) {
          throw new ResponseMessageError("ErrorIrresolvableConflict", "The send or update operation could not be performed"
              + " because the change key passed in the request does not match the current change key for the item.");
        }
        applyUpdates(item, Xml.child(change, "Updates").orElseThrow(
            () -> SoapFault.schemaValidation("An ItemChange needs Updates.", 0, 0)));
        call.store().touched(call.mailbox(), item);
        EwsResponses.success(out, "UpdateItem", "<m:Items>" + idOnly(item) + "</m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "UpdateItem", e, "<m:Items/>");
      }
    }
    EwsResponses.close(out, "UpdateItem");
    return out.toString();
  }

  /** Applies every update of one item, or none: the item is restored when one fails. */
  private static void applyUpdates(Item item, Element updates) {
    Map<String, String> fields = new HashMap<>(item.fields);
    Map<ExtendedKey, String> extended = new LinkedHashMap<>(item.extended);
    String bodyType = item.bodyType;
    try {
      for (Element u : Xml.children(updates)) {
        List<Element> parts = Xml.children(u);
        Element path = parts.isEmpty() ? null : parts.get(0);
        if (path == null) {
          throw SoapFault.schemaValidation(u.getLocalName() + " needs a property path.", 0, 0);
        }
        switch (u.getLocalName()) {
          case "SetItemField" -> ItemCodec.apply(parts.get(parts.size() - 1), item);
          case "AppendToItemField" -> {
            String key = FieldPaths.fieldKey(path);
            String before = item.fields.getOrDefault(key, "");
            ItemCodec.apply(parts.get(parts.size() - 1), item);
            item.fields.put(key, before + item.fields.getOrDefault(key, ""));
          }
          case "DeleteItemField" -> {
            if (path.getLocalName().equals("ExtendedFieldURI")) {
              ItemCodec.delete(item, null, FieldPaths.extendedKey(path));
            } else {
              ItemCodec.delete(item, FieldPaths.fieldKey(path), null);
            }
          }
          default -> throw SoapFault.schemaValidation("Unexpected update " + u.getLocalName() + ".", 0, 0);
        }
      }
      ItemCodec.validate(item);
    } catch (RuntimeException e) {
      item.fields.clear();
      item.fields.putAll(fields);
      item.extended.clear();
      item.extended.putAll(extended);
      item.bodyType = bodyType;
      throw e;
    }
  }

  static String deleteItem(Call call) {
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "DeleteItem");
    for (Element id : Xml.children(call.child("ItemIds"))) {
      try {
        call.store().delete(call.mailbox(), call.item(id));
        EwsResponses.success(out, "DeleteItem", "");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "DeleteItem", e, "");
      }
    }
    EwsResponses.close(out, "DeleteItem");
    return out.toString();
  }

  static String findItem(Call call) {
    ItemShape shape = ItemShape.parse(Xml.child(call.request(), "ItemShape").orElse(null));
    Predicate<Item> filter = Xml.child(call.request(), "Restriction").map(Restrictions::forItems).orElse(i -> true);
    Paging paging = Paging.of(Xml.child(call.request(), "IndexedPageItemView").orElse(null));
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "FindItem");
    for (Element id : Xml.children(call.child("ParentFolderIds"))) {
      try {
        Folder folder = call.folder(id);
        List<Item> found = new ArrayList<>();
        for (Item item : call.mailbox().items.values()) {
          if (item.folderId.equals(folder.id) && filter.test(item)) {
            found.add(item);
          }
        }
        List<Item> page = paging.page(found);
        StringBuilder root = new StringBuilder();
        root.append("<m:RootFolder IndexedPagingOffset=\"").append(paging.offset() + page.size())
            .append("\" TotalItemsInView=\"").append(found.size())
            .append("\" IncludesLastItemInRange=\"").append(paging.offset() + page.size() >= found.size()).append("\"><t:Items>");
        for (Item item : page) {
          ItemCodec.write(root, item, shape);
        }
        EwsResponses.success(out, "FindItem", root.append("</t:Items></m:RootFolder>").toString());
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "FindItem", e, "");
      }
    }
    EwsResponses.close(out, "FindItem");
    return out.toString();
  }

  private static String idOnly(Item item) {
    StringBuilder out = new StringBuilder();
    ItemCodec.write(out, item, ItemShape.ID_ONLY);
    return out.toString();
  }
}
