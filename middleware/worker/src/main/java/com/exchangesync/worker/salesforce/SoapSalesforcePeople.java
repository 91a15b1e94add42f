package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.sync.SyncException;
import com.exchangesync.worker.sync.event.Person;
import com.exchangesync.worker.sync.event.SalesforcePeople;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events' invitees over the SOAP API: people by email ({@code Contact},
 * {@code Lead}, active {@code User}; contacts and leads only if the rep can read
 * them), and {@code EventRelation} rows with {@code IsInvitee}. When an address
 * belongs to several people, a user (a colleague) comes first, then a contact,
 * then a lead, then the lowest id, so every worker picks the same one. The row
 * of an event's who ({@code IsParent}) is made an invitee by updating it, as the
 * org requires, and stays when its invitation is dropped.
 */
public final class SoapSalesforcePeople implements SalesforcePeople {

  private static final Logger LOG = LoggerFactory.getLogger(SoapSalesforcePeople.class);
  private static final int CHUNK = 200;
  private static final List<String> PEOPLE = List.of("User", "Contact", "Lead");

  private final SalesforceAdapter adapter;

  public SoapSalesforcePeople(SalesforceAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public Map<String, Person> byEmail(String repUserId, Set<String> emails) throws SyncException {
    Map<String, Person> found = new HashMap<>();
    if (emails.isEmpty()) {
      return found;
    }
    try {
      for (String object : PEOPLE) {
        List<SalesforceRecord> rows = new ArrayList<>();
        for (List<String> chunk : SalesforceAdapter.chunks(new ArrayList<>(emails), CHUNK)) {
          Soql q = Soql.select("Id", "Email", "Name").from(object).where(Soql.in("Email", chunk));
          if (object.equals("User")) {
            q = q.where(Soql.eq("IsActive", true));
          }
          rows.addAll(adapter.queryList(q.orderBy("Id").build()));
        }
        Set<String> readable = object.equals("User") || rows.isEmpty() ? null
            : adapter.readableBy(repUserId, rows.stream().map(SalesforceRecord::id).toList());
        for (SalesforceRecord r : rows) {
          if (r.get("Email") != null && (readable == null || readable.contains(r.id()))) {
            found.putIfAbsent(r.get("Email").trim().toLowerCase(Locale.ROOT), new Person(r.id(), r.get("Email"), r.get("Name")));
          }
        }
      }
      return found;
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public Map<String, List<Person>> invitees(Collection<String> eventIds) throws SyncException {
    Map<String, List<Person>> out = new LinkedHashMap<>();
    if (eventIds.isEmpty()) {
      return out;
    }
    try {
      List<SalesforceRecord> rows = new ArrayList<>();
      for (List<String> chunk : SalesforceAdapter.chunks(new ArrayList<>(eventIds), CHUNK)) {
        rows.addAll(adapter.queryList(Soql.select("Id", "EventId", "RelationId").from("EventRelation")
            .where(Soql.inIds("EventId", chunk)).where(Soql.eq("IsInvitee", true)).orderBy("Id").build()));
      }
      Map<String, Person> people = peopleById(rows.stream().map(r -> r.get("RelationId")).toList());
      for (SalesforceRecord r : rows) {
        Person p = people.get(SalesforceId.require(r.get("RelationId")));
        if (p != null) { // someone without an address cannot be an attendee: left as they are
          out.computeIfAbsent(SalesforceId.require(r.get("EventId")), k -> new ArrayList<>()).add(p);
        }
      }
      out.values().forEach(l -> l.sort(Comparator.comparing(Person::email)));
      return out;
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private Map<String, Person> peopleById(List<String> ids) throws SalesforceException {
    Map<String, List<String>> byObject = new HashMap<>();
    for (String id : new HashSet<>(ids)) {
      String object = switch (id.substring(0, 3)) {
        case "005" -> "User";
        case "003" -> "Contact";
        case "00Q" -> "Lead";
        default -> null;
      };
      if (object != null) {
        byObject.computeIfAbsent(object, k -> new ArrayList<>()).add(id);
      }
    }
    Map<String, Person> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : byObject.entrySet()) {
      for (List<String> chunk : SalesforceAdapter.chunks(e.getValue(), CHUNK)) {
        for (SalesforceRecord r : adapter.queryList(Soql.select("Id", "Email", "Name").from(e.getKey())
            .where(Soql.inIds("Id", chunk)).build())) {
          if (r.get("Email") != null && !r.get("Email").isBlank()) {
            out.put(SalesforceId.require(r.id()), new Person(SalesforceId.require(r.id()), r.get("Email"), r.get("Name")));
          }
        }
      }
    }
    return out;
  }

  @Override
  public void invite(String eventId, Collection<Person> people) throws SyncException {
    if (people.isEmpty()) {
      return;
    }
    try {
      List<Person> list = List.copyOf(people);
      List<SalesforceRecord> rows = list.stream().map(p -> SalesforceRecord.of("EventRelation", null,
          Map.of("EventId", eventId, "RelationId", p.id(), "IsInvitee", "true"))).toList();
      List<WriteResult> results = adapter.create(rows);
      List<String> already = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        WriteResult r = results.get(i);
        if (!r.success() && "DUPLICATE_VALUE".equals(r.statusCode())) {
          already.add(list.get(i).id()); // the event's who: its row is made an invitee instead
        } else if (!r.success()) {
          LOG.warn("Salesforce refused to invite {} to event {}: {}", list.get(i).email(), eventId, r.statusCode());
        }
      }
      if (!already.isEmpty()) {
        List<SalesforceRecord> updates = new ArrayList<>();
        for (SalesforceRecord row : rowsOf(eventId, already)) {
          updates.add(SalesforceRecord.of("EventRelation", row.id(), Map.of("IsInvitee", "true")));
        }
        adapter.update(updates);
      }
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public void uninvite(String eventId, Collection<Person> people) throws SyncException {
    if (people.isEmpty()) {
      return;
    }
    try {
      List<String> delete = new ArrayList<>();
      List<SalesforceRecord> keep = new ArrayList<>();
      for (SalesforceRecord row : rowsOf(eventId, people.stream().map(Person::id).toList())) {
        if (row.bool("IsParent") || row.bool("IsWhat")) {
          keep.add(SalesforceRecord.of("EventRelation", row.id(), Map.of("IsInvitee", "false")));
        } else {
          delete.add(row.id());
        }
      }
      if (!delete.isEmpty()) {
        adapter.delete(delete);
      }
      if (!keep.isEmpty()) {
        adapter.update(keep);
      }
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private List<SalesforceRecord> rowsOf(String eventId, List<String> relationIds) throws SalesforceException {
    return adapter.queryList(Soql.select("Id", "RelationId", "IsParent", "IsWhat", "IsInvitee").from("EventRelation")
        .where(Soql.eqId("EventId", eventId)).where(Soql.inIds("RelationId", relationIds)).build());
  }

  private static SyncException failure(SalesforceException e) {
    return new SyncException("SALESFORCE_" + (e.code() == null ? "UNAVAILABLE" : e.code()), e.getMessage(),
        "Check that the integration user can read contacts, leads and users and edit events; the next cycle tries again.", e);
  }
}
