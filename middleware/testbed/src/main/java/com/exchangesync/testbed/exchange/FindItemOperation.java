package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.w3c.dom.Element;

/**
 * {@code FindItem}, one response message per parent folder. With a
 * {@code CalendarView}: the calendar as it shows a window (see
 * {@link CalendarViewWindow}); Exchange refuses a restriction or a sort order
 * beside one. Otherwise the stored items (singles and recurring masters, never
 * occurrences) that match the {@code Restriction}, in {@code SortOrder}, paged
 * by {@code IndexedPageItemView} and at most 1,000 a page (the default
 * {@code EWSFindCountLimit}). Bodies, attendees and a series' recurrence data
 * are never returned (see {@link ItemShape}).
 */
final class FindItemOperation {

  private FindItemOperation() {}

  static String findItem(Call call) {
    Element request = call.request();
    Optional<Element> calendarView = Xml.child(request, "CalendarView");
    Optional<Element> restriction = Xml.child(request, "Restriction");
    Optional<Element> sortOrder = Xml.child(request, "SortOrder");
    StringBuilder out = new StringBuilder();
    EwsResponses.open(out, "FindItem");
    for (Element id : Xml.children(call.child("ParentFolderIds"))) {
      try {
        ItemShape shape = ItemShape.parseForFind(Xml.child(request, "ItemShape").orElse(null));
        Folder folder = call.folder(id);
        StringBuilder root = new StringBuilder();
        if (calendarView.isPresent()) {
          if (restriction.isPresent() || sortOrder.isPresent()) {
            throw new ResponseMessageError("ErrorInvalidRequest", "Restrictions and sort order may not be specified for a CalendarView.");
          }
          CalendarViewWindow window = CalendarViewWindow.of(calendarView.get(), call.contextZone());
          if (!folder.folderClass.equals("IPF.Appointment")) {
            throw new ResponseMessageError("ErrorCalendarFolderIsInvalidForCalendarView",
                "A CalendarView can only be used on a calendar folder.");
          }
          List<Item> all = window.all(call.mailbox(), folder);
          List<Item> returned = window.returned(all);
          root.append("<m:RootFolder TotalItemsInView=\"").append(all.size()).append("\" IncludesLastItemInRange=\"")
              .append(returned.size() == all.size()).append("\"><t:Items>");
          returned.forEach(item -> ItemCodec.write(root, item, shape, call.mailbox()));
        } else {
          Predicate<Item> filter = restriction.map(Restrictions::forItems).orElse(i -> true);
          Paging paging = Paging.of(Xml.child(request, "IndexedPageItemView").orElse(null));
          List<Item> found = new ArrayList<>();
          for (Item item : call.mailbox().itemsIn(folder.id)) {
            if (filter.test(item)) {
              found.add(item);
            }
          }
          sortOrder.ifPresent(s -> found.sort(SortOrder.of(s)));
          List<Item> page = paging.page(found);
          page = page.subList(0, Math.min(page.size(), CalendarViewWindow.FIND_COUNT_LIMIT));
          root.append("<m:RootFolder IndexedPagingOffset=\"").append(paging.offset() + page.size())
              .append("\" TotalItemsInView=\"").append(found.size())
              .append("\" IncludesLastItemInRange=\"").append(paging.offset() + page.size() >= found.size()).append("\"><t:Items>");
          for (Item item : page) {
            ItemCodec.write(root, item, shape, call.mailbox());
          }
        }
        EwsResponses.success(out, "FindItem", root.append("</t:Items></m:RootFolder>").toString());
      } catch (ResponseMessageError e) {
        EwsResponses.error(out, "FindItem", e, "");
      }
    }
    EwsResponses.close(out, "FindItem");
    return out.toString();
  }
}
