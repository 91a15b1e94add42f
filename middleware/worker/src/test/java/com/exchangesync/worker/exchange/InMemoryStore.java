package com.exchangesync.worker.exchange;

import com.exchangesync.worker.exchange.InMemoryCalendar.Series;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One in-memory mailbox: its items (contacts, and calendar singles and masters),
 * its change journal, and its series' changed and cancelled occurrences. Not
 * thread-safe: {@link InMemoryMailboxes} holds its lock around every use.
 */
final class InMemoryStore {

  /** One journal entry: the item changed (or went) at change number {@code seq}. */
  record Entry(long seq, String id, ItemKind kind) {}

  final String smtp;
  final Map<String, ExchangeItem> items = new LinkedHashMap<>();
  final List<Entry> journal = new ArrayList<>();
  /** Each series' changed and cancelled occurrences, by master id. */
  final Map<String, Series> series = new HashMap<>();
  /** The org that marked the mailbox as the one syncing it (on Exchange, a property of the calendar folder). */
  Optional<String> syncingOrg = Optional.empty();
  private final AtomicLong sequence;

  InMemoryStore(String smtp, AtomicLong sequence) {
    this.smtp = smtp;
    this.sequence = sequence;
  }

  void record(String id, ItemKind kind) {
    journal.add(new Entry(sequence.incrementAndGet(), id, kind));
  }

  /** Stores an item as it now is (empty values dropped), with a new change key, and journals it. */
  ExchangeItem put(String id, ItemKind kind, Map<ExchangeField, String> values, Optional<String> salesforceId) {
    Map<ExchangeField, String> clean = new EnumMap<>(ExchangeField.class);
    values.forEach((f, v) -> {
      if (v != null && !v.isEmpty()) {
        clean.put(f, v);
      }
    });
    ExchangeItem item = new ExchangeItem(id, "ck" + (sequence.get() + 1), kind, clean, salesforceId);
    items.put(id, item);
    record(id, kind);
    return item;
  }
}
