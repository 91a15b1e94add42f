package com.exchangesync.testbed.exchange;

import java.util.List;
import org.w3c.dom.Element;

/** An {@code IndexedPageItemView} or {@code IndexedPageFolderView}: offset and size of the page asked for. */
record Paging(int offset, int max) {

  static Paging of(Element view) {
    if (view == null) {
      return new Paging(0, Integer.MAX_VALUE);
    }
    int offset = Integer.parseInt(Xml.attr(view, "Offset").orElse("0"));
    int max = view.hasAttribute("MaxEntriesReturned") ? Integer.parseInt(view.getAttribute("MaxEntriesReturned")) : Integer.MAX_VALUE;
    if ("End".equals(view.getAttribute("BasePoint"))) {
      throw new ResponseMessageError("ErrorInvalidRequest", "Paging from the end is not supported by this test bed.");
    }
    return new Paging(Math.max(0, offset), Math.max(1, max));
  }

  <T> List<T> page(List<T> all) {
    int from = Math.min(offset, all.size());
    int to = (int) Math.min((long) from + max, all.size());
    return all.subList(from, to);
  }
}
