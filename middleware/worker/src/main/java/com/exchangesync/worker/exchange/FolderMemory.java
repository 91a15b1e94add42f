package com.exchangesync.worker.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a connector remembers of each mailbox it opened, so that a cycle does not
 * look up the same folders again: the ids of the synced folders ({@code
 * Salesforce_Sync} and the main calendar, as the protocol names them), and the
 * org mark once read as the syncing org's own. One per connector (an org keeps one
 * connector between cycles), shared by every rep's pass; thread-safe (entries are
 * immutable and replaced whole).
 *
 * <p>An entry is trusted for {@link #RECHECK} from its lookup, then looked up
 * again; a call that fails because a remembered folder is gone makes the mailbox
 * forget it and look it up at once (the connectors do that). The mark is
 * remembered only with the folders, and ends with them.
 *
 * <p>Cost: one entry holds the address (the key) and two folder ids of about 120
 * characters each in Exchange (the org id string is the caller's): about 500
 * bytes with the map's node, so 10,000 mailboxes take about 5 MB, and
 * {@link #CAPACITY} bounds the whole to about 25 MB.
 */
public final class FolderMemory {

  /**
   * How long remembered folder ids (and the mark) are trusted. Looking the folder up
   * by name is what notices a {@code Salesforce_Sync} the rep deleted (it moves to
   * Deleted Items, where its id still works), renamed or moved, and makes a new one;
   * the sync then reads the new folder afresh. Within an hour, as the issue asks,
   * bounds how long a remembered id hides that, for one lookup an hour.
   */
  public static final Duration RECHECK = Duration.ofHours(1);

  /**
   * The most mailboxes remembered. Past it, expired and then arbitrary entries make
   * room: those mailboxes only look their folders up again on their next open.
   */
  public static final int CAPACITY = 50_000;

  /**
   * One mailbox's remembered ids.
   *
   * @param contacts the {@code Salesforce_Sync} folder's id
   * @param calendar the main calendar's id, or null while not known (Graph reads it only for the mark)
   * @param ownMark the org whose mark was read as its own (the caller's org id), or null
   * @param lookedUpAt when the folders were looked up, in epoch seconds
   */
  public record Entry(String contacts, String calendar, String ownMark, long lookedUpAt) {}

  /**
   * Failures that say the mailbox itself is out of reach (the ones an open reports as "not recognized"): a
   * mailbox that meets one is forgotten, so that its next open looks everything up and reports it as an open
   * always did, not as a failure of each kind's pass.
   */
  public static final Set<MailboxError> UNREACHED = Collections.unmodifiableSet(EnumSet.of(MailboxError.IMPERSONATION_DENIED,
      MailboxError.MAILBOX_NOT_FOUND, MailboxError.BAD_CREDENTIALS, MailboxError.MAILBOX_OUT_OF_SCOPE,
      MailboxError.MAILBOX_NOT_ENABLED, MailboxError.APP_SIGN_IN_REFUSED, MailboxError.APP_PERMISSION_MISSING));

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int capacity;

  public FolderMemory(Clock clock) {
    this(clock, CAPACITY);
  }

  FolderMemory(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
  }

  /** The mailbox's entry, when it was looked up less than {@link #RECHECK} ago. */
  public Optional<Entry> get(String smtp) {
    String key = key(smtp);
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    if (clock.instant().getEpochSecond() - e.lookedUpAt() >= RECHECK.toSeconds()) {
      entries.remove(key, e);
      return Optional.empty();
    }
    return Optional.of(e);
  }

  /** Remembers folders just looked up (forgetting any mark: it is read again with them). */
  public void looked(String smtp, String contacts, String calendar) {
    String key = key(smtp);
    if (!entries.containsKey(key)) {
      makeRoom();
    }
    entries.put(key, new Entry(contacts, calendar, null, clock.instant().getEpochSecond()));
  }

  /** Adds the calendar's id, once known, to the mailbox's entry (if it has one). */
  public void calendar(String smtp, String calendar) {
    entries.computeIfPresent(key(smtp), (k, e) -> new Entry(e.contacts(), calendar, e.ownMark(), e.lookedUpAt()));
  }

  /** Remembers that the mailbox's mark was read as {@code orgId}'s own (if it has an entry: the mark ends with it). */
  public void ownMark(String smtp, String orgId) {
    entries.computeIfPresent(key(smtp), (k, e) -> new Entry(e.contacts(), e.calendar(), orgId, e.lookedUpAt()));
  }

  /** Forgets the mark (it is being written). */
  public void forgetMark(String smtp) {
    entries.computeIfPresent(key(smtp), (k, e) -> e.ownMark() == null ? e
        : new Entry(e.contacts(), e.calendar(), null, e.lookedUpAt()));
  }

  /** Whether the mailbox's mark was read as {@code orgId}'s own since its folders were looked up. */
  public boolean markedBy(String smtp, String orgId) {
    return get(smtp).map(Entry::ownMark).filter(orgId::equals).isPresent();
  }

  /**
   * Forgets the mailbox when {@code error} says the mailbox itself is out of reach ({@link #UNREACHED});
   * returns whether it did.
   */
  public boolean forgetIfUnreached(String smtp, MailboxError error) {
    if (!UNREACHED.contains(error)) {
      return false;
    }
    forget(smtp);
    return true;
  }

  /** Forgets the mailbox: its next open looks everything up. */
  public void forget(String smtp) {
    entries.remove(key(smtp));
  }

  /** How many mailboxes are remembered (expired ones included until they are asked for or make room). */
  public int size() {
    return entries.size();
  }

  /**
   * At capacity: drops the expired entries, then arbitrary ones down to nine tenths of it, so that this
   * scan runs once per tenth of the capacity newly remembered, not at every open. Opens racing here may
   * overshoot the capacity by one entry each.
   */
  private void makeRoom() {
    if (entries.size() < capacity) {
      return;
    }
    long oldest = clock.instant().getEpochSecond() - RECHECK.toSeconds();
    entries.values().removeIf(e -> e.lookedUpAt() <= oldest);
    int target = capacity - Math.max(1, capacity / 10);
    Iterator<String> any = entries.keySet().iterator();
    while (entries.size() > target && any.hasNext()) {
      any.next();
      any.remove();
    }
  }

  private static String key(String smtp) {
    return smtp.trim().toLowerCase(Locale.ROOT);
  }
}
