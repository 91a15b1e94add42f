package com.exchangesync.testbed.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** One user's mailbox: its folders and items. Touched only under the store's lock. */
final class Mailbox {

  final String smtp;
  final String displayName;
  final Map<String, Folder> folders = new LinkedHashMap<>();
  final Map<String, Item> items = new LinkedHashMap<>();
  Folder root;
  Folder contacts;
  Folder calendar;

  Mailbox(String smtp, String displayName) {
    this.smtp = smtp;
    this.displayName = displayName;
  }

  Folder distinguished(String name) {
    return switch (name) {
      case "msgfolderroot", "root" -> root;
      case "contacts" -> contacts;
      case "calendar" -> calendar;
      default -> null;
    };
  }

  int itemCount(String folderId) {
    int n = 0;
    for (Item i : items.values()) {
      if (i.folderId.equals(folderId)) {
        n++;
      }
    }
    return n;
  }

  int childFolderCount(String folderId) {
    int n = 0;
    for (Folder f : folders.values()) {
      if (folderId.equals(f.parentId)) {
        n++;
      }
    }
    return n;
  }
}
