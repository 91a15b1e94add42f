package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact folder's changes through {@code contactFolders/{id}/contacts/delta}:
 * a page of ids ({@code $select=id}: a delta cannot expand our extended property),
 * then the changed contacts read whole in batches. A contact deleted or moved out
 * of the folder is gone; one reported changed but gone by the time it is read
 * was deleted since.
 */
final class ContactChanges {

  private final GraphHttp http;
  private final SyncedFolders folders;

  ContactChanges(GraphHttp http, SyncedFolders folders) {
    this.http = http;
    this.folders = folders;
  }

  ItemChanges read(Optional<String> syncToken) throws MailboxException {
    String smtp = folders.smtp();
    Optional<DeltaToken> token = syncToken.isEmpty() ? Optional.empty()
        : Optional.of(DeltaToken.decode(syncToken.get(), ItemKind.CONTACT, smtp));
    if (token.isPresent() && !token.get().folder().equals(Optional.of(folders.contactFolderId()))) {
      throw new MailboxException(com.exchangesync.worker.exchange.MailboxError.INVALID_SYNC_STATE, "The saved contacts sync"
          + " position of " + smtp + " belongs to an earlier Salesforce_Sync folder");
    }
    Optional<String> link = token.flatMap(DeltaToken::link);
    ApiRequest request = ApiRequest.get("contacts.delta", ApiRequest.CONTACTS, link.orElseGet(() -> GraphPaths.query(
        folders.collection(ItemKind.CONTACT) + "/delta").with("$select", "id").build()));
    DeltaPage page = DeltaPage.fetch(http, smtp, request, link.isPresent());
    Set<String> changed = new LinkedHashSet<>();
    Set<String> deleted = new LinkedHashSet<>();
    for (JsonObject entry : page.entries()) {
      String id = entry.getString("id");
      if (DeltaPage.removal(entry).isPresent()) {
        deleted.add(id);
        changed.remove(id);
      } else {
        changed.add(id);
        deleted.remove(id);
      }
    }
    Map<String, JsonObject> read = GraphReads.byIds(http, folders, ItemKind.CONTACT, List.copyOf(changed));
    List<ExchangeItem> items = new ArrayList<>();
    read.values().forEach(json -> items.add(GraphContactCodec.read(json)));
    changed.stream().filter(id -> !read.containsKey(id)).forEach(deleted::add);
    return new ItemChanges(items, List.copyOf(deleted), DeltaToken.contacts(folders.contactFolderId(), Optional.of(page.link()))
        .encode(), !page.last());
  }
}
