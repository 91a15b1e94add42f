package com.exchangesync.testbed.exchange;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's mailbox: its folders and items, and the names its user goes by
 * (primary SMTP address, user principal name, security identifier), any of
 * which an {@code ExchangeImpersonation} header may use. Items deleted with
 * {@code SoftDelete} (or deleted again from Deleted Items) wait in
 * {@link #recoverable}, the Recoverable Items folder, which no folder operation
 * shows. Touched only under the store's lock.
 */
public final class Mailbox {

  public final String smtp;
  public final String displayName;
  /** The user principal name ({@code ann@corp.example.com} or {@code ann@corp.local}). */
  public final String upn;
  /** The security identifier ({@code S-1-5-21-…}). */
  public final String sid;
  public final Map<String, Folder> folders = new LinkedHashMap<>();
  /** Every item in a folder, by id, in the order they were stored; only {@link MailboxStore} changes it (and {@link #byFolder}). */
  public final Map<String, Item> items = new LinkedHashMap<>();
  /** The same items by folder, so a folder's items are found without going through the mailbox's. */
  private final Map<String, Map<String, Item>> byFolder = new HashMap<>();
  /** Items in Recoverable Items (Deletions), by id: soft-deleted, out of every folder's sight. */
  public final Map<String, Item> recoverable = new LinkedHashMap<>();
  public Folder root;
  public Folder contacts;
  public Folder calendar;
  public Folder deletedItems;
  /** A mailbox left on the on-premises server of a hybrid setup: EWS serves it, Microsoft Graph does not. */
  public boolean onPremises;

  public Mailbox(String smtp, String displayName, String upn, String sid) {
    this.smtp = smtp;
    this.displayName = displayName;
    this.upn = upn;
    this.sid = sid;
  }

  public Folder distinguished(String name) {
    return switch (name) {
      case "msgfolderroot", "root" -> root;
      case "contacts" -> contacts;
      case "calendar" -> calendar;
      case "deleteditems" -> deletedItems;
      default -> null;
    };
  }

  public int itemCount(String folderId) {
    return itemsIn(folderId).size();
  }

  /** The items in the folder {@code folderId}, in the order they were stored (a view: copy it to change the mailbox meanwhile). */
  public Collection<Item> itemsIn(String folderId) {
    Map<String, Item> in = byFolder.get(folderId);
    return in == null ? List.of() : Collections.unmodifiableCollection(in.values());
  }

  /** Stores {@code item} in its folder (the store's {@code insert}). */
  void add(Item item) {
    items.put(item.id, item);
    byFolder.computeIfAbsent(item.folderId, f -> new LinkedHashMap<>()).put(item.id, item);
  }

  /** Takes {@code item} out of its folder (the store's {@code delete}). */
  void remove(Item item) {
    items.remove(item.id);
    Map<String, Item> in = byFolder.get(item.folderId);
    if (in != null) {
      in.remove(item.id);
    }
  }

  public int childFolderCount(String folderId) {
    int n = 0;
    for (Folder f : folders.values()) {
      if (folderId.equals(f.parentId)) {
        n++;
      }
    }
    return n;
  }
}
