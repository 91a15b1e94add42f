package com.exchangesync.testbed.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.MessageDisposition;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AffectedTaskOccurrence;
import microsoft.exchange.webservices.data.core.enumeration.sync.ChangeType;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.folder.ContactsFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.junit.jupiter.api.Test;

/** ews-java-api, unchanged, against the test bed: folders and contacts. */
class EwsContactsIT extends ExchangeTestbedSupport {

  private static final UUID PROPERTY_SET = UUID.fromString("6f3a1c52-7c1e-4b9b-9a51-2d8c7e0f4a10");
  private static final ExtendedPropertyDefinition SALESFORCE_ID = salesforceId();

  private static ExtendedPropertyDefinition salesforceId() {
    try {
      return new ExtendedPropertyDefinition(PROPERTY_SET, "SalesforceId", MapiPropertyType.String);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private FolderId syncFolder(ExchangeService service) throws Exception {
    ContactsFolder folder = new ContactsFolder(service);
    folder.setDisplayName("Salesforce_Sync");
    folder.save(WellKnownFolderName.Contacts);
    return folder.getId();
  }

  private Contact contact(ExchangeService service, String given, String surname, String email) throws Exception {
    Contact c = new Contact(service);
    c.setGivenName(given);
    c.setSurname(surname);
    c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress1, new EmailAddress(email));
    return c;
  }

  @Test
  void findsTheContactsFolder_createsASubfolderOnce_andFindsItByName() throws Exception {
    ExchangeService service = service(ANN);
    Folder contacts = Folder.bind(service, WellKnownFolderName.Contacts);
    assertThat(contacts.getDisplayName()).isEqualTo("Contacts");
    Folder calendar = Folder.bind(service, WellKnownFolderName.Calendar);
    assertThat(calendar.getDisplayName()).isEqualTo("Calendar");
    Folder root = Folder.bind(service, WellKnownFolderName.MsgFolderRoot);
    assertThat(root.getChildFolderCount()).as("Contacts, Calendar, Deleted Items").isEqualTo(3);

    FolderId created = syncFolder(service);
    FindFoldersResults found = service.findFolders(WellKnownFolderName.Contacts,
        new SearchFilter.IsEqualTo(FolderSchema.DisplayName, "salesforce_sync"), new FolderView(10));
    assertThat(found.getFolders()).singleElement().satisfies(f -> {
      assertThat(f.getId().getUniqueId()).isEqualTo(created.getUniqueId());
      assertThat(f.getDisplayName()).isEqualTo("Salesforce_Sync");
    });
    FolderView deep = new FolderView(10);
    deep.setTraversal(FolderTraversal.Deep);
    assertThat(service.findFolders(WellKnownFolderName.MsgFolderRoot, deep).getTotalCount())
        .as("Contacts, Calendar, Deleted Items, Salesforce_Sync").isEqualTo(4);

    assertThatThrownBy(() -> syncFolder(service)).isInstanceOfSatisfying(ServiceResponseException.class,
        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorFolderExists));
  }

  @Test
  void roundTripsEveryContactProperty_andOurExtendedProperty() throws Exception {
    ExchangeService service = service(ANN);
    FolderId folder = syncFolder(service);
    Contact c = contact(service, "Ann", "Lee", "ann.lee@customer.example.com");
    c.setCompanyName("Acme & Sons <Ltd>");
    c.setJobTitle("Buyer");
    c.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress2, new EmailAddress("ann@home.example.com"));
    c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.BusinessPhone, "+1 415 555 0100");
    c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.MobilePhone, "+1 415 555 0101");
    c.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.HomePhone, "+1 415 555 0102");
    PhysicalAddressEntry address = new PhysicalAddressEntry();
    address.setStreet("1 Market St\nSuite 300");
    address.setCity("San Francisco");
    address.setState("CA");
    address.setPostalCode("94105");
    address.setCountryOrRegion("USA");
    c.getPhysicalAddresses().setPhysicalAddress(PhysicalAddressKey.Business, address);
    c.setBody(MessageBody.getMessageBodyFromText("Met at the fair."));
    c.setExtendedProperty(SALESFORCE_ID, "003000000000001AAA");
    c.save(folder);

    Contact read = Contact.bind(service, c.getId(), new PropertySet(BasePropertySet.FirstClassProperties, SALESFORCE_ID));
    assertThat(read.getGivenName()).isEqualTo("Ann");
    assertThat(read.getSurname()).isEqualTo("Lee");
    assertThat(read.getDisplayName()).isEqualTo("Ann Lee");
    assertThat(read.getCompanyName()).isEqualTo("Acme & Sons <Ltd>");
    assertThat(read.getJobTitle()).isEqualTo("Buyer");
    assertThat(read.getEmailAddresses().getEmailAddress(EmailAddressKey.EmailAddress1).getAddress()).isEqualTo("ann.lee@customer.example.com");
    assertThat(read.getEmailAddresses().getEmailAddress(EmailAddressKey.EmailAddress2).getAddress()).isEqualTo("ann@home.example.com");
    assertThat(read.getPhoneNumbers().getPhoneNumber(PhoneNumberKey.MobilePhone)).isEqualTo("+1 415 555 0101");
    assertThat(read.getPhoneNumbers().getPhoneNumber(PhoneNumberKey.HomePhone)).isEqualTo("+1 415 555 0102");
    PhysicalAddressEntry back = read.getPhysicalAddresses().getPhysicalAddress(PhysicalAddressKey.Business);
    assertThat(back.getStreet()).isEqualTo("1 Market St\nSuite 300");
    assertThat(back.getPostalCode()).isEqualTo("94105");
    assertThat(back.getCountryOrRegion()).isEqualTo("USA");
    assertThat(read.getBody().toString()).isEqualTo("Met at the fair.");
    assertThat(read.getExtendedProperties().getItems()).singleElement()
        .satisfies(p -> assertThat(p.getValue()).isEqualTo("003000000000001AAA"));

    JsonObject asSeenInOutlook = sim.contacts(ANN, "Salesforce_Sync").getJsonObject(0);
    assertThat(asSeenInOutlook.getString("city")).isEqualTo("San Francisco");
    assertThat(asSeenInOutlook.getJsonArray("extendedProperties").getJsonObject(0).getString("name")).isEqualTo("SalesforceId");
  }

  @Test
  void findsItemsByOurExtendedProperty_singlyAndInBatches() throws Exception {
    ExchangeService service = service(ANN);
    FolderId folder = syncFolder(service);
    for (int i = 0; i < 5; i++) {
      Contact c = contact(service, "C" + i, "Person", "c" + i + "@x.example.com");
      c.setExtendedProperty(SALESFORCE_ID, "003SF" + i);
      c.save(folder);
    }
    contact(service, "No", "Link", "nolink@x.example.com").save(folder);

    FindItemsResults<Item> one = service.findItems(folder, new SearchFilter.IsEqualTo(SALESFORCE_ID, "003SF3"), new ItemView(10));
    assertThat(one.getItems()).singleElement().satisfies(i -> assertThat(((Contact) i).getGivenName()).isEqualTo("C3"));

    SearchFilter.SearchFilterCollection any = new SearchFilter.SearchFilterCollection(
        microsoft.exchange.webservices.data.core.enumeration.search.LogicalOperator.Or);
    any.add(new SearchFilter.IsEqualTo(SALESFORCE_ID, "003SF1"));
    any.add(new SearchFilter.IsEqualTo(SALESFORCE_ID, "003SF4"));
    any.add(new SearchFilter.IsEqualTo(SALESFORCE_ID, "003NONE"));
    ItemView view = new ItemView(10);
    view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, SALESFORCE_ID));
    FindItemsResults<Item> two = service.findItems(folder, any, view);
    List<String> refs = new ArrayList<>();
    for (Item i : two.getItems()) {
      refs.add((String) i.getExtendedProperties().getItems().get(0).getValue());
    }
    assertThat(refs).containsExactlyInAnyOrder("003SF1", "003SF4");

    FindItemsResults<Item> unlinked = service.findItems(folder,
        new SearchFilter.Not(new SearchFilter.Exists(SALESFORCE_ID)), new ItemView(10));
    assertThat(unlinked.getTotalCount()).isEqualTo(1);
  }

  @Test
  void createsUpdatesAndDeletesInBatches_withAResultPerItem() throws Exception {
    ExchangeService service = service(BOB);
    FolderId folder = syncFolder(service);
    List<Item> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(contact(service, "B" + i, "Batch", "b" + i + "@x.example.com"));
    }
    ServiceResponseCollection<ServiceResponse> created = service.createItems(batch, folder, null, null);
    assertThat(created.getOverallResult()).isEqualTo(ServiceResult.Success);
    assertThat(created.getCount()).isEqualTo(30);

    service.loadPropertiesForItems(batch, PropertySet.FirstClassProperties);
    for (Item item : batch) {
      ((Contact) item).setJobTitle("Updated");
    }
    ServiceResponseCollection<?> updated = service.updateItems(batch, folder, ConflictResolutionMode.AutoResolve,
        MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone);
    assertThat(updated.getOverallResult()).isEqualTo(ServiceResult.Success);
    assertThat(sim.contacts(BOB, "Salesforce_Sync")).allSatisfy(o -> assertThat(((JsonObject) o).getString("jobTitle")).isEqualTo("Updated"));

    List<ItemId> ids = new ArrayList<>();
    batch.subList(0, 10).forEach(i -> {
      try {
        ids.add(i.getId());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    ids.add(new ItemId("AAMkAnotAnItemThatExists="));
    ServiceResponseCollection<ServiceResponse> deleted = service.deleteItems(ids, DeleteMode.HardDelete,
        SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences);
    assertThat(deleted.getOverallResult()).isEqualTo(ServiceResult.Error);
    assertThat(deleted.getResponseAtIndex(0).getResult()).isEqualTo(ServiceResult.Success);
    assertThat(deleted.getResponseAtIndex(10).getErrorCode()).isEqualTo(ServiceError.ErrorItemNotFound);
    assertThat(sim.contacts(BOB, "Salesforce_Sync")).hasSize(20);
  }

  @Test
  void aStaleChangeKeyIsRefused_unlessOverwriteIsAsked() throws Exception {
    ExchangeService service = service(ANN);
    Contact c = contact(service, "Ann", "Lee", "a@x.example.com");
    c.save(WellKnownFolderName.Contacts);
    Contact stale = Contact.bind(service, c.getId());
    sim.updateContact(ANN, c.getId().getUniqueId(), new JsonObject().put("jobTitle", "Changed in Outlook"));

    stale.setJobTitle("From the sync");
    assertThatThrownBy(() -> stale.update(ConflictResolutionMode.AutoResolve)).isInstanceOfSatisfying(
        ServiceResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorIrresolvableConflict));
    assertThatThrownBy(() -> stale.update(ConflictResolutionMode.NeverOverwrite)).isInstanceOfSatisfying(
        ServiceResponseException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorIrresolvableConflict));
    stale.update(ConflictResolutionMode.AlwaysOverwrite);
    assertThat(Contact.bind(service, c.getId()).getJobTitle()).isEqualTo("From the sync");
  }

  @Test
  void clearsAPropertyWithDeleteItemField() throws Exception {
    ExchangeService service = service(ANN);
    Contact c = contact(service, "Ann", "Lee", "a@x.example.com");
    c.setJobTitle("Buyer");
    c.setExtendedProperty(SALESFORCE_ID, "003X");
    c.save(WellKnownFolderName.Contacts);
    Contact again = Contact.bind(service, c.getId(), new PropertySet(BasePropertySet.FirstClassProperties, SALESFORCE_ID));
    again.setJobTitle(null);
    again.removeExtendedProperty(SALESFORCE_ID);
    again.update(ConflictResolutionMode.AutoResolve);
    Contact read = Contact.bind(service, c.getId(), new PropertySet(BasePropertySet.FirstClassProperties, SALESFORCE_ID));
    assertThat(read.getJobTitle()).isNull();
    assertThat(read.getExtendedProperties().getCount()).isZero();
    assertThat(read.getSurname()).isEqualTo("Lee");
  }

  @Test
  void syncFolderItems_reportsEveryChange_throughEwsAndTheAdminApi_exactlyOnce() throws Exception {
    ExchangeService service = service(ANN);
    FolderId folder = syncFolder(service);
    for (int i = 0; i < 7; i++) {
      contact(service, "S" + i, "Sync", "s" + i + "@x.example.com").save(folder);
    }
    sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Made").put("surname", "InOutlook"));

    List<ItemChange> initial = new ArrayList<>();
    String state = null;
    boolean more = true;
    int pages = 0;
    while (more) {
      ChangeCollection<ItemChange> page = service.syncFolderItems(folder, PropertySet.IdOnly, null, 3,
          SyncFolderItemsScope.NormalItems, state);
      page.forEach(initial::add);
      state = page.getSyncState();
      more = page.getMoreChangesAvailable();
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(initial).hasSize(8).allSatisfy(c -> assertThat(c.getChangeType()).isEqualTo(ChangeType.Create));

    ChangeCollection<ItemChange> quiet = service.syncFolderItems(folder, PropertySet.IdOnly, null, 512,
        SyncFolderItemsScope.NormalItems, state);
    assertThat(quiet.getCount()).isZero();
    assertThat(quiet.getMoreChangesAvailable()).isFalse();

    JsonArray inOutlook = sim.contacts(ANN, "Salesforce_Sync");
    String first = inOutlook.getJsonObject(0).getString("id");
    String second = inOutlook.getJsonObject(1).getString("id");
    String third = inOutlook.getJsonObject(2).getString("id");
    sim.updateContact(ANN, first, new JsonObject().put("jobTitle", "Edited once"));
    sim.updateContact(ANN, first, new JsonObject().put("jobTitle", "Edited twice"));
    sim.updateContact(ANN, second, new JsonObject().put("companyName", "Acme"));
    sim.deleteContact(ANN, third);
    JsonObject added = sim.createContact(ANN, "Salesforce_Sync", new JsonObject().put("surname", "New"));
    contact(service, "Via", "Ews", "via@x.example.com").save(folder);
    sim.createContact(ANN, null, new JsonObject().put("surname", "Elsewhere"));

    ChangeCollection<ItemChange> changes = service.syncFolderItems(folder, PropertySet.FirstClassProperties, null, 512,
        SyncFolderItemsScope.NormalItems, state);
    List<String> seen = new ArrayList<>();
    for (ItemChange c : changes) {
      seen.add(c.getChangeType() + ":" + c.getItemId().getUniqueId());
    }
    assertThat(seen).hasSize(5).contains("Update:" + first, "Update:" + second, "Delete:" + third,
        "Create:" + added.getString("id"));
  }

  @Test
  void aForeignOrMangledSyncStateIsRefused() throws Exception {
    ExchangeService service = service(ANN);
    FolderId folder = syncFolder(service);
    String contactsState = service.syncFolderItems(new FolderId(WellKnownFolderName.Contacts), PropertySet.IdOnly, null, 10,
        SyncFolderItemsScope.NormalItems, null).getSyncState();
    for (String bad : new String[] {contactsState, "bm90IGEgc3luYyBzdGF0ZQ==", "%%%"}) {
      assertThatThrownBy(() -> service.syncFolderItems(folder, PropertySet.IdOnly, null, 10, SyncFolderItemsScope.NormalItems, bad))
          .isInstanceOfSatisfying(ServiceResponseException.class,
              e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorInvalidSyncStateData));
    }
    String state = service.syncFolderItems(folder, PropertySet.IdOnly, null, 10, SyncFolderItemsScope.NormalItems, null).getSyncState();
    sim.reset();
    sim.serviceAccount(SERVICE, PASSWORD, null);
    sim.mailbox(ANN, "Ann Rep");
    ExchangeService fresh = service(ANN);
    FolderId contacts = Folder.bind(fresh, WellKnownFolderName.Contacts).getId();
    assertThatThrownBy(() -> fresh.syncFolderItems(contacts, PropertySet.IdOnly, null, 10, SyncFolderItemsScope.NormalItems, state))
        .isInstanceOfSatisfying(ServiceResponseException.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorInvalidSyncStateData));
  }

  @Test
  void aPropertyExchangeRefusesFailsThatItemOnly() throws Exception {
    ExchangeService service = service(ANN);
    Contact tooLong = contact(service, "x".repeat(300), "Long", "l@x.example.com");
    Contact fine = contact(service, "Fine", "Person", "f@x.example.com");
    ServiceResponseCollection<ServiceResponse> results = service.createItems(List.of(tooLong, fine),
        new FolderId(WellKnownFolderName.Contacts), null, null);
    assertThat(results.getResponseAtIndex(0).getErrorCode()).isEqualTo(ServiceError.ErrorPropertyValidationFailure);
    assertThat(results.getResponseAtIndex(1).getResult()).isEqualTo(ServiceResult.Success);
    assertThat(sim.contacts(ANN, null)).hasSize(1);
  }
}
