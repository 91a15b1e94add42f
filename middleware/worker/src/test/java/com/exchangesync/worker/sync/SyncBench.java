package com.exchangesync.worker.sync;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.InMemoryMailboxes;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.sync.contact.ContactMapping;
import com.exchangesync.worker.sync.contact.ContactRules;
import com.exchangesync.worker.sync.contact.MatchPreference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Both sides in memory, one rep, and a pass to run: the workbench of the engine's unit tests. */
final class SyncBench {

  static final String ORG = "00D000000000001";
  static final String REP = "005000000000001";
  static final String OTHER = "005000000000002";
  static final String EMAIL = "ann@corp.example.com";

  final InMemoryMailboxes exchange = new InMemoryMailboxes().addMailbox(EMAIL);
  final InMemorySalesforce salesforce = InMemorySalesforce.contacts();
  final InMemorySyncStateStore store = new InMemorySyncStateStore();
  final MutableClock clock = new MutableClock();
  Direction direction = Direction.BOTH;
  Winner winner = Winner.SALESFORCE;
  MatchPreference preference = MatchPreference.MOST_RECENT_ACTIVITY;
  boolean allContacts = false;
  List<FieldFilter> filters = List.of();

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  RepContext context() {
    return new RepContext(new MailboxKey(ORG, REP), EMAIL, new ContactRules(preference), direction, winner,
        new Scope(REP, allContacts, filters), ContactMapping.defaults(), allContacts + " " + filters);
  }

  PassReport sync() throws Exception {
    try (Mailbox mailbox = exchange.open(EMAIL)) {
      return new SyncPass(mailbox, salesforce, store, "worker-1", clock).run(context());
    }
  }

  InMemoryMailboxes.Rep outlook() {
    return exchange.rep(EMAIL);
  }

  InMemorySalesforce.Person ui() {
    return salesforce.person(REP);
  }

  List<ExchangeItem> items() {
    return exchange.items(EMAIL, ItemKind.CONTACT);
  }

  static Map<String, String> sf(String first, String last, String email) {
    Map<String, String> m = new HashMap<>();
    m.put("FirstName", first);
    m.put("LastName", last);
    m.put("Email", email);
    return m;
  }

  static Map<ExchangeField, String> ex(String given, String surname, String email) {
    Map<ExchangeField, String> m = new HashMap<>();
    if (given != null) {
      m.put(ExchangeField.GIVEN_NAME, given);
    }
    if (surname != null) {
      m.put(ExchangeField.SURNAME, surname);
    }
    if (email != null) {
      m.put(ExchangeField.EMAIL, email);
    }
    return m;
  }

  ExchangeItem item(String id) {
    return items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }
}
