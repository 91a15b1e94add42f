package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.LinkedHashMap;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.ItemId;

/**
 * Items to update known only by their id and a change key, not read first. ews-java-api sends {@code UpdateItem}
 * only for {@link Item}s it holds, which it makes by reading them ({@code GetItem}); an update that sets one
 * property on the version the worker already names (a mark, after the item was made in Salesforce) needs
 * nothing the read would bring. The item carries the id and change key named and no property loaded, so the
 * {@code ItemChange} sent is the same as for a bound item: the id with that change key, then the properties set
 * on it afterwards. With {@code NeverOverwrite}, Exchange refuses the change for an item edited since that
 * version ({@code ErrorIrresolvableConflict}) and answers {@code ErrorItemNotFound} for one deleted, as the
 * read before it would have told.
 */
final class EwsUnboundItems {

  private EwsUnboundItems() {}

  /**
   * An item of {@code kind} per id, by id, standing for the version {@code changeKeys} names; properties set on
   * them are what an update sends.
   */
  static Map<String, Item> of(ExchangeService service, ItemKind kind, Map<String, String> changeKeys) throws Exception {
    Map<String, Item> items = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : changeKeys.entrySet()) {
      // The element the change is written in follows the item's type (Contact, CalendarItem), as for a bound one.
      Item item = kind == ItemKind.EVENT ? new Appointment(service) : new Contact(service);
      ItemId id = new ItemId(e.getKey());
      id.setChangeKey(e.getValue());
      // The id goes in as a loaded value, not a change: UpdateItem names it in ItemId and never sets it.
      item.getPropertyBag().getProperties().put(ItemSchema.Id, id);
      item.clearChangeLog();
      items.put(e.getKey(), item);
    }
    return items;
  }
}
