package com.exchangesync.worker.sync.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** People and events' invitees in memory, the {@link SalesforcePeople} twin: everyone is visible to every rep. */
final class InMemoryPeople implements SalesforcePeople {

  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Map<String, Set<String>> invited = new HashMap<>();
  private int writes;

  /** Adds someone Salesforce knows (a contact, lead or user). */
  synchronized Person add(String id, String email, String name) {
    Person p = new Person(id, email, name);
    people.put(id, p);
    return p;
  }

  /** The invitees' addresses of an event, sorted. */
  synchronized List<String> inviteesOf(String eventId) {
    return invited.getOrDefault(eventId, Set.of()).stream().map(id -> people.get(id).email()).sorted().toList();
  }

  /** Invitee rows written by the sync. */
  synchronized int writes() {
    return writes;
  }

  @Override
  public synchronized Map<String, Person> byEmail(String repUserId, Set<String> emails) {
    Map<String, Person> out = new HashMap<>();
    for (Person p : people.values()) {
      if (emails.contains(p.email().toLowerCase(Locale.ROOT))) {
        out.putIfAbsent(p.email(), p);
      }
    }
    return out;
  }

  @Override
  public synchronized Map<String, List<Person>> invitees(Collection<String> eventIds) {
    Map<String, List<Person>> out = new HashMap<>();
    for (String e : eventIds) {
      List<Person> list = new ArrayList<>();
      invited.getOrDefault(e, Set.of()).forEach(id -> list.add(people.get(id)));
      list.sort(Comparator.comparing(Person::email));
      if (!list.isEmpty()) {
        out.put(e, list);
      }
    }
    return out;
  }

  @Override
  public synchronized void invite(String eventId, Collection<Person> toInvite) {
    toInvite.forEach(p -> invited.computeIfAbsent(eventId, k -> new LinkedHashSet<>()).add(p.id()));
    writes += toInvite.size();
  }

  @Override
  public synchronized void uninvite(String eventId, Collection<Person> toDrop) {
    toDrop.forEach(p -> invited.getOrDefault(eventId, new LinkedHashSet<>()).remove(p.id()));
    writes += toDrop.size();
  }
}
