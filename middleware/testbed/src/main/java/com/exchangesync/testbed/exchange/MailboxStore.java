package com.exchangesync.testbed.exchange;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything the Exchange test bed holds: the service account, the mailboxes
 * and a global change sequence. One lock guards it all, so concurrent requests
 * see each other's changes whole; every operation is short, the waiting (added
 * latency) happens outside the lock.
 */
final class MailboxStore {

  /** The configured service account. {@code impersonatesAll} stands for {@code "*"}. */
  record ServiceAccount(String username, String password, Set<String> impersonates, boolean impersonatesAll) {}

  private final Clock clock;
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
  private ServiceAccount serviceAccount;
  private long generation = 1;
  private long seq;
  private long counter;

  MailboxStore(Clock clock) {
    this.clock = clock;
  }

  /** Runs {@code action} holding the store's lock. */
  synchronized <T> T locked(Supplier<T> action) {
    return action.get();
  }

  synchronized void reset() {
    mailboxes.clear();
    serviceAccount = null;
    generation++;
  }

  synchronized void serviceAccount(ServiceAccount account) {
    this.serviceAccount = account;
  }

  synchronized ServiceAccount serviceAccount() {
    return serviceAccount;
  }

  /** Whether {@code username}/{@code password} are the service account's (user names compare case-insensitively). */
  synchronized boolean authenticates(String username, String password) {
    return serviceAccount != null && serviceAccount.username().equalsIgnoreCase(username)
        && serviceAccount.password().equals(password);
  }

  synchronized boolean mayImpersonate(String smtp) {
    return serviceAccount != null
        && (serviceAccount.impersonatesAll() || serviceAccount.impersonates().contains(smtp.toLowerCase(Locale.ROOT)));
  }

  /** Adds a mailbox with its root, Contacts and Calendar folders; an existing one is kept as it is. */
  synchronized Mailbox addMailbox(String smtp, String displayName) {
    String key = smtp.toLowerCase(Locale.ROOT);
    Mailbox existing = mailboxes.get(key);
    if (existing != null) {
      return existing;
    }
    Mailbox m = new Mailbox(smtp, displayName);
    m.root = newFolder(m, null, "IPF.Note", "Top of Information Store", "msgfolderroot");
    m.contacts = newFolder(m, m.root.id, "IPF.Contact", "Contacts", "contacts");
    m.calendar = newFolder(m, m.root.id, "IPF.Appointment", "Calendar", "calendar");
    mailboxes.put(key, m);
    return m;
  }

  synchronized Mailbox mailbox(String smtp) {
    return smtp == null ? null : mailboxes.get(smtp.toLowerCase(Locale.ROOT));
  }

  /** The mailbox whose primary address is the service account's user name, if any. */
  synchronized Mailbox serviceAccountMailbox() {
    return serviceAccount == null ? null : mailbox(serviceAccount.username());
  }

  synchronized Set<String> mailboxAddresses() {
    return new TreeSet<>(mailboxes.keySet());
  }

  synchronized long generation() {
    return generation;
  }

  synchronized long head() {
    return seq;
  }

  synchronized Folder newFolder(Mailbox m, String parentId, String folderClass, String displayName, String distinguished) {
    Folder f = new Folder(newId("AQMkA"), parentId, folderClass, displayName, distinguished, newChangeKey());
    m.folders.put(f.id, f);
    return f;
  }

  /** A new item for {@code f}, not stored until {@link #insert}: a create that fails leaves nothing behind. */
  synchronized Item draft(Item.Kind kind, Folder f) {
    Item item = new Item(newId("AAMkA"), kind, f.id, now());
    item.changeKey = newChangeKey();
    return item;
  }

  synchronized void insert(Mailbox m, Item item) {
    m.items.put(item.id, item);
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.CREATE));
  }

  /** Records that {@code item} changed: a new change key, a new modification time, an entry in the log. */
  synchronized void touched(Mailbox m, Item item) {
    item.changeKey = newChangeKey();
    item.modified = now();
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.UPDATE));
  }

  synchronized void delete(Mailbox m, Item item) {
    m.items.remove(item.id);
    m.folders.get(item.folderId).log.add(new Folder.Change(++seq, item.id, Folder.Change.Type.DELETE));
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private String newId(String prefix) {
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(24);
    b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).putLong(++counter);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()) + "AAA=";
  }

  private String newChangeKey() {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.putInt(0x16000000).putLong(++counter);
    return "CQAAAB" + Base64.getEncoder().encodeToString(b.array());
  }
}
