package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/**
 * Every {@code DeleteType} as Exchange 2016/2019 keeps deleted items, Deleted Items and a restore from it
 * ({@code MoveItem}, and the rep in Outlook through the admin API), and {@code CopyItem}; through
 * ews-java-api.
 */
class EwsDeletedItemsIT extends ExchangeTestbedSupport {

  private static final ExtendedPropertyDefinition SALESFORCE_ID = salesforceId();

  private static ExtendedPropertyDefinition salesforceId() {
    try {
      return new ExtendedPropertyDefinition(UUID.fromString("6f3a1c52-7c1e-4b9b-9a51-2d8c7e0f4a10"), "SalesforceId",
          MapiPropertyType.String);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Contact saved(ExchangeService service, String surname) throws Exception {
    Contact c = new Contact(service);
    c.setGivenName("Ann");
    c.setSurname(surname);
    c.setExtendedProperty(SALESFORCE_ID, "003000000000001AAA");
    c.save(WellKnownFolderName.Contacts);
    return c;
  }

  private static List<Item> in(ExchangeService service, WellKnownFolderName folder) throws Exception {
    return new ArrayList<>(service.findItems(folder, new ItemView(100)).getItems());
  }

  private static ChangeCollection<ItemChange> sync(ExchangeService service, WellKnownFolderName folder, String state) throws Exception {
    return service.syncFolderItems(new FolderId(folder), PropertySet.IdOnly, null, 512, SyncFolderItemsScope.NormalItems, state);
  }

  /** The changes of a sync, each as {@code "<ChangeType>:<item id>"}. */
  private static List<String> changes(ChangeCollection<ItemChange> sync) throws Exception {
    List<String> out = new ArrayList<>();
    for (ItemChange c : sync) {
      out.add(c.getChangeType() + ":" + c.getItemId().getUniqueId());
    }
    return out;
  }

  @Test
  void moveToDeletedItems_movesItWithANewId_theSourceSyncsADelete_andMoveItemRestoresIt() throws Exception {
    ExchangeService service = service(ANN);
    Contact contact = saved(service, "Deleted");
    String contactsState = sync(service, WellKnownFolderName.Contacts, null).getSyncState();
    String deletedState = sync(service, WellKnownFolderName.DeletedItems, null).getSyncState();
    ItemId original = contact.getId();

    contact.delete(DeleteMode.MoveToDeletedItems);

    assertThatThrownBy(() -> Item.bind(service, original)).satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorItemNotFound));
    assertThat(in(service, WellKnownFolderName.Contacts)).isEmpty();
    List<Item> deleted = in(service, WellKnownFolderName.DeletedItems);
    assertThat(deleted).hasSize(1);
    ItemId inDeletedItems = deleted.get(0).getId();
    assertThat(inDeletedItems.getUniqueId()).as("a moved item has a new id").isNotEqualTo(original.getUniqueId());
    Contact there = Contact.bind(service, inDeletedItems, new PropertySet(SALESFORCE_ID));
    assertThat(there.getExtendedProperties().getItems().get(0).getValue()).as("our property goes with it").isEqualTo("003000000000001AAA");

    assertThat(changes(sync(service, WellKnownFolderName.Contacts, contactsState))).containsExactly("Delete:" + original.getUniqueId());
    assertThat(changes(sync(service, WellKnownFolderName.DeletedItems, deletedState)))
        .containsExactly("Create:" + inDeletedItems.getUniqueId());

    Item restored = Item.bind(service, inDeletedItems).move(new FolderId(WellKnownFolderName.Contacts));
    assertThat(restored.getId().getUniqueId()).isNotEqualTo(inDeletedItems.getUniqueId()).isNotEqualTo(original.getUniqueId());
    assertThat(in(service, WellKnownFolderName.Contacts)).extracting(i -> i.getId().getUniqueId())
        .containsExactly(restored.getId().getUniqueId());
    assertThat(in(service, WellKnownFolderName.DeletedItems)).isEmpty();
  }

  @Test
  void softDelete_goesToRecoverableItems_whichNoFolderShows_andHardDeleteLeavesNothing() throws Exception {
    ExchangeService service = service(ANN);
    saved(service, "Soft").delete(DeleteMode.SoftDelete);
    saved(service, "Hard").delete(DeleteMode.HardDelete);
    assertThat(in(service, WellKnownFolderName.Contacts)).isEmpty();
    assertThat(in(service, WellKnownFolderName.DeletedItems)).isEmpty();
    assertThat(sim.recoverableItems(ANN)).extracting(o -> ((JsonObject) o).getString("subject")).containsExactly("Ann Soft");

    saved(service, "Twice").delete(DeleteMode.MoveToDeletedItems);
    in(service, WellKnownFolderName.DeletedItems).get(0).delete(DeleteMode.MoveToDeletedItems);
    assertThat(in(service, WellKnownFolderName.DeletedItems)).as("deleted from Deleted Items: recoverable only").isEmpty();
    assertThat(sim.recoverableItems(ANN)).hasSize(2);
  }

  @Test
  void copyItem_makesASecondItemWithItsOwnId_andMoveRefusesAFolderThatIsNotThere() throws Exception {
    ExchangeService service = service(ANN);
    Contact contact = saved(service, "Copied");
    Item copy = contact.copy(new FolderId(WellKnownFolderName.DeletedItems));
    assertThat(copy.getId().getUniqueId()).isNotEqualTo(contact.getId().getUniqueId());
    assertThat(in(service, WellKnownFolderName.Contacts)).hasSize(1);
    assertThat(in(service, WellKnownFolderName.DeletedItems)).hasSize(1);

    assertThatThrownBy(() -> contact.move(new FolderId("AQMkAnoSuchFolderAAA=")))
        .satisfies(t -> assertThat(ewsError(t)).isEqualTo(ServiceError.ErrorToFolderNotFound));
    assertThat(Item.bind(service, contact.getId()).getId().getUniqueId()).as("still where it was").isEqualTo(contact.getId().getUniqueId());
  }

  @Test
  void theRepDeletesInOutlook_toDeletedItems_andRestoresToTheFolderItCameFrom() throws Exception {
    ExchangeService service = service(ANN);
    JsonObject contact = sim.createContact(ANN, null, new JsonObject().put("givenName", "Pat").put("surname", "Jones"));
    String state = sync(service, WellKnownFolderName.Contacts, null).getSyncState();

    sim.deleteContact(ANN, contact.getString("id"));
    JsonObject deleted = sim.deletedItems(ANN).getJsonObject(0);
    assertThat(deleted.getString("kind")).isEqualTo("contact");
    assertThat(deleted.getString("surname")).isEqualTo("Jones");
    assertThat(deleted.getString("restoresTo")).isEqualTo("Contacts");
    assertThat(changes(sync(service, WellKnownFolderName.Contacts, state))).containsExactly("Delete:" + contact.getString("id"));

    JsonObject restored = sim.restoreDeletedItem(ANN, deleted.getString("id"));
    assertThat(restored.getString("folder")).isEqualTo("Contacts");
    assertThat(restored.getString("id")).isNotEqualTo(contact.getString("id")).isNotEqualTo(deleted.getString("id"));
    assertThat(sim.deletedItems(ANN)).isEmpty();
    assertThat(changes(sync(service, WellKnownFolderName.Contacts, state))).as("the old id deleted, the restored one created")
        .containsExactlyInAnyOrder("Delete:" + contact.getString("id"), "Create:" + restored.getString("id"));
    assertThatThrownBy(() -> sim.restoreDeletedItem(ANN, deleted.getString("id"))).hasMessageContaining("404");

    JsonObject event = sim.createEvent(ANN, new JsonObject().put("subject", "Review").put("start", "2030-01-07T09:00:00Z")
        .put("end", "2030-01-07T10:00:00Z"));
    sim.deleteEvent(ANN, event.getString("id"));
    assertThat(sim.deletedItems(ANN).getJsonObject(0).getString("restoresTo")).isEqualTo("Calendar");
    assertThat(sim.events(ANN)).isEmpty();
  }
}
