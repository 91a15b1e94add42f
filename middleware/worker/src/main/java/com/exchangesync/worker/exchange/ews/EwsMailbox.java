package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.Batches;
import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.retry.AnswerLostException;
import com.exchangesync.worker.retry.RetriedCreates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.LogicalOperator;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.MessageDisposition;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AffectedTaskOccurrence;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.response.UpdateItemResponse;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;

/**
 * A rep's mailbox through EWS. Changes come from {@code SyncFolderItems} (ids
 * only, 512 a page) followed by batched {@code GetItem} for the full content;
 * writes go out as batched {@code CreateItem}, {@code UpdateItem} and
 * {@code DeleteItem} of {@value #BATCH} items. Deletes move items to Deleted
 * Items, so a rep can take back what a sync removed. Calendar writes never send a
 * meeting message ({@code SendToNone} on every one); an update or delete of an
 * occurrence id makes that occurrence an exception or cancels it alone. The
 * occurrences of series come from {@link EwsOccurrences}.
 */
final class EwsMailbox implements Mailbox {

  /** Items per GetItem, CreateItem, UpdateItem and DeleteItem call. */
  static final int BATCH = 100;

  /** Changes per SyncFolderItems page: the most EWS allows. */
  static final int SYNC_PAGE = 512;

  /** Salesforce ids per FindItem restriction. */
  static final int SEARCH_BATCH = 50;

  private final String smtp;
  private final ExchangeService service;
  private final EwsCalls calls;
  private final EwsSyncFolders folders;
  /** Calendar views listed in this open, until the worker changes the calendar. */
  private final CalendarViews views = new CalendarViews();

  EwsMailbox(String smtp, ExchangeService service, EwsCalls calls, EwsSyncFolders folders) {
    this.smtp = smtp;
    this.service = service;
    this.calls = calls;
    this.folders = folders;
  }

  /** A read of the synced folders that fails because remembered ids are stale is repeated once on ids looked up again. */
  @FunctionalInterface
  private interface FolderRead<T> {
    T run() throws MailboxException;
  }

  private <T> T onFolders(FolderRead<T> read) throws MailboxException {
    try {
      return read.run();
    } catch (MailboxException e) {
      if (!folders.lookedUpAgainAfter(e)) {
        throw e;
      }
      return read.run();
    }
  }

  @Override
  public String smtp() {
    return smtp;
  }

  @Override
  public int writeRequestSize() {
    return BATCH;
  }

  @Override
  public Optional<String> syncingOrg() throws MailboxException {
    return onFolders(() -> new EwsOrgMark(smtp, service, calls, folders.calendar()).read());
  }

  /** A mark read as {@code orgId}'s own is remembered with the folders (see {@link Mailbox#syncingOrg(String)}). */
  @Override
  public Optional<String> syncingOrg(String orgId) throws MailboxException {
    if (folders.markedBy(orgId)) {
      return Optional.of(orgId);
    }
    Optional<String> mark = syncingOrg();
    if (mark.filter(orgId::equals).isPresent()) {
      folders.rememberOwnMark(orgId);
    }
    return mark;
  }

  @Override
  public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
    folders.forgetMark();
    onFolders(() -> {
      new EwsOrgMark(smtp, service, calls, folders.calendar()).write(orgId);
      return null;
    });
  }

  private FolderId folder(ItemKind kind) {
    return folders.of(kind);
  }

  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
    return changes(kind, syncToken, KnownVersions.NONE);
  }

  /** The page's ids and change keys come first (ids only); only the versions the caller does not hold are read. */
  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken, KnownVersions known) throws MailboxException {
    ChangeCollection<ItemChange> page = onFolders(() -> calls.call("SyncFolderItems", () -> service.syncFolderItems(
        folder(kind), PropertySet.IdOnly, null, SYNC_PAGE, SyncFolderItemsScope.NormalItems, syncToken.orElse(null))));
    Map<String, String> changed = new LinkedHashMap<>();
    Set<String> deleted = new LinkedHashSet<>();
    for (ItemChange change : page) {
      String id;
      String changeKey;
      try {
        id = change.getItemId().getUniqueId();
        changeKey = change.getItemId().getChangeKey();
      } catch (Exception e) {
        throw EwsErrors.translate(e, smtp, "SyncFolderItems");
      }
      switch (change.getChangeType()) {
        case Create, Update -> changed.put(id, changeKey == null ? "" : changeKey);
        case Delete -> {
          deleted.add(id);
          changed.remove(id);
        }
        default -> { } // a read flag is not content
      }
    }
    Set<String> held = changed.isEmpty() ? Set.of() : known.known(changed);
    List<String> toRead = changed.keySet().stream().filter(id -> !held.contains(id)).toList();
    List<ExchangeItem> items = get(kind, toRead);
    // An item reported as changed but gone by the time it was read was deleted since.
    Set<String> found = new LinkedHashSet<>();
    items.forEach(i -> found.add(i.id()));
    toRead.stream().filter(id -> !found.contains(id)).forEach(deleted::add);
    return new ItemChanges(items, List.copyOf(deleted), page.getSyncState(), page.getMoreChangesAvailable());
  }

  @Override
  public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
    return read(kind, ids, Map.of());
  }

  /**
   * The items with these ids, in full; an occurrence or exception also gets its
   * {@code SERIES_ID}, from {@code seriesOf} when the caller knows it, else from its
   * {@code RecurringMasterItemId}.
   */
  private List<ExchangeItem> read(ItemKind kind, List<String> ids, Map<String, String> seriesOf) throws MailboxException {
    List<ExchangeItem> items = new ArrayList<>();
    for (List<String> batch : batches(ids, BATCH)) {
      ServiceResponseCollection<GetItemResponse> responses = calls.call("GetItem",
          () -> service.bindToItems(itemIds(batch), EwsItemCodec.readShape()));
      for (int i = 0; i < responses.getCount(); i++) {
        GetItemResponse r = responses.getResponseAtIndex(i);
        if (r.getResult() == ServiceResult.Success) {
          Item item = r.getItem();
          if (inFolder(item, kind)) {
            ExchangeItem read = decode(item);
            items.add(read);
            views.learn(read);
          }
        } else if (!EwsErrors.gone(r.getErrorCode())) {
          throw new MailboxException(EwsErrors.named(r.getErrorCode()),
              "GetItem for " + smtp + " failed on " + batch.get(i) + ": " + r.getErrorCode() + ": " + r.getErrorMessage());
        }
      }
    }
    return kind == ItemKind.EVENT ? withSeries(items, seriesOf) : items;
  }

  private List<ExchangeItem> withSeries(List<ExchangeItem> items, Map<String, String> seriesOf) throws MailboxException {
    List<String> unknown = items.stream().filter(EwsMailbox::isOccurrence).map(ExchangeItem::id)
        .filter(id -> !seriesOf.containsKey(id)).toList();
    Map<String, String> series = new HashMap<>(seriesOf);
    series.putAll(EwsOccurrences.masters(service, calls, smtp, unknown));
    List<ExchangeItem> out = new ArrayList<>(items.size());
    for (ExchangeItem item : items) {
      String master = isOccurrence(item) ? series.get(item.id()) : null;
      if (master == null) {
        out.add(item);
      } else {
        Map<ExchangeField, String> values = new HashMap<>(item.values());
        values.put(ExchangeField.SERIES_ID, master);
        out.add(new ExchangeItem(item.id(), item.changeKey(), item.kind(), values, item.salesforceId()));
      }
    }
    return out;
  }

  private static boolean isOccurrence(ExchangeItem item) {
    return item.value(ExchangeField.CALENDAR_ITEM_TYPE).filter(t -> t.equals("Occurrence") || t.equals("Exception")).isPresent();
  }

  @Override
  public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    return onFolders(() -> new EwsOccurrences(smtp, service, calls, folders.calendar(),
        (ids, seriesOf) -> read(ItemKind.EVENT, ids, seriesOf), views).read(seriesIds, from, to));
  }

  /** Only items in the synced folder count: one moved elsewhere left the sync. */
  private boolean inFolder(Item item, ItemKind kind) throws MailboxException {
    try {
      return item.getParentFolderId() == null || item.getParentFolderId().getUniqueId().equals(folder(kind).getUniqueId());
    } catch (Exception e) {
      throw EwsErrors.translate(e, smtp, "GetItem");
    }
  }

  private ExchangeItem decode(Item item) throws MailboxException {
    try {
      return EwsItemCodec.read(item);
    } catch (Exception e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "An item in " + smtp + " could not be read: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    List<String> found = new ArrayList<>();
    for (Item item : marked(kind, salesforceIds, ids -> ids * 2, new PropertySet(BasePropertySet.IdOnly))) {
      found.add(idOf(item));
    }
    Map<String, ExchangeItem> bySalesforceId = new HashMap<>();
    // FindItem never returns bodies, so the content comes from GetItem.
    for (ExchangeItem item : get(kind, found)) {
      item.salesforceId().ifPresent(sf -> bySalesforceId.putIfAbsent(sf, item));
    }
    return bySalesforceId;
  }

  @Override
  public Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    Map<String, List<String>> out = new HashMap<>();
    PropertySet withMark = new PropertySet(BasePropertySet.IdOnly, SalesforceIdProperty.DEFINITION);
    for (Item item : marked(kind, salesforceIds, ids -> 1000, withMark)) {
      Optional<String> mark;
      try {
        mark = SalesforceIdProperty.read(item);
      } catch (Exception e) {
        throw EwsErrors.translate(e, smtp, "FindItem");
      }
      String id = idOf(item);
      mark.ifPresent(sf -> out.computeIfAbsent(sf, k -> new ArrayList<>()).add(id));
    }
    return out;
  }

  /**
   * The items carrying one of {@code salesforceIds} as our mark: {@code FindItem} over the folder, {@value #SEARCH_BATCH}
   * ids a search, at most {@code most} items for a search of so many ids (an Outlook copy carries the mark too).
   */
  private List<Item> marked(ItemKind kind, List<String> salesforceIds, java.util.function.IntUnaryOperator most, PropertySet shape)
      throws MailboxException {
    List<Item> found = new ArrayList<>();
    for (List<String> batch : batches(List.copyOf(new LinkedHashSet<>(salesforceIds)), SEARCH_BATCH)) {
      SearchFilter.SearchFilterCollection any = new SearchFilter.SearchFilterCollection(LogicalOperator.Or);
      for (String id : batch) {
        any.add(new SearchFilter.IsEqualTo(SalesforceIdProperty.DEFINITION, id));
      }
      ItemView view = new ItemView(most.applyAsInt(batch.size()));
      view.setPropertySet(shape);
      FindItemsResults<Item> results = onFolders(() -> calls.call("FindItem", () -> service.findItems(folder(kind), any, view)));
      found.addAll(results.getItems());
    }
    return found;
  }

  @Override
  public List<ItemResult> create(ItemKind kind, List<NewItem> newItems) throws MailboxException {
    // A new series has occurrences no view listed yet; a new single event is no series' occurrence.
    if (kind == ItemKind.EVENT && newItems.stream().anyMatch(i -> i.values().get(ExchangeField.RECURRENCE) != null
        && !i.values().get(ExchangeField.RECURRENCE).isBlank())) {
      views.forget();
    }
    List<ItemResult> results = new ArrayList<>();
    for (List<NewItem> batch : batches(newItems, BATCH)) {
      ItemResult[] outcome = new ItemResult[batch.size()];
      List<Item> toSend = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        NewItem n = batch.get(i);
        if (n.kind() != kind) {
          throw new IllegalArgumentException("a " + n.kind() + " item in a batch of " + kind);
        }
        try {
          Item item = EwsItemCodec.newItem(service, kind);
          EwsItemCodec.create(item, n.values());
          if (n.salesforceId().isPresent()) {
            item.setExtendedProperty(SalesforceIdProperty.DEFINITION, n.salesforceId().get());
          }
          toSend.add(item);
          positions.add(i);
        } catch (EwsItemCodec.InvalidValueException e) {
          outcome[i] = ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, e.getMessage());
        } catch (Exception e) {
          throw new MailboxException(MailboxError.UNEXPECTED, "An item for " + smtp + " could not be built: " + e, e);
        }
      }
      if (!toSend.isEmpty()) {
        List<ItemResult> made = send(kind, toSend, positions.stream().map(p -> batch.get(p).salesforceId()).toList());
        for (int r = 0; r < made.size(); r++) {
          outcome[positions.get(r)] = made.get(r);
        }
      }
      results.addAll(List.of(outcome));
    }
    return results;
  }

  /**
   * One {@code CreateItem} of built items, never repeated blindly: when its answer is lost
   * (a 503 from a proxy after Exchange made them, a dropped connection), the items are
   * looked for by our mark, those found are taken as made, and only the others are sent
   * again. Items without a mark cannot be looked for: they are sent once, and a lost
   * answer fails the call (the engine's next pass finds what was made).
   */
  private List<ItemResult> send(ItemKind kind, List<Item> items, List<Optional<String>> marks) throws MailboxException {
    RetriedCreates.Send<Integer, ItemResult, MailboxException> send = indexes -> {
      List<Item> part = indexes.stream().map(items::get).toList();
      ServiceResponseCollection<ServiceResponse> responses = calls.callOnce("CreateItem", () -> service.createItems(part,
          folder(kind), null, kind == ItemKind.EVENT ? SendInvitationsMode.SendToNone : null));
      List<ItemResult> results = new ArrayList<>();
      for (int r = 0; r < responses.getCount(); r++) {
        ServiceResponse response = responses.getResponseAtIndex(r);
        results.add(response.getResult() == ServiceResult.Success ? written(part.get(r)) : failed(response));
      }
      return results;
    };
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      all.add(i);
    }
    if (marks.stream().anyMatch(Optional::isEmpty)) {
      try {
        return send.send(all);
      } catch (AnswerLostException e) {
        throw new MailboxException(MailboxError.UNAVAILABLE, e.getMessage() + "; not sent again, since items without our mark"
            + " cannot be looked for", e);
      }
    }
    RetriedCreates.Find<Integer, ItemResult, MailboxException> find = indexes -> {
      Map<String, ExchangeItem> found = findBySalesforceIds(kind, indexes.stream().map(i -> marks.get(i).orElseThrow()).toList());
      return indexes.stream().map(i -> found.get(marks.get(i).orElseThrow()))
          .map(item -> item == null ? null : ItemResult.written(item.id(), item.changeKey())).toList();
    };
    return new RetriedCreates<>("CreateItem for " + smtp, calls.maxAttempts(), send, find,
        attempt -> calls.pauseAfterLostAnswer("CreateItem", attempt),
        (message, last) -> new MailboxException(MailboxError.UNAVAILABLE, message, last)).create(all);
  }

  @Override
  public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
    if (kind == ItemKind.EVENT && updates.stream().anyMatch(u -> !u.values().isEmpty())) {
      views.forget(); // a mark moves no occurrence; a content change may (a new pattern, a moved start)
    }
    List<ItemResult> results = new ArrayList<>();
    for (ItemUpdate u : updates) {
      ItemUpdate.requireWritableFieldsOf(kind, u.values().keySet());
    }
    for (List<ItemUpdate> batch : batches(updates, BATCH)) {
      Map<String, Item> current = current(kind, batch);
      ItemResult[] outcome = new ItemResult[batch.size()];
      List<Item> toSend = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        ItemUpdate u = batch.get(i);
        Item item = current.get(u.id());
        if (item == null) {
          outcome[i] = ItemResult.failed(MailboxError.ITEM_NOT_FOUND, "The item " + u.id() + " is no longer in " + smtp + ".");
          continue;
        }
        try {
          String changeKey = item.getId().getChangeKey();
          if (u.expectedChangeKey().isPresent() && !u.expectedChangeKey().get().equals(changeKey)) {
            outcome[i] = ItemResult.failed(MailboxError.CONFLICT, "The item " + u.id() + " changed in Exchange since it was read.");
            continue;
          }
          if (!u.values().isEmpty()) {
            EwsItemCodec.update(item, decode(item), u.values());
          }
          if (u.salesforceId().isPresent()) {
            item.setExtendedProperty(SalesforceIdProperty.DEFINITION, u.salesforceId().get());
          }
          if (item.isDirty()) {
            toSend.add(item);
            positions.add(i);
          } else {
            outcome[i] = ItemResult.written(u.id(), changeKey);
          }
        } catch (EwsItemCodec.InvalidValueException e) {
          outcome[i] = ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, e.getMessage());
        } catch (Exception e) {
          throw new MailboxException(MailboxError.UNEXPECTED, "An update for " + smtp + " could not be built: " + e, e);
        }
      }
      // Updates that name the version read go out conditionally: the bound change keys with NeverOverwrite, so an
      // item the rep edited between our read and this write is refused, not overwritten. Updates that name none
      // (occurrences of one series share their master's change key, which each write moves) overwrite.
      for (boolean conditional : new boolean[] {true, false}) {
        List<Item> send = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < toSend.size(); k++) {
          if (batch.get(positions.get(k)).expectedChangeKey().isPresent() == conditional) {
            send.add(toSend.get(k));
            at.add(positions.get(k));
          }
        }
        if (send.isEmpty()) {
          continue;
        }
        ConflictResolutionMode mode = conditional ? ConflictResolutionMode.NeverOverwrite : ConflictResolutionMode.AlwaysOverwrite;
        ServiceResponseCollection<UpdateItemResponse> responses = calls.call("UpdateItem", () -> service.updateItems(send,
            null, mode, MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone));
        for (int r = 0; r < responses.getCount(); r++) {
          UpdateItemResponse response = responses.getResponseAtIndex(r);
          outcome[at.get(r)] = response.getResult() == ServiceResult.Success ? written(send.get(r)) : failed(response);
        }
      }
      results.addAll(List.of(outcome));
    }
    return results;
  }

  /**
   * The items a batch of updates changes, by id. A batch that only marks items with their Salesforce ids (after
   * they were made there), each on the version it names, reads nothing: the items stand for those versions
   * ({@link EwsUnboundItems}), and Exchange refuses a mark on an item edited or deleted since. A batch with a mark
   * that names no version reads the ids and change keys; one that changes content reads the whole items.
   */
  private Map<String, Item> current(ItemKind kind, List<ItemUpdate> batch) throws MailboxException {
    boolean marksOnly = batch.stream().allMatch(u -> u.values().isEmpty());
    if (marksOnly && batch.stream().allMatch(u -> u.expectedChangeKey().isPresent())) {
      Map<String, String> versions = new LinkedHashMap<>();
      batch.forEach(u -> versions.put(u.id(), u.expectedChangeKey().get()));
      try {
        return EwsUnboundItems.of(service, kind, versions);
      } catch (Exception e) {
        throw new MailboxException(MailboxError.UNEXPECTED, "Marks for " + smtp + " could not be built: " + e, e);
      }
    }
    return bind(batch.stream().map(ItemUpdate::id).toList(),
        marksOnly ? new PropertySet(BasePropertySet.IdOnly) : EwsItemCodec.readShape());
  }

  /** The current items with these ids, by id; ids of items that are gone are absent. */
  private Map<String, Item> bind(List<String> ids, PropertySet shape) throws MailboxException {
    ServiceResponseCollection<GetItemResponse> responses = calls.call("GetItem", () -> service.bindToItems(itemIds(ids), shape));
    Map<String, Item> items = new HashMap<>();
    for (int i = 0; i < responses.getCount(); i++) {
      GetItemResponse r = responses.getResponseAtIndex(i);
      if (r.getResult() == ServiceResult.Success) {
        items.put(ids.get(i), r.getItem());
      } else if (!EwsErrors.gone(r.getErrorCode())) {
        throw new MailboxException(EwsErrors.named(r.getErrorCode()),
            "GetItem for " + smtp + " failed on " + ids.get(i) + ": " + r.getErrorCode() + ": " + r.getErrorMessage());
      }
    }
    return items;
  }

  @Override
  public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
    if (kind == ItemKind.EVENT) {
      views.forget();
    }
    List<ItemResult> results = new ArrayList<>();
    for (List<String> batch : batches(ids, BATCH)) {
      ServiceResponseCollection<ServiceResponse> responses = calls.call("DeleteItem", () -> service.deleteItems(
          itemIds(batch), DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences));
      for (int i = 0; i < responses.getCount(); i++) {
        ServiceResponse r = responses.getResponseAtIndex(i);
        // A cancelled occurrence is as gone as a deleted item.
        boolean gone = r.getResult() == ServiceResult.Success || EwsErrors.gone(r.getErrorCode());
        results.add(gone ? ItemResult.deleted(batch.get(i)) : failed(r));
      }
    }
    return results;
  }

  private static ItemResult written(Item item) throws MailboxException {
    try {
      return ItemResult.written(item.getId().getUniqueId(), item.getId().getChangeKey());
    } catch (Exception e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Exchange accepted an item but returned no id", e);
    }
  }

  private static ItemResult failed(ServiceResponse r) {
    return ItemResult.failed(EwsErrors.named(r.getErrorCode()), r.getErrorCode() + ": " + r.getErrorMessage());
  }

  private static String idOf(Item item) throws MailboxException {
    try {
      return item.getId().getUniqueId();
    } catch (Exception e) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Exchange returned an item without an id", e);
    }
  }

  static List<ItemId> itemIds(List<String> ids) throws Exception {
    List<ItemId> itemIds = new ArrayList<>(ids.size());
    for (String id : ids) {
      itemIds.add(new ItemId(id));
    }
    return itemIds;
  }

  static <T> List<List<T>> batches(List<T> all, int size) {
    return Batches.of(all, size);
  }

  @Override
  public void close() {
    service.close();
  }
}
