package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.LinkedIds;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.Scope;
import com.exchangesync.worker.sync.SyncException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Salesforce events with their invitees: every event read carries its invitees
 * as the computed field {@value Invitees#FIELD} (their addresses, sorted), and a
 * write of that field makes the {@code EventRelation} rows say the same (people
 * added invited, people dropped uninvited). The event itself is read and written
 * by the object's plain side.
 */
final class EventSalesforceSide implements SalesforceSide {

  /** Whether an event has invitees; read with every event, never synced. */
  static final String GROUP_EVENT = "IsGroupEvent";

  private final SalesforceSide events;
  private final SalesforcePeople people;
  private final PeopleDirectory directory;

  EventSalesforceSide(SalesforceSide events, SalesforcePeople people, PeopleDirectory directory) {
    this.events = events;
    this.people = people;
    this.directory = directory;
    directory.use(people);
  }

  /**
   * The whole window's changes in one read, whatever the limit: a Salesforce
   * series' occurrences must be seen together to be paired as one series, and
   * the window (seven months back, fourteen ahead) bounds what there is.
   */
  @Override
  public Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields, int limit)
      throws SyncException {
    Changes c = events.changedSince(scope, watermark, watch, withGroupFlag(fields), Integer.MAX_VALUE);
    return new Changes(withInvitees(c.inScope()), c.gone(), c.watermark(), c.more());
  }

  @Override
  public List<SalesforceItem> find(Scope scope, List<String> fields) throws SyncException {
    return withInvitees(events.find(scope, withGroupFlag(fields)));
  }

  @Override
  public List<SalesforceItem> get(String repUserId, List<String> ids, List<String> fields) throws SyncException {
    return withInvitees(events.get(repUserId, ids, withGroupFlag(fields)));
  }

  @Override
  public Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> fields) throws SyncException {
    Map<String, SalesforceItem> found = events.byCreationKey(keys, withGroupFlag(fields));
    Map<String, SalesforceItem> out = new HashMap<>();
    List<SalesforceItem> enriched = withInvitees(List.copyOf(found.values()));
    enriched.forEach(i -> out.put(i.creationKey(), i));
    return out;
  }

  @Override
  public List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> fields)
      throws SyncException {
    return withInvitees(events.byValues(repUserId, field, values, withGroupFlag(fields)));
  }

  @Override
  public Candidates byCreationKeyOrValues(List<String> keys, String repUserId, String field, Set<String> values,
                                          List<String> fields) throws SyncException {
    return withInvitees(events.byCreationKeyOrValues(keys, repUserId, field, values, withGroupFlag(fields)));
  }

  @Override
  public FirstRead firstRead(Scope scope, LinkedIds watch, List<String> fields, int limit, Lookups lookups)
      throws SyncException {
    FirstRead read = events.firstRead(scope, watch, withGroupFlag(fields), Integer.MAX_VALUE, lookups);
    Changes c = read.changes();
    // The invitees of the feed's records and of the candidates read together.
    if (read.found().isEmpty()) {
      return new FirstRead(new Changes(withInvitees(c.inScope()), c.gone(), c.watermark(), c.more()), Optional.empty());
    }
    Candidates found = read.found().get();
    Map<String, SalesforceItem> enriched = withInvitees(found, c.inScope());
    return new FirstRead(new Changes(c.inScope().stream().map(i -> enriched.getOrDefault(i.id(), i)).toList(), c.gone(),
        c.watermark(), c.more()), Optional.of(enrichedAs(found, enriched)));
  }

  /** Both kinds of finds with their invitees, read together. */
  private Candidates withInvitees(Candidates found) throws SyncException {
    return enrichedAs(found, withInvitees(found, List.of()));
  }

  /** The finds and {@code more} with their invitees, read together, by id. */
  private Map<String, SalesforceItem> withInvitees(Candidates found, List<SalesforceItem> more) throws SyncException {
    List<SalesforceItem> all = new ArrayList<>(more);
    all.addAll(found.byKey().values());
    all.addAll(found.byValue());
    Map<String, SalesforceItem> enriched = new HashMap<>();
    withInvitees(all).forEach(i -> enriched.put(i.id(), i));
    return enriched;
  }

  private static Candidates enrichedAs(Candidates found, Map<String, SalesforceItem> enriched) {
    Map<String, SalesforceItem> byKey = new HashMap<>();
    found.byKey().forEach((k, i) -> byKey.put(k, enriched.getOrDefault(i.id(), i)));
    return new Candidates(byKey, found.byValue().stream().map(i -> enriched.getOrDefault(i.id(), i)).toList());
  }

  @Override
  public List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys)
      throws SyncException {
    List<Map<String, String>> plain = new ArrayList<>();
    records.forEach(r -> plain.add(without(r)));
    List<WriteOutcome> outcomes = events.create(repUserId, plain, creationKeys);
    for (int i = 0; i < records.size(); i++) {
      String wanted = records.get(i).get(Invitees.FIELD);
      if (outcomes.get(i).succeeded() && wanted != null) {
        people.invite(outcomes.get(i).id().orElseThrow(), resolve(Invitees.emails(wanted)));
      }
    }
    return outcomes;
  }

  @Override
  public List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException {
    // Only events with fields of their own to change are written; an invitee change alone writes rows.
    List<RecordUpdate> plain = new ArrayList<>();
    List<Integer> written = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      Map<String, String> own = without(updates.get(i).fields());
      if (!own.isEmpty()) {
        plain.add(new RecordUpdate(updates.get(i).id(), own, updates.get(i).expectedVersion()));
        written.add(i);
      }
    }
    List<WriteOutcome> eventOutcomes = plain.isEmpty() ? List.of() : events.update(plain);
    List<WriteOutcome> outcomes = new ArrayList<>();
    updates.forEach(u -> outcomes.add(WriteOutcome.ok(u.id())));
    for (int k = 0; k < written.size(); k++) {
      outcomes.set(written.get(k), eventOutcomes.get(k));
    }
    List<String> changing = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      if (outcomes.get(i).succeeded() && updates.get(i).fields().containsKey(Invitees.FIELD)) {
        changing.add(updates.get(i).id());
      }
    }
    if (!changing.isEmpty()) {
      Map<String, List<Person>> now = people.invitees(changing);
      for (RecordUpdate u : updates) {
        if (!changing.contains(u.id())) {
          continue;
        }
        Set<String> wanted = new HashSet<>(Invitees.emails(u.fields().get(Invitees.FIELD)));
        List<Person> current = now.getOrDefault(u.id(), List.of());
        List<Person> dropped = current.stream().filter(p -> !wanted.contains(p.email())).toList();
        Set<String> have = new HashSet<>();
        current.forEach(p -> have.add(p.email()));
        List<Person> added = resolve(wanted.stream().filter(e -> !have.contains(e)).toList());
        if (!dropped.isEmpty()) {
          people.uninvite(u.id(), dropped);
        }
        if (!added.isEmpty()) {
          people.invite(u.id(), added);
        }
      }
    }
    return outcomes;
  }

  @Override
  public List<WriteOutcome> delete(List<String> ids) throws SyncException {
    return events.delete(ids);
  }

  private List<Person> resolve(List<String> emails) {
    List<Person> out = new ArrayList<>();
    for (String e : emails) {
      directory.find(e).ifPresent(out::add);
    }
    return out;
  }

  /** The fields to read, with the flag that says whether an event has invitees at all. */
  private static List<String> withGroupFlag(List<String> fields) {
    List<String> read = new ArrayList<>(fields);
    read.add(GROUP_EVENT);
    return read;
  }

  /**
   * The items with their invitees, read only for group events: Salesforce keeps {@value #GROUP_EVENT} true
   * exactly while an event has invitees ({@code GroupEventType} 1, or 2 for a proposed meeting), so most
   * events, which have none, cost no {@code EventRelation} query.
   */
  private List<SalesforceItem> withInvitees(List<SalesforceItem> items) throws SyncException {
    if (items.isEmpty()) {
      return items;
    }
    List<String> groupEvents = items.stream().filter(i -> !"false".equals(i.fields().get(GROUP_EVENT))).map(SalesforceItem::id)
        .toList();
    Map<String, List<Person>> byEvent = groupEvents.isEmpty() ? Map.of() : people.invitees(groupEvents);
    List<SalesforceItem> out = new ArrayList<>();
    for (SalesforceItem i : items) {
      TreeSet<String> emails = new TreeSet<>();
      for (Person p : byEvent.getOrDefault(i.id(), List.of())) {
        directory.remember(p);
        emails.add(p.email());
      }
      Map<String, String> fields = new HashMap<>(i.fields());
      fields.remove(GROUP_EVENT);
      fields.put(Invitees.FIELD, emails.isEmpty() ? null : String.join(",", emails));
      out.add(i.withFields(fields));
    }
    return out;
  }

  private static Map<String, String> without(Map<String, String> fields) {
    Map<String, String> plain = new HashMap<>(fields);
    plain.remove(Invitees.FIELD);
    return plain;
  }
}
