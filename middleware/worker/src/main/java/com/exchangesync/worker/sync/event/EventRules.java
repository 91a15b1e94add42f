package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.KindRules;
import com.exchangesync.worker.sync.SalesforceItem;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Events, as one configuration sets them for one rep. What stays where it is:
 * private events, unless the configuration syncs them ("events marked private on
 * either side stay where they are"), and events that ended before the event
 * filter's start. An unlinked event is the same as one on the other side when
 * its subject (ignoring case) and its start are the same; several candidates go
 * to the lowest id, the same on every worker. New Exchange events are made in
 * the rep's time zone.
 */
public final class EventRules implements KindRules {

  private static final EventTime TIME = new EventTime();
  private static final String PRIVATE = "a private event, and the configuration does not sync private events";

  private final String repUserId;
  private final boolean syncPrivate;
  private final EventWindow window;
  private final ZoneId zone;
  private final PeopleDirectory directory;

  EventRules(String repUserId, boolean syncPrivate, EventWindow window, ZoneId zone, PeopleDirectory directory) {
    this.repUserId = Objects.requireNonNull(repUserId);
    this.syncPrivate = syncPrivate;
    this.window = Objects.requireNonNull(window);
    this.zone = Objects.requireNonNull(zone);
    this.directory = Objects.requireNonNull(directory);
  }

  /** Who is behind attendees' addresses, for this rep's passes. */
  PeopleDirectory directory() {
    return directory;
  }

  @Override
  public ItemKind itemKind() {
    return ItemKind.EVENT;
  }

  @Override
  public List<String> extraSalesforceFields() {
    List<String> fields = new java.util.ArrayList<>(TIME.salesforceFields());
    fields.add("Subject");
    fields.add("IsPrivate");
    fields.add("OwnerId");
    fields.addAll(SeriesPattern.SALESFORCE_FIELDS);
    return fields;
  }

  @Override
  public Optional<String> skip(SalesforceItem record) {
    if (kept(record)) {
      return Optional.of(PRIVATE);
    }
    return outside(TIME.fromSalesforce(record.fields()));
  }

  @Override
  public Optional<String> skip(ExchangeItem item) {
    if (kept(item)) {
      return Optional.of(PRIVATE);
    }
    return outside(TIME.fromExchange(item.values()));
  }

  /** Whether a private event stays where it is (the configuration does not sync private events). */
  boolean kept(SalesforceItem record) {
    return !syncPrivate && Boolean.parseBoolean(record.get("IsPrivate"));
  }

  /** The same for an Exchange item (private or confidential). */
  boolean kept(ExchangeItem item) {
    return !syncPrivate && Privacy.isPrivate(item.values().get(ExchangeField.SENSITIVITY));
  }

  /** Recurring series: their own step, over the window. */
  @Override
  public Optional<com.exchangesync.worker.sync.GroupSync> groups() {
    return Optional.of(new SeriesSync(window, this));
  }

  private Optional<String> outside(String interval) {
    if (interval == null) {
      return Optional.of("an event without a start and an end");
    }
    return window.endsInside(interval) ? Optional.empty()
        : Optional.of("an event that ended before the event filter's start (" + window.firstDay() + ")");
  }

  @Override
  public Optional<String> matchKey(SalesforceItem record) {
    return key(record.get("Subject"), TIME.fromSalesforce(record.fields()));
  }

  @Override
  public Optional<String> matchKey(ExchangeItem item) {
    return key(item.values().get(ExchangeField.SUBJECT), TIME.fromExchange(item.values()));
  }

  private static Optional<String> key(String subject, String interval) {
    if (subject == null || subject.isBlank() || interval == null) {
      return Optional.empty();
    }
    return Optional.of(subject.trim().toLowerCase(Locale.ROOT) + "|" + EventTime.start(interval));
  }

  @Override
  public Optional<Lookup> candidateLookup(ExchangeItem item) {
    String subject = item.values().get(ExchangeField.SUBJECT);
    return subject == null || subject.isBlank() ? Optional.empty() : Optional.of(new Lookup("Subject", subject.trim()));
  }

  @Override
  public Optional<SalesforceItem> choose(List<SalesforceItem> candidates) {
    return candidates.stream().min(Comparator.comparing(SalesforceItem::id));
  }

  /** A meeting's UID names it in every attendee's calendar: one Salesforce event for all the reps who have it. */
  @Override
  public String creationKey(ExchangeItem item) {
    String uid = item.values().get(ExchangeField.ICAL_UID);
    return uid == null || uid.isBlank() ? item.id() : uid;
  }

  /** Only the rep's own event: a meeting another rep brought to Salesforce is theirs, with this rep invited. */
  @Override
  public boolean mayLink(SalesforceItem record) {
    String owner = record.get("OwnerId");
    return owner == null || com.exchangesync.worker.salesforce.SalesforceId.same(owner, repUserId);
  }

  /** Who is behind the attendees' addresses, asked in one go. */
  @Override
  public void prepare(java.util.Collection<ExchangeItem> items) throws com.exchangesync.worker.sync.SyncException {
    java.util.Set<String> emails = new java.util.HashSet<>();
    for (ExchangeItem i : items) {
      emails.addAll(Invitees.attendees(i.values().get(ExchangeField.ATTENDEES)).keySet());
    }
    directory.learn(emails);
  }

  @Override
  public Map<ExchangeField, String> newItemDefaults() {
    return Map.of(ExchangeField.START_TIME_ZONE, zone.getId());
  }
}
