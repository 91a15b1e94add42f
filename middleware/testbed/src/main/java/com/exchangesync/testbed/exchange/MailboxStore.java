package com.exchangesync.testbed.exchange;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Everything the Exchange test bed holds: the service account (whose
 * impersonation scope names mailboxes by SMTP address, UPN or SID), the
 * mailboxes and a global change sequence. One lock guards it all, so concurrent requests
 * see each other's changes whole; every operation is short, the waiting (added
 * latency) happens outside the lock. Every item change is also told to the
 * {@link MailboxEvent.Listener}s (the notification subscriptions of EWS and Graph).
 */
public final class MailboxStore {

  /** The configured service account. {@code impersonatesAll} stands for {@code "*"}. */
  public record ServiceAccount(String username, String password, Set<String> impersonates, boolean impersonatesAll) {}

  private final Clock clock;
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
  private ServiceAccount serviceAccount;
  private long generation = 1;
  private long seq;
  private long counter;
  private final List<MailboxEvent.Listener> listeners = new CopyOnWriteArrayList<>();
  /** Above zero while a move or copy runs: its inner create and delete are reported as one event. */
  private int compound;

  public MailboxStore(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code action} holding the store's lock. */
  public synchronized <T> T locked(Supplier<T> action) {
    return action.get();
  }

  /** Tells {@code listener} of every item change from now on. */
  public void listen(MailboxEvent.Listener listener) {
    listeners.add(listener);
  }

  private void emit(Mailbox m, MailboxEvent.Type type, Item item, String folderId, String oldItemId, String oldFolderId) {
    if (listeners.isEmpty()) {
      return;
    }
    Folder folder = m.folders.get(folderId);
    MailboxEvent event = new MailboxEvent(type, now(), item.id, item.changeKey, folderId,
        folder == null ? null : folder.changeKey, oldItemId, oldFolderId);
    listeners.forEach(l -> l.event(m, event));
  }

  public synchronized void reset() {
    mailboxes.clear();
    serviceAccount = null;
    generation++;
  }

  public synchronized void serviceAccount(ServiceAccount account) {
    this.serviceAccount = account;
  }

  public synchronized ServiceAccount serviceAccount() {
    return serviceAccount;
  }

  /** Whether {@code username}/{@code password} are the service account's (user names compare case-insensitively). */
  public synchronized boolean authenticates(String username, String password) {
    return serviceAccount != null && serviceAccount.username().equalsIgnoreCase(username)
        && serviceAccount.password().equals(password);
  }

  /** Whether the service account's impersonation scope names {@code m}, by its SMTP address, UPN or SID. */
  public synchronized boolean mayImpersonate(Mailbox m) {
    if (serviceAccount == null) {
      return false;
    }
    Set<String> scope = serviceAccount.impersonates();
    return serviceAccount.impersonatesAll() || scope.contains(m.smtp.toLowerCase(Locale.ROOT))
        || scope.contains(m.upn.toLowerCase(Locale.ROOT)) || scope.contains(m.sid.toLowerCase(Locale.ROOT));
  }

  /** Adds a mailbox whose UPN is its SMTP address and whose SID is made up; an existing one is kept as it is. */
  public synchronized Mailbox addMailbox(String smtp, String displayName) {
    return addMailbox(smtp, displayName, null, null);
  }

  /**
   * Adds a mailbox with its root, Contacts, Calendar and Deleted Items folders; {@code upn} defaults to
   * the SMTP address, {@code sid} to a new domain SID. An existing mailbox is kept as it is; a UPN or SID
   * another mailbox has is refused ({@link IllegalArgumentException}).
   */
  public synchronized Mailbox addMailbox(String smtp, String displayName, String upn, String sid) {
    String key = smtp.toLowerCase(Locale.ROOT);
    Mailbox existing = mailboxes.get(key);
    if (existing != null) {
      return existing;
    }
    String principal = upn == null ? smtp : upn;
    String securityId = sid == null ? "S-1-5-21-1004336348-1177238915-682003330-" + (1100 + mailboxes.size()) : sid;
    for (Mailbox other : mailboxes.values()) {
      if (other.upn.equalsIgnoreCase(principal) || other.sid.equalsIgnoreCase(securityId)) {
        throw new IllegalArgumentException("the UPN " + principal + " or SID " + securityId + " already belongs to " + other.smtp);
      }
    }
    Mailbox m = new Mailbox(smtp, displayName, principal, securityId);
    m.root = newFolder(m, null, "IPF.Note", "Top of Information Store", "msgfolderroot");
    m.contacts = newFolder(m, m.root.id, "IPF.Contact", "Contacts", "contacts");
    m.calendar = newFolder(m, m.root.id, "IPF.Appointment", "Calendar", "calendar");
    m.deletedItems = newFolder(m, m.root.id, "IPF.Note", "Deleted Items", "deleteditems");
    mailboxes.put(key, m);
    return m;
  }

  public synchronized Mailbox mailbox(String smtp) {
    return smtp == null ? null : mailboxes.get(smtp.toLowerCase(Locale.ROOT));
  }

  /** The mailbox whose user principal name is {@code upn} (without regard to case), or null. */
  public synchronized Mailbox mailboxByUpn(String upn) {
    return mailboxes.values().stream().filter(m -> m.upn.equalsIgnoreCase(upn)).findFirst().orElse(null);
  }

  /** The mailbox whose user's security identifier is {@code sid}, or null. */
  public synchronized Mailbox mailboxBySid(String sid) {
    return mailboxes.values().stream().filter(m -> m.sid.equalsIgnoreCase(sid)).findFirst().orElse(null);
  }

  /** The mailbox whose primary address is the service account's user name, if any. */
  public synchronized Mailbox serviceAccountMailbox() {
    return serviceAccount == null ? null : mailbox(serviceAccount.username());
  }

  public synchronized Set<String> mailboxAddresses() {
    return new TreeSet<>(mailboxes.keySet());
  }

  public synchronized long generation() {
    return generation;
  }

  public synchronized long head() {
    return seq;
  }

  public synchronized Folder newFolder(Mailbox m, String parentId, String folderClass, String displayName, String distinguished) {
    Folder f = new Folder(newId("AQMkA"), parentId, folderClass, displayName, distinguished, newChangeKey());
    m.folders.put(f.id, f);
    return f;
  }

  /** Moves {@code f} under {@code target}, as a rep's delete of a folder does (to Deleted Items): its id and items stay. */
  public synchronized void moveFolder(Folder f, Folder target) {
    f.parentId = target.id;
    folderChanged(f);
  }

  /** Removes {@code f}, the folders under it and every item they hold (each a delete in its folder's changes). */
  public synchronized void deleteFolder(Mailbox m, Folder f) {
    for (Folder child : new java.util.ArrayList<>(m.folders.values())) {
      if (f.id.equals(child.parentId)) {
        deleteFolder(m, child);
      }
    }
    for (Item item : new java.util.ArrayList<>(m.itemsIn(f.id))) {
      delete(m, item);
    }
    m.folders.remove(f.id);
  }

  /** A new item for {@code f}, not stored until {@link #insert}: a create that fails leaves nothing behind. */
  public synchronized Item draft(Item.Kind kind, Folder f) {
    Item item = new Item(newId("AAMkA"), kind, f.id, now());
    item.changeKey = newChangeKey();
    return item;
  }

  public synchronized void insert(Mailbox m, Item item) {
    m.add(item);
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.CREATE));
    if (compound == 0) {
      emit(m, MailboxEvent.Type.CREATED, item, item.folderId, null, null);
    }
  }

  /** Records that {@code item} changed: a new change key, a new modification time, an entry in the log. */
  public synchronized void touched(Mailbox m, Item item) {
    item.changeKey = newChangeKey();
    item.modified = now();
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.UPDATE));
    emit(m, MailboxEvent.Type.MODIFIED, item, item.folderId, null, null);
  }

  public synchronized void delete(Mailbox m, Item item) {
    m.remove(item);
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.DELETE));
    if (compound == 0) {
      emit(m, MailboxEvent.Type.DELETED, item, item.folderId, null, null);
    }
  }

  /**
   * A rep's delete in Outlook: to Deleted Items (from Deleted Items, or with Shift+Delete:
   * {@code permanently}, to Recoverable Items), as {@code DeleteItem} with {@code MoveToDeletedItems}
   * and {@code SoftDelete} do.
   */
  public synchronized void deleteAsRep(Mailbox m, Item item, boolean permanently) {
    if (permanently || item.folderId.equals(m.deletedItems.id)) {
      softDelete(m, item);
    } else {
      move(m, item, m.deletedItems);
    }
  }

  /** {@code SoftDelete}: out of its folder (a delete there) into Recoverable Items, where no folder shows it. */
  public synchronized void softDelete(Mailbox m, Item item) {
    delete(m, item);
    m.recoverable.put(item.id, item);
  }

  /**
   * Moves {@code item} to {@code target} as Exchange does: the item gets a new id (the old one is gone: a
   * delete in the old folder's changes, a create in the new one's) and a new change key; the folder it left
   * is remembered, for a restore from Deleted Items.
   */
  public synchronized Item move(Mailbox m, Item item, Folder target) {
    compound++;
    Item moved;
    try {
      moved = copy(m, item, target);
      moved.movedFrom = item.folderId;
      delete(m, item);
    } finally {
      compound--;
    }
    if (compound == 0) {
      emit(m, MailboxEvent.Type.MOVED, moved, target.id, item.id, item.folderId);
    }
    return moved;
  }

  /** A copy of {@code item} in {@code target}, with an id and change key of its own. */
  public synchronized Item copy(Mailbox m, Item item, Folder target) {
    Item copy = new Item(newId("AAMkA"), item.kind, target.id, item.created);
    copy.fields.putAll(item.fields);
    copy.extended.putAll(item.extended);
    copy.bodyType = item.bodyType;
    if (item.calendar != null) {
      copy.calendar.restore(item.calendar);
    }
    copy.changeKey = newChangeKey();
    copy.modified = now();
    compound++;
    try {
      insert(m, copy);
    } finally {
      compound--;
    }
    if (compound == 0) {
      emit(m, MailboxEvent.Type.COPIED, copy, target.id, item.id, item.folderId);
    }
    return copy;
  }

  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private String newId(String prefix) {
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(24);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).putLong(++counter);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()) + "AAA=";
  }

  /** A folder's properties changed: it gets a new change key, as every change of a folder does in Exchange. */
  public synchronized void folderChanged(Folder f) {
    f.changeKey = newChangeKey();
  }

  private String newChangeKey() {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.putInt(0x16000000).putLong(++counter);
    return "CQAAAB" + Base64.getEncoder().encodeToString(b.array());
  }
}
