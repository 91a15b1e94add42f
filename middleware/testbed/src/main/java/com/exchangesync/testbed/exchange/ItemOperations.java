package com.exchangesync.testbed.exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * {@code GetItem}, {@code CreateItem}, {@code UpdateItem} and {@code DeleteItem},
 * each batched: one response message per input, a failure of one never stops
 * the others. Calendar items need the request's {@code SendMeetingInvitations},
 * {@code SendMeetingInvitationsOrCancellations} or {@code SendMeetingCancellations}
 * attribute, as in Exchange; an occurrence (named by its own id or an
 * {@code OccurrenceItemId}) updated becomes an exception, deleted it joins the
 * master's deleted occurrences.
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
        ItemCodec.write(items, item, shape, call.mailbox());
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
    String invitations = Xml.attr(call.request(), "SendMeetingInvitations").orElse(null);
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
        if (kind == Item.Kind.CALENDAR && invitations == null) {
          throw new ResponseMessageError("ErrorSendMeetingInvitationsRequired",
              "The SendMeetingInvitations attribute is required for calendar items.");
        }
        Folder folder = target != null ? call.folder(target)
            : kind == Item.Kind.CONTACT ? call.mailbox().contacts : call.mailbox().calendar;
        if (kind == Item.Kind.CALENDAR && !folder.folderClass.equals("IPF.Appointment")) {
          throw new ResponseMessageError("ErrorCannotCreateCalendarItemInNonCalendarFolder",
              "Calendar items can only be created in a calendar folder.");
        }
        Item item = call.store().draft(kind, folder);
        ItemCodec.apply(spec, item, call.contextZone());
        ItemCodec.validate(item, call.contextZone());
        if (kind == Item.Kind.CALENDAR) {
          sent(call, item, MeetingMessages.forCreate(item.calendar.attendees, invitations));
        }
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
    String mode = Xml.attr(call.request(), "SendMeetingInvitationsOrCancellations").orElse(null);
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "UpdateItem");
    for (Element change : Xml.children(call.child("ItemChanges"))) {
      try {
        Element itemId = Xml.children(change).stream().filter(e -> e.getLocalName().endsWith("ItemId")).findFirst()
            .orElseThrow(() -> new ResponseMessageError("ErrorInvalidRequest", "This test bed updates items by their ids only."));
        Item item = call.item(itemId);
        if (item.kind == Item.Kind.CALENDAR && mode == null) {
          throw new ResponseMessageError("ErrorSendMeetingInvitationsOrCancellationsRequired",
              "The SendMeetingInvitationsOrCancellations attribute is required for calendar items.");
        }
        String changeKey = Xml.attr(itemId, "ChangeKey").orElse("");
        if (!changeKey.isEmpty() && !changeKey.equals(item.changeKey) && !conflictResolution.equals("AlwaysOverwrite")) {
          throw new ResponseMessageError("ErrorIrresolvableConflict", "The send or update operation could not be performed"
              + " because the change key passed in the request does not match the current change key for the item.");
        }
        Element updates = Xml.child(change, "Updates").orElseThrow(
            () -> SoapFault.schemaValidation("An ItemChange needs Updates.", 0, 0));
        Item written = item.occurrence != null ? updateOccurrence(call, item, updates, mode) : updateStored(call, item, updates, mode);
        EwsResponses.success(out, "UpdateItem", "<m:Items>" + idOnly(written)
            + "</m:Items><m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "UpdateItem", e, "<m:Items/>");
      }
    }
    EwsResponses.close(out, "UpdateItem");
    return out.toString();
  }

  private static Item updateStored(Call call, Item item, Element updates, String mode) {
    Map<String, String> fieldsBefore = new HashMap<>(item.fields);
    CalendarState calendarBefore = item.calendar == null ? null : item.calendar.copy();
    applyUpdates(item, updates, call.contextZone());
    if (item.kind == Item.Kind.CALENDAR) {
      CalendarRules.dropExceptionsIfSeriesChanged(item, calendarBefore, fieldsBefore);
      sent(call, item, MeetingMessages.forUpdate(calendarBefore.attendees, item.calendar.attendees,
          timeOrPlaceChanged(fieldsBefore, item.fields), mode));
    }
    call.store().touched(call.mailbox(), item);
    return item;
  }

  private static Item updateOccurrence(Call call, Item view, Element updates, String mode) {
    Map<String, String> fieldsBefore = new HashMap<>(view.fields);
    applyUpdates(view, updates, call.contextZone());
    OccurrenceViews.keep(view, call.store().now());
    Item master = view.occurrence.master();
    sent(call, master, MeetingMessages.forUpdate(master.calendar.attendees, master.calendar.attendees,
        timeOrPlaceChanged(fieldsBefore, view.fields), mode));
    call.store().touched(call.mailbox(), master);
    return OccurrenceViews.view(new Series(master).at(view.occurrence.originalStart()));
  }

  private static boolean timeOrPlaceChanged(Map<String, String> before, Map<String, String> after) {
    return List.of("calendar:Start", "calendar:End", "calendar:Location").stream()
        .anyMatch(k -> !Objects.equals(before.get(k), after.get(k)));
  }

  private static void sent(Call call, Item item, int messages) {
    if (messages > 0) {
      call.stats().meetingMessagesSent.addAndGet(messages);
      item.calendar.meetingRequestWasSent = true;
    }
  }

  /** Applies every update of one item, or none: the item is restored when one fails. */
  private static void applyUpdates(Item item, Element updates, CalendarZone context) {
    Map<String, String> fields = new HashMap<>(item.fields);
    Map<ExtendedKey, String> extended = new LinkedHashMap<>(item.extended);
    CalendarState calendar = item.calendar == null ? null : item.calendar.copy();
    String bodyType = item.bodyType;
    try {
      for (Element u : Xml.children(updates)) {
        List<Element> parts = Xml.children(u);
        Element path = parts.isEmpty() ? null : parts.get(0);
        if (path == null) {
          throw SoapFault.schemaValidation(u.getLocalName() + " needs a property path.", 0, 0);
        }
        switch (u.getLocalName()) {
          case "SetItemField" -> ItemCodec.apply(parts.get(parts.size() - 1), item, context);
          case "AppendToItemField" -> {
            String key = FieldPaths.fieldKey(path);
            String before = item.fields.getOrDefault(key, "");
            ItemCodec.apply(parts.get(parts.size() - 1), item, context);
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
      ItemCodec.validate(item, context);
    } catch (RuntimeException e) {
      item.fields.clear();
      item.fields.putAll(fields);
      item.extended.clear();
      item.extended.putAll(extended);
      item.bodyType = bodyType;
      if (calendar != null) {
        item.calendar.restore(calendar);
      }
      throw e;
    }
  }

  /**
   * {@code DeleteItem} with its {@code DeleteType}, as Exchange 2016/2019 keeps deleted items:
   * {@code HardDelete} purges the item; {@code SoftDelete} puts it in Recoverable Items, which no folder
   * operation shows; {@code MoveToDeletedItems} moves it to Deleted Items with a new id (where FindItem,
   * GetItem and SyncFolderItems see it, and {@code MoveItem} brings it back), and from Deleted Items itself
   * it goes to Recoverable Items. The folder it leaves reports a {@code Delete} in SyncFolderItems. An
   * occurrence is taken out of its series whatever the type.
   */
  static String deleteItem(Call call) {
    String deleteType = Xml.attr(call.request(), "DeleteType").orElse("HardDelete");
    String mode = Xml.attr(call.request(), "SendMeetingCancellations").orElse(null);
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "DeleteItem");
    for (Element id : Xml.children(call.child("ItemIds"))) {
      try {
        Item item = call.item(id);
        if (item.kind == Item.Kind.CALENDAR && mode == null) {
          throw new ResponseMessageError("ErrorSendMeetingCancellationsRequired",
              "The SendMeetingCancellations attribute is required for calendar items.");
        }
        if (item.occurrence != null) {
          Item master = item.occurrence.master();
          master.calendar.exceptions.remove(item.occurrence.originalStart());
          master.calendar.deleted.add(item.occurrence.originalStart());
          sent(call, master, MeetingMessages.forDelete(master.calendar.attendees, mode));
          call.store().touched(call.mailbox(), master);
        } else {
          if (item.kind == Item.Kind.CALENDAR) {
            sent(call, item, MeetingMessages.forDelete(item.calendar.attendees, mode));
          }
          Mailbox m = call.mailbox();
          switch (deleteType) {
            case "HardDelete" -> call.store().delete(m, item);
            case "MoveToDeletedItems" -> call.store().deleteAsRep(m, item, false);
            default -> call.store().softDelete(m, item);
          }
        }
        EwsResponses.success(out, "DeleteItem", "");
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "DeleteItem", e, "");
      }
    }
    EwsResponses.close(out, "DeleteItem");
    return out.toString();
  }

  static String idOnly(Item item) {
    StringBuilder out = new StringBuilder();
    ItemCodec.write(out, item, ItemShape.ID_ONLY, null);
    return out.toString();
  }
}
