package com.exchangesync.testbed.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One folder of a mailbox, with its change log: every create, update and delete
 * of an item in it, through EWS or the admin API, numbered by the store's
 * sequence, which is what {@code SyncFolderItems} reads, and its extended
 * properties (not items: a change of them is in no change log).
 */
public final class Folder {

  /** One entry of the change log. */
  public record Change(long seq, String itemId, Type type) {
    public enum Type { CREATE, UPDATE, DELETE }
  }

  public final String id;
  /** Where the folder is: a folder the rep deletes moves under Deleted Items ({@link MailboxStore#moveFolder}). */
  public String parentId;
  public final String folderClass;
  public final String distinguishedName;
  public String displayName;
  public String changeKey;
  public final List<Change> log = new ArrayList<>();
  /**
   * The folder's extended (MAPI) properties: EWS {@code UpdateFolder} and Graph's
   * {@code singleValueExtendedProperties} write the same ones.
   */
  public final Map<ExtendedKey, String> extended = new LinkedHashMap<>();

  public Folder(String id, String parentId, String folderClass, String displayName, String distinguishedName, String changeKey) {
    this.id = id;
    this.parentId = parentId;
    this.folderClass = folderClass;
    this.displayName = displayName;
    this.distinguishedName = distinguishedName;
    this.changeKey = changeKey;
  }

  /** The log's entries after {@code seq}: the log is in sequence order, so they are found by halving, not by reading it all. */
  public List<Change> changesAfter(long seq) {
    int low = 0;
    int high = log.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (log.get(mid).seq() <= seq) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return log.subList(low, log.size());
  }

  /** The EWS element name for this folder's type. */
  public String elementName() {
    return switch (folderClass) {
      case "IPF.Contact" -> "ContactsFolder";
      case "IPF.Appointment" -> "CalendarFolder";
      default -> "Folder";
    };
  }
}
