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
 * One Salesforce object in memory, the engine's {@link SalesforceSide} twin for
 * unit tests: owners, visibility, a change sequence for watermarks, deletes, and
 * the validation a real org applies to the object ({@link #contacts()}:
 * {@code LastName} required, 80 characters for names). {@link #person(String)}
 * edits as a user in the UI would. Field filters are evaluated as SOQL would.
 * Thread-safe.
 */
public final class InMemorySalesforce implements SalesforceSide {

  private static final Set<String> NAME_FIELDS = Set.of("FirstName", "LastName", "Title");

  /** What the org does on save: the fields it derives from others, and what it refuses. */
  public interface ObjectRules {
    /** The record as saved, after {@code changed} was written onto it (both without nulls). */
    default Map<String, String> derive(Map<String, String> changed, Map<String, String> after) {
      return after;
    }

    /** Why the org refuses the record: empty, or {@code CODE:message}. */
    Optional<String> problem(Map<String, String> fields);
  }

  /** Contacts, validated as an org validates them. */
  public static InMemorySalesforce contacts() {
    return new InMemorySalesforce("003", new ContactRulesOfTheOrg());
  }

  /** Events, derived and validated as an org does ({@link InMemoryEvents}). */
  public static InMemorySalesforce events() {
    return new InMemorySalesforce("00U", new InMemoryEvents());
  }

  private final String keyPrefix;
  private final ObjectRules rules;

  public InMemorySalesforce(String keyPrefix, ObjectRules rules) {
    this.keyPrefix = keyPrefix;
    this.rules = rules;
  }

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
        Map<String, String> after = new HashMap<>(c.fields);
        fields.forEach((k, v) -> {
          if (v == null) {
            after.remove(k);
          } else {
            after.put(k, v);
          }
        });
        c.fields = new HashMap<>(rules.derive(fields, after));
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
    Map<String, String> given = new HashMap<>();
    fields.forEach((k, v) -> {
      if (v != null) {
        given.put(k, v);
      }
    });
    c.fields = new HashMap<>(rules.derive(given, given));
    c.creationKey = creationKey;
    touch(c);
    c.created = c.modified;
    String id = String.format("%s%012dAAA", keyPrefix, ++idCounter);
    contacts.put(id, c);
    return id;
  }

  private static boolean visible(Stored c, String userId) {
    return c.owner.equals(userId) || c.sharedWith.contains(userId);
  }

  private static boolean inScope(Stored c, Scope scope) {
    boolean owned = scope.allVisible() ? visible(c, scope.repUserId()) : c.owner.equals(scope.repUserId());
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
      case IS_TRUE -> a.equals("true");
      case IS_FALSE -> !a.equals("true");
      case AT_OR_AFTER -> actual != null && !java.time.Instant.parse(actual).isBefore(java.time.Instant.parse(f.value()));
      case AT -> actual != null && java.time.Instant.parse(actual).equals(java.time.Instant.parse(f.value()));
      case AT_ANY -> actual != null && java.util.Arrays.stream(f.value().split(",")).map(java.time.Instant::parse)
          .anyMatch(java.time.Instant.parse(actual)::equals);
    };
  }

  private static SalesforceItem view(String id, Stored c) {
    Map<String, String> fields = new HashMap<>(c.fields);
    fields.put("OwnerId", c.owner); // as a read that asks for it gives it
    return new SalesforceItem(id, fields, c.creationKey, c.lastActivity, c.modified, c.created, c.modified.toString());
  }

  private static final class ContactRulesOfTheOrg implements ObjectRules {
    @Override
    public Optional<String> problem(Map<String, String> fields) {
      return contactProblem(fields);
    }
  }

  private static Optional<String> contactProblem(Map<String, String> fields) {
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

  /**
   * How far back a read from the end of the feed starts, as the real side reads again the two
   * minutes before its newest {@code SystemModstamp} (a long transaction can commit an older
   * stamp): here each change is one second, so the last 120 changes come again, and a pass
   * meets the echoes of its own writes as it does against an org.
   */
  static final long OVERLAP_CHANGES = 120;

  @Override
  public synchronized Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields,
                                           int limit) throws SyncException {
    long from;
    try {
      // "<seq>": the end of a read (read again with the overlap); "<seq>+": a page stopped there (go on after it).
      String saved = watermark.orElse("0");
      from = saved.endsWith("+") ? Long.parseLong(saved.substring(0, saved.length() - 1))
          : Math.max(0, Long.parseLong(saved) - OVERLAP_CHANGES);
    } catch (NumberFormatException e) {
      throw new SyncException("SALESFORCE_BAD_WATERMARK", "The saved Salesforce position is damaged", "Reset Sync for this user.", e);
    }
    // Oldest change first, as the real side reads them (ORDER BY SystemModstamp, Id), a page at a time;
    // deletions since the position all at once, as getDeleted gives them.
    List<Map.Entry<String, Stored>> after = contacts.entrySet().stream().filter(e -> e.getValue().seq > from)
        .sorted(java.util.Comparator.comparingLong(e -> e.getValue().seq)).toList();
    List<String> deleted = after.stream().filter(e -> e.getValue().deleted).map(Map.Entry::getKey).toList();
    Set<String> gone = deleted.isEmpty() || watch.isEmpty() ? Set.of() : watch.among(deleted);
    List<SalesforceItem> changed = new ArrayList<>();
    long position = from;
    int read = 0;
    for (Map.Entry<String, Stored> e : after) {
      Stored c = e.getValue();
      if (c.deleted) {
        continue;
      }
      if (read == limit) {
        return new Changes(changed, gone, position + "+", true);
      }
      if (inScope(c, scope)) {
        changed.add(view(e.getKey(), c));
      }
      position = c.seq;
      read++;
    }
    // The end of the feed: everything up to the newest change is covered.
    return new Changes(changed, gone, Long.toString(Math.max(seq, from)), false);
  }

  @Override
  public synchronized List<SalesforceItem> find(Scope scope, List<String> fields) {
    List<SalesforceItem> found = new ArrayList<>();
    contacts.forEach((id, c) -> {
      if (!c.deleted && inScope(c, scope)) {
        found.add(view(id, c));
      }
    });
    return found;
  }

  @Override
  public synchronized List<SalesforceItem> get(String repUserId, List<String> ids, List<String> fields) {
    List<SalesforceItem> found = new ArrayList<>();
    for (String id : ids) {
      Stored c = contacts.get(id);
      if (c != null && !c.deleted && visible(c, repUserId)) {
        found.add(view(id, c));
      }
    }
    return found;
  }

  @Override
  public synchronized Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> fields) {
    Map<String, SalesforceItem> found = new HashMap<>();
    contacts.forEach((id, c) -> {
      if (!c.deleted && c.creationKey != null && keys.contains(c.creationKey)) {
        found.put(c.creationKey, view(id, c));
      }
    });
    return found;
  }

  @Override
  public synchronized List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> fields) {
    Set<String> wanted = new HashSet<>();
    values.forEach(e -> wanted.add(e.toLowerCase(Locale.ROOT)));
    List<SalesforceItem> found = new ArrayList<>();
    contacts.forEach((id, c) -> {
      String value = c.fields.get(field);
      if (!c.deleted && visible(c, repUserId) && value != null && wanted.contains(value.toLowerCase(Locale.ROOT))) {
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
      Map<String, String> given = new HashMap<>();
      records.get(i).forEach((k, v) -> {
        if (v != null) {
          given.put(k, v);
        }
      });
      Optional<String> problem = rules.problem(rules.derive(given, given));
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
  public synchronized List<WriteOutcome> update(List<RecordUpdate> updates) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (RecordUpdate u : updates) {
      Stored c = contacts.get(u.id());
      if (c == null || c.deleted) {
        outcomes.add(WriteOutcome.failed("ENTITY_IS_DELETED", "entity is deleted"));
        continue;
      }
      if (u.expectedVersion().isPresent() && !u.expectedVersion().get().equals(c.modified.toString())) {
        outcomes.add(WriteOutcome.failed(CONFLICT, "The record changed in Salesforce since it was read."));
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
      Map<String, String> derived = rules.derive(u.fields(), after);
      Optional<String> problem = rules.problem(derived);
      if (problem.isPresent()) {
        String[] p = problem.get().split(":", 2);
        outcomes.add(WriteOutcome.failed(p[0], p[1]));
        continue;
      }
      writes++;
      c.fields = new HashMap<>(derived);
      touch(c);
      outcomes.add(WriteOutcome.ok(u.id()));
    }
    return outcomes;
  }

  @Override
  public synchronized List<WriteOutcome> delete(List<String> ids) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (String id : ids) {
      Stored c = contacts.get(id);
      if (c != null && !c.deleted) {
        c.deleted = true;
        touch(c);
        writes++;
      }
      outcomes.add(WriteOutcome.ok(id));
    }
    return outcomes;
  }
}
