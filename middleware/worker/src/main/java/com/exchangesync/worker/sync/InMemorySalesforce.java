package com.exchangesync.worker.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Salesforce contacts in memory, for unit tests of the engine: owners,
 * visibility, a change sequence for watermarks, deletes, and the validation a
 * real org applies to contacts ({@code LastName} required, 80 characters for
 * names). {@link #person(String)} edits as a user in the UI would. Field filters
 * are evaluated as SOQL would. Thread-safe.
 */
public final class InMemorySalesforce implements SalesforceSide {

  private static final Set<String> NAME_FIELDS = Set.of("FirstName", "LastName", "Title");

  private static final class Stored {
    String owner;
    Map<String, String> fields;
    String creationKey;
    Instant created;
    Instant modified;
    Instant lastActivity;
    long seq;
    boolean deleted;
    final Set<String> sharedWith = new HashSet<>();
  }

  private final Map<String, Stored> contacts = new LinkedHashMap<>();
  private long seq;
  private long idCounter;
  private long writes;

  /** Contacts written (created or updated) by the sync. */
  public synchronized long writes() {
    return writes;
  }

  /** Every contact that exists, by id, with its fields. */
  public synchronized Map<String, Map<String, String>> snapshot() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    contacts.forEach((id, c) -> {
      if (!c.deleted) {
        all.put(id, Map.copyOf(c.fields));
      }
    });
    return all;
  }

  /** The owner of a contact. */
  public synchronized String ownerOf(String id) {
    return contacts.get(id).owner;
  }

  /** A person working in Salesforce's UI. */
  public Person person(String userId) {
    return new Person(userId);
  }

  /** Edits made by a person, outside the sync. */
  public final class Person {
    private final String userId;

    private Person(String userId) {
      this.userId = userId;
    }

    /** Creates a contact this person owns; returns its id. */
    public String create(Map<String, String> fields) {
      synchronized (InMemorySalesforce.this) {
        return insert(userId, fields, null);
      }
    }

    /** Changes fields ({@code null} clears). */
    public void edit(String id, Map<String, String> fields) {
      synchronized (InMemorySalesforce.this) {
        Stored c = live(id);
        fields.forEach((k, v) -> {
          if (v == null) {
            c.fields.remove(k);
          } else {
            c.fields.put(k, v);
          }
        });
        touch(c);
      }
    }

    /** Deletes a contact. */
    public void delete(String id) {
      synchronized (InMemorySalesforce.this) {
        Stored c = live(id);
        c.deleted = true;
        touch(c);
      }
    }

    /** Logs an activity on a contact. */
    public void logActivity(String id, Instant when) {
      synchronized (InMemorySalesforce.this) {
        live(id).lastActivity = when;
      }
    }

    /** Shares a contact with another user (who can then see it). */
    public void share(String id, String withUserId) {
      synchronized (InMemorySalesforce.this) {
        live(id).sharedWith.add(withUserId);
      }
    }
  }

  private Stored live(String id) {
    Stored c = contacts.get(id);
    if (c == null || c.deleted) {
      throw new IllegalArgumentException("no contact " + id);
    }
    return c;
  }

  private void touch(Stored c) {
    c.seq = ++seq;
    c.modified = Instant.ofEpochSecond(1_800_000_000L + seq);
  }

  private String insert(String owner, Map<String, String> fields, String creationKey) {
    Stored c = new Stored();
    c.owner = owner;
    c.fields = new HashMap<>();
    fields.forEach((k, v) -> {
      if (v != null) {
        c.fields.put(k, v);
      }
    });
    c.creationKey = creationKey;
    touch(c);
    c.created = c.modified;
    String id = String.format("003%012dAAA", ++idCounter);
    contacts.put(id, c);
    return id;
  }

  private static boolean visible(Stored c, String userId) {
    return c.owner.equals(userId) || c.sharedWith.contains(userId);
  }

  private static boolean inScope(Stored c, ContactScope scope) {
    boolean owned = scope.allContacts() ? visible(c, scope.repUserId()) : c.owner.equals(scope.repUserId());
    return owned && scope.filters().stream().allMatch(f -> passes(c.fields.get(f.field()), f));
  }

  /** A filter as SOQL would evaluate it (text comparisons ignore case, as Salesforce's do). */
  private static boolean passes(String actual, FieldFilter f) {
    String a = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
    String v = f.value().toLowerCase(Locale.ROOT);
    return switch (f.operator()) {
      case EQUALS -> a.equals(v);
      case NOT_EQUALS -> !a.equals(v);
      case STARTS_WITH -> a.startsWith(v);
      case CONTAINS -> a.contains(v);
    };
  }

  private static SalesforceContact view(String id, Stored c) {
    return new SalesforceContact(id, c.fields, c.creationKey, c.lastActivity, c.modified, c.created);
  }

  private static Optional<String> problem(Map<String, String> fields) {
    String last = fields.get("LastName");
    if (last == null || last.isBlank()) {
      return Optional.of("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]");
    }
    for (String f : NAME_FIELDS) {
      String v = fields.get(f);
      if (v != null && v.length() > 80) {
        return Optional.of("STRING_TOO_LONG:" + f + ": data value too large (max length=80)");
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized Changes changedSince(ContactScope scope, Optional<String> watermark, Set<String> watch, List<String> fields)
      throws SyncException {
    long from;
    try {
      from = watermark.map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      throw new SyncException("SALESFORCE_BAD_WATERMARK", "The saved Salesforce position is damaged", "Reset Sync for this user.", e);
    }
    List<SalesforceContact> changed = new ArrayList<>();
    Set<String> gone = new HashSet<>();
    contacts.forEach((id, c) -> {
      if (c.seq <= from) {
        return;
      }
      if (!c.deleted && inScope(c, scope)) {
        changed.add(view(id, c));
      } else if (c.deleted && watch.contains(id)) {
        gone.add(id);
      }
    });
    return new Changes(changed, gone, Long.toString(seq));
  }

  @Override
  public synchronized List<SalesforceContact> get(String repUserId, List<String> ids, List<String> fields) {
    List<SalesforceContact> found = new ArrayList<>();
    for (String id : ids) {
      Stored c = contacts.get(id);
      if (c != null && !c.deleted && visible(c, repUserId)) {
        found.add(view(id, c));
      }
    }
    return found;
  }

  @Override
  public synchronized Map<String, SalesforceContact> byCreationKey(List<String> keys, List<String> fields) {
    Map<String, SalesforceContact> found = new HashMap<>();
    contacts.forEach((id, c) -> {
      if (!c.deleted && c.creationKey != null && keys.contains(c.creationKey)) {
        found.put(c.creationKey, view(id, c));
      }
    });
    return found;
  }

  @Override
  public synchronized List<SalesforceContact> byEmail(String repUserId, Set<String> emails, List<String> fields) {
    Set<String> wanted = new HashSet<>();
    emails.forEach(e -> wanted.add(e.toLowerCase(Locale.ROOT)));
    List<SalesforceContact> found = new ArrayList<>();
    contacts.forEach((id, c) -> {
      String email = c.fields.get("Email");
      if (!c.deleted && visible(c, repUserId) && email != null && wanted.contains(email.toLowerCase(Locale.ROOT))) {
        found.add(view(id, c));
      }
    });
    return found;
  }

  @Override
  public synchronized List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String key = creationKeys.get(i);
      boolean taken = key != null && contacts.values().stream().anyMatch(c -> !c.deleted && key.equals(c.creationKey));
      if (taken) {
        outcomes.add(WriteOutcome.failed("DUPLICATE_VALUE", "duplicate value found: Exchange_Sync_Key__c"));
        continue;
      }
      Optional<String> problem = problem(records.get(i));
      if (problem.isPresent()) {
        String[] p = problem.get().split(":", 2);
        outcomes.add(WriteOutcome.failed(p[0], p[1]));
        continue;
      }
      writes++;
      outcomes.add(WriteOutcome.ok(insert(repUserId, records.get(i), key)));
    }
    return outcomes;
  }

  @Override
  public synchronized List<WriteOutcome> update(List<ContactUpdate> updates) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (ContactUpdate u : updates) {
      Stored c = contacts.get(u.id());
      if (c == null || c.deleted) {
        outcomes.add(WriteOutcome.failed("ENTITY_IS_DELETED", "entity is deleted"));
        continue;
      }
      Map<String, String> after = new HashMap<>(c.fields);
      u.fields().forEach((k, v) -> {
        if (v == null) {
          after.remove(k);
        } else {
          after.put(k, v);
        }
      });
      Optional<String> problem = problem(after);
      if (problem.isPresent()) {
        String[] p = problem.get().split(":", 2);
        outcomes.add(WriteOutcome.failed(p[0], p[1]));
        continue;
      }
      writes++;
      c.fields = after;
      touch(c);
      outcomes.add(WriteOutcome.ok(u.id()));
    }
    return outcomes;
  }
}
