package com.exchangesync.testbed.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A {@code FindItem} {@code SortOrder}: {@code FieldOrder}s in priority order,
 * each {@code Ascending} or {@code Descending}. Dates sort as instants, numbers
 * as numbers, text without regard to case; an item without the property sorts
 * first in ascending order, as an empty MAPI value does.
 */
final class SortOrder {

  private SortOrder() {}

  static Comparator<Item> of(Element sortOrder) {
    Comparator<Item> order = (a, b) -> 0;
    for (Element fieldOrder : Xml.children(sortOrder, "FieldOrder")) {
      List<Element> paths = Xml.children(fieldOrder);
      Element path = paths.get(0);
      if (!path.getLocalName().equals("ExtendedFieldURI") && ItemShape.NOT_FINDABLE.contains(FieldPaths.fieldKey(path))) {
        throw new ResponseMessageError("ErrorUnsupportedPathForSortGroup",
            "The property " + FieldPaths.fieldKey(path) + " can't be used for sorting or grouping.");
      }
      Comparator<Item> one = (a, b) -> compare(Restrictions.valueOf(a, path), Restrictions.valueOf(b, path));
      order = order.thenComparing("Descending".equals(fieldOrder.getAttribute("Order")) ? one.reversed() : one);
    }
    return order;
  }

  private static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    try {
      return Instant.parse(a).compareTo(Instant.parse(b));
    } catch (DateTimeParseException e) {
      // not dates
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b));
    } catch (NumberFormatException e) {
      return String.CASE_INSENSITIVE_ORDER.compare(a, b);
    }
  }
}
