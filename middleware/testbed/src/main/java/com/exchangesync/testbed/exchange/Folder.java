package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * One folder of a mailbox, with its change log: every create, update and delete
 * of an item in it, through EWS or the admin API, numbered by the store's
 * sequence, which is what {@code SyncFolderItems} reads.
 */
final class Folder {

  /** One entry of the change log. */
  record Change(long seq, String itemId, Type type) {
    enum Type { CREATE, UPDATE, DELETE }
  }

  final String id;
  final String parentId;
  final String folderClass;
  final String distinguishedName;
  String displayName;
  String changeKey;
  final List<Change> log = new ArrayList<>();

  Folder(String id, String parentId, String folderClass, String displayName, String distinguishedName, String changeKey) {
    this.id = id;
    this.parentId = parentId;
    this.folderClass = folderClass;
    this.displayName = displayName;
    this.distinguishedName = distinguishedName;
    this.changeKey = changeKey;
  }

  /** The EWS element name for this folder's type. */
  String elementName() {
    return switch (folderClass) {
      case "IPF.Contact" -> "ContactsFolder";
      case "IPF.Appointment" -> "CalendarFolder";
      default -> "Folder";
    };
  }
}
