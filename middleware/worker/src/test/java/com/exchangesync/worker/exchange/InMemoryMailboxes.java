package com.exchangesync.worker.exchange;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Mailboxes held in memory, with Exchange's semantics where the sync engine can
 * tell the difference: change keys that move on every edit, a change journal read
 * through opaque tokens in pages of 512, per-item failures for values Exchange
 * refuses, conflicts on stale change keys, and a calendar as Exchange keeps it
 * ({@link InMemoryCalendar}: zones, all-day dates, series with their occurrences,
 * exceptions and cancellations, which show up as changes of their master). For unit
 * tests of the engine and for the mailbox contract test; {@link #rep(String)} edits
 * a mailbox the way a rep in Outlook would, and {@link #failNext} makes the next
 * call fail.
 * Thread-safe (one lock for all).
 */
public final class InMemoryMailboxes implements MailboxConnector {

  static final int PAGE = 512;
  static final int MAX_TEXT = 255;
  private int pageSize = PAGE;
  private long changesRead;
  private long contentRead;

  private final String epoch = UUID.randomUUID().toString();
  private final Map<String, InMemoryStore> stores = new HashMap<>();
  private final Deque<MailboxError> failures = new ArrayDeque<>();
  /** Change numbers, shared by every mailbox so tokens never mix them up. */
  private final AtomicLong sequence = new AtomicLong();
  private long calls;

  /** Adds a mailbox (idempotent). */
  public synchronized InMemoryMailboxes addMailbox(String smtp) {
    stores.computeIfAbsent(key(smtp), k -> new InMemoryStore(smtp, sequence));
    return this;
  }

  /** Sets how many changes a page of {@code changes} gives (EWS: 512; tests make it small to have many pages). */
  public synchronized InMemoryMailboxes pageSize(int changes) {
    this.pageSize = changes;
    return this;
  }

  /** Makes the next mailbox call fail with {@code error} (queued; one per call). */
  public synchronized void failNext(MailboxError error) {
    failures.add(error);
  }

  /** Changes (items and deletions) the folders' feeds have given so far. */
  public synchronized long changesRead() {
    return changesRead;
  }

  /** Items whose content was read so far (as EWS reads them with GetItem: from the feed or by id). */
  public synchronized long contentRead() {
    return contentRead;
  }

  /** Mailbox calls made so far (each batch counts once). */
  public synchronized long calls() {
    return calls;
  }

  /** The items in a mailbox, as they are now. */
  public synchronized List<ExchangeItem> items(String smtp, ItemKind kind) {
    return store(smtp).items.values().stream().filter(i -> i.kind() == kind).toList();
  }

  /** What a rep does in Outlook, which the sync must pick up. */
  public Rep rep(String smtp) {
    return new Rep(smtp);
  }

  /** Edits made as the rep, outside the sync. */
  public final class Rep {
    private final String smtp;

    private Rep(String smtp) {
      this.smtp = smtp;
    }

    /** Creates an item; returns its id (a calendar item as Exchange stores it; bad values throw). */
    public String create(ItemKind kind, Map<ExchangeField, String> values) {
      synchronized (InMemoryMailboxes.this) {
        InMemoryStore s = store(smtp);
        if (kind == ItemKind.EVENT) {
          return orThrow(InMemoryCalendarWrites.create(s, values, Optional.empty()));
        }
        return s.put(UUID.randomUUID().toString(), kind, values, Optional.empty()).id();
      }
    }

    /** Creates a series: {@code values} for its first occurrence, repeating as {@code rrule} says; returns the master's id. */
    public String createSeries(Map<ExchangeField, String> values, String rrule) {
      Map<ExchangeField, String> series = new HashMap<>(values);
      series.put(ExchangeField.RECURRENCE, rrule);
      return create(ItemKind.EVENT, series);
    }

    /** Changes fields of an item, or (by an occurrence's id) of one occurrence ({@code null} clears). */
    public void edit(String id, Map<ExchangeField, String> values) {
      synchronized (InMemoryMailboxes.this) {
        InMemoryStore s = store(smtp);
        ExchangeItem old = s.items.get(id);
        if (old != null && old.kind() == ItemKind.CONTACT) {
          Map<ExchangeField, String> merged = new HashMap<>(old.values());
          merged.putAll(values);
          s.put(id, old.kind(), merged, old.salesforceId());
          return;
        }
        orThrow(InMemoryCalendarWrites.update(s, new ItemUpdate(id, Optional.empty(), values, Optional.empty())));
      }
    }

    /** Changes one occurrence of a series, which makes it an exception. */
    public void editOccurrence(String seriesId, String originalStart, Map<ExchangeField, String> values) {
      edit(InMemoryCalendar.occurrenceId(seriesId, originalStart), values);
    }

    /** Cancels one occurrence of a series. */
    public void cancelOccurrence(String seriesId, String originalStart) {
      delete(InMemoryCalendar.occurrenceId(seriesId, originalStart));
    }

    /** Deletes an item (a whole series), or cancels the occurrence an occurrence id names. */
    public void delete(String id) {
      synchronized (InMemoryMailboxes.this) {
        InMemoryStore s = store(smtp);
        ExchangeItem old = s.items.get(id);
        if (old != null && old.kind() == ItemKind.CONTACT) {
          s.items.remove(id);
          s.record(id, old.kind());
        } else {
          InMemoryCalendarWrites.delete(s, id);
        }
      }
    }

    private String orThrow(ItemResult result) {
      if (!result.succeeded()) {
        throw new IllegalArgumentException(result.message());
      }
      return result.id().orElseThrow();
    }
  }

  @Override
  public synchronized Mailbox open(String smtp) throws MailboxException {
    call();
    if (!stores.containsKey(key(smtp))) {
      throw notFound(smtp);
    }
    return new InMemoryMailbox(smtp);
  }

  @Override
  public synchronized ConnectionTestReport test(String smtp) {
    List<ConnectionCheck> checks = new ArrayList<>();
    boolean found = stores.containsKey(key(smtp));
    for (String name : ConnectionTestReport.CHECK_NAMES) {
      if (found || name.equals("Autodiscover") || name.equals("Service account logon")) {
        checks.add(ConnectionCheck.passed(name, "In memory."));
      } else if (checks.stream().noneMatch(c -> c.status() == ConnectionCheck.Status.FAILED)) {
        checks.add(ConnectionCheck.failed(name, notFound(smtp)));
      } else {
        checks.add(ConnectionCheck.skipped(name, "Impersonation"));
      }
    }
    return new ConnectionTestReport(smtp, checks);
  }

  private InMemoryStore store(String smtp) {
    InMemoryStore s = stores.get(key(smtp));
    if (s == null) {
      throw new IllegalStateException(new MailboxException(MailboxError.MAILBOX_NOT_FOUND, "no mailbox " + smtp));
    }
    return s;
  }

  private static MailboxException notFound(String smtp) {
    return new MailboxException(MailboxError.MAILBOX_NOT_FOUND, "There is no mailbox for " + smtp + ".");
  }

  private static String key(String smtp) {
    return smtp.toLowerCase(Locale.ROOT);
  }

  private void call() throws MailboxException {
    calls++;
    MailboxError failure = failures.poll();
    if (failure != null) {
      throw new MailboxException(failure, "injected failure: " + failure);
    }
  }

  private final class InMemoryMailbox implements Mailbox {
    private final String smtp;

    InMemoryMailbox(String smtp) {
      this.smtp = smtp;
    }

    @Override
    public String smtp() {
      return smtp;
    }

    @Override
    public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        long from = syncToken.isEmpty() ? 0 : parseToken(syncToken.get(), kind);
        // The journal after the token, one entry per item (its latest), up to a page.
        Map<String, InMemoryStore.Entry> latest = new LinkedHashMap<>();
        Set<String> existedBefore = new LinkedHashSet<>();
        for (InMemoryStore.Entry e : s.journal) {
          if (e.kind() != kind) {
            continue;
          }
          if (e.seq() <= from) {
            existedBefore.add(e.id());
          } else {
            latest.remove(e.id());
            latest.put(e.id(), e);
          }
        }
        List<ExchangeItem> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        long upTo = from;
        int taken = 0;
        boolean more = false;
        for (InMemoryStore.Entry e : latest.values().stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList()) {
          if (taken == pageSize) {
            more = true;
            break;
          }
          ExchangeItem item = s.items.get(e.id());
          if (item != null) {
            changed.add(item);
            taken++;
          } else if (existedBefore.contains(e.id())) {
            deleted.add(e.id());
            taken++;
          }
          upTo = e.seq();
        }
        if (!more) {
          upTo = Math.max(upTo, s.journal.isEmpty() ? 0 : s.journal.get(s.journal.size() - 1).seq());
        }
        changesRead += changed.size() + deleted.size();
        contentRead += changed.size();
        return new ItemChanges(changed, deleted, epoch + ":" + kind + ":" + upTo, more);
      }
    }

    /** As EWS: the page's change keys come before content, and the versions the caller holds are not read. */
    @Override
    public ItemChanges changes(ItemKind kind, Optional<String> syncToken, KnownVersions known) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        ItemChanges all = changes(kind, syncToken);
        Map<String, String> reported = new LinkedHashMap<>();
        all.changed().forEach(i -> reported.put(i.id(), i.changeKey()));
        Set<String> held = reported.isEmpty() ? Set.of() : known.known(reported);
        contentRead -= held.size();
        return new ItemChanges(all.changed().stream().filter(i -> !held.contains(i.id())).toList(), all.deletedIds(),
            all.syncToken(), all.moreAvailable());
      }
    }

    private long parseToken(String token, ItemKind kind) throws MailboxException {
      String[] parts = token.split(":");
      if (parts.length != 3 || !parts[0].equals(epoch) || !parts[1].equals(kind.name())) {
        throw new MailboxException(MailboxError.INVALID_SYNC_STATE, "The sync token is not one this mailbox gave for " + kind);
      }
      try {
        return Long.parseLong(parts[2]);
      } catch (NumberFormatException e) {
        throw new MailboxException(MailboxError.INVALID_SYNC_STATE, "The sync token is damaged");
      }
    }

    @Override
    public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        List<ExchangeItem> found = kind == ItemKind.EVENT
            ? ids.stream().distinct().map(id -> InMemoryCalendarWrites.event(s, id)).flatMap(Optional::stream).toList()
            : ids.stream().distinct().map(s.items::get).filter(i -> i != null && i.kind() == kind).toList();
        contentRead += found.size();
        return found;
      }
    }

    @Override
    public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        Map<String, ExchangeItem> found = new HashMap<>();
        for (ExchangeItem item : store(smtp).items.values()) {
          if (item.kind() == kind && item.salesforceId().filter(salesforceIds::contains).isPresent()) {
            found.putIfAbsent(item.salesforceId().get(), item);
          }
        }
        return found;
      }
    }

    @Override
    public Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        Map<String, List<String>> found = new HashMap<>();
        for (ExchangeItem item : store(smtp).items.values()) {
          if (item.kind() == kind && item.salesforceId().filter(salesforceIds::contains).isPresent()) {
            found.computeIfAbsent(item.salesforceId().get(), k -> new ArrayList<>()).add(item.id());
          }
        }
        return found;
      }
    }

    @Override
    public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        Map<String, List<ExchangeItem>> out = new LinkedHashMap<>();
        for (String id : seriesIds) {
          out.put(id, from.isBefore(to) ? InMemoryCalendarWrites.occurrences(s, id, from, to) : List.of());
        }
        return out;
      }
    }

    @Override
    public List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        List<ItemResult> results = new ArrayList<>();
        for (NewItem n : items) {
          if (kind == ItemKind.EVENT) {
            results.add(InMemoryCalendarWrites.create(s, n.values(), n.salesforceId()));
            continue;
          }
          Optional<String> problem = problem(kind, n.values());
          if (problem.isPresent()) {
            results.add(ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, problem.get()));
            continue;
          }
          ExchangeItem item = s.put(UUID.randomUUID().toString(), kind, n.values(), n.salesforceId());
          results.add(ItemResult.written(item.id(), item.changeKey()));
        }
        return results;
      }
    }

    @Override
    public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        List<ItemResult> results = new ArrayList<>();
        for (ItemUpdate u : updates) {
          ItemUpdate.requireWritableFieldsOf(kind, u.values().keySet());
          if (kind == ItemKind.EVENT) {
            results.add(InMemoryCalendarWrites.update(s, u));
            continue;
          }
          ExchangeItem old = s.items.get(u.id());
          if (old == null || old.kind() != kind) {
            results.add(ItemResult.failed(MailboxError.ITEM_NOT_FOUND, "The item " + u.id() + " is no longer in " + smtp + "."));
            continue;
          }
          if (u.expectedChangeKey().filter(k -> !k.equals(old.changeKey())).isPresent()) {
            results.add(ItemResult.failed(MailboxError.CONFLICT, "The item " + u.id() + " changed in Exchange since it was read."));
            continue;
          }
          Map<ExchangeField, String> merged = new HashMap<>(old.values());
          merged.putAll(u.values());
          Optional<String> problem = problem(kind, merged);
          if (problem.isPresent()) {
            results.add(ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, problem.get()));
            continue;
          }
          if (merged.equals(old.values()) && (u.salesforceId().isEmpty() || u.salesforceId().equals(old.salesforceId()))) {
            results.add(ItemResult.written(old.id(), old.changeKey()));
            continue;
          }
          ExchangeItem item = s.put(old.id(), kind, merged, u.salesforceId().or(old::salesforceId));
          results.add(ItemResult.written(item.id(), item.changeKey()));
        }
        return results;
      }
    }

    @Override
    public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        InMemoryStore s = store(smtp);
        List<ItemResult> results = new ArrayList<>();
        for (String id : ids) {
          if (kind == ItemKind.EVENT) {
            results.add(InMemoryCalendarWrites.delete(s, id));
            continue;
          }
          ExchangeItem old = s.items.get(id);
          if (old != null && old.kind() == kind) {
            s.items.remove(id);
            s.record(id, kind);
          }
          results.add(ItemResult.deleted(id));
        }
        return results;
      }
    }

    @Override
    public Optional<String> syncingOrg() throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        return store(smtp).syncingOrg;
      }
    }

    @Override
    public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
      synchronized (InMemoryMailboxes.this) {
        call();
        // Like the extended property on the calendar folder: no item changes, so no change is journaled.
        store(smtp).syncingOrg = orgId.filter(id -> !id.isBlank());
      }
    }

    @Override
    public void close() {
      // nothing to release
    }
  }

  /** Why Exchange would refuse these values, as the EWS test bed does. */
  static Optional<String> problem(ItemKind kind, Map<ExchangeField, String> values) {
    for (Map.Entry<ExchangeField, String> e : values.entrySet()) {
      String v = e.getValue();
      boolean longText = e.getKey() == ExchangeField.NOTES || e.getKey() == ExchangeField.BODY
          || e.getKey() == ExchangeField.ATTENDEES || e.getKey() == ExchangeField.RECURRENCE;
      if (v != null && !longText && v.length() > MAX_TEXT) {
        return Optional.of(e.getKey().apiName() + " is longer than " + MAX_TEXT + " characters");
      }
    }
    if (kind == ItemKind.EVENT) {
      try {
        InMemoryCalendar.stored(values, "check@example.com", "check");
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }
}
