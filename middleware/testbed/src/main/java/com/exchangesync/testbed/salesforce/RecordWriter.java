package com.exchangesync.testbed.salesforce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Creates, updates, upserts and deletes rows as the org does for one API call
 * (or one admin-API edit): each record is checked on its own and fails with
 * the org's status code while the others go on, unless {@code allOrNone},
 * where one failure rolls back the call. Checks: writable fields, values,
 * required fields, unique and external-id values (against the store and the
 * rest of the call), the record's existence, what the type's own
 * {@link ObjectRules} add, and the org's duplicate rules ({@link DuplicateRules}).
 * {@link SaveOptions} carry the call's headers. Saves stamp the audit fields; once a call's rows are
 * stored, the type's rules bring about what the save or delete implies.
 * Callers hold the store's lock.
 */
final class RecordWriter {

  /** A record's fate before commit: the row to store (and the stored row it replaces), or errors. */
  private record Pending(Row row, boolean created, List<SaveError> errors, Row before) {

    Pending(Row row, boolean created, List<SaveError> errors) {
      this(row, created, errors, null);
    }
  }

  private final RecordStore store;
  private final Map<SObjectType, ObjectRules> rules = new HashMap<>();

  RecordWriter(RecordStore store) {
    this.store = store;
  }

  private ObjectRules rules(SObjectType type) {
    return rules.computeIfAbsent(type, t -> ObjectRules.of(t, store));
  }

  List<SaveOutcome> create(List<Change> changes, String actor, SaveOptions options) {
    Instant now = store.now();
    Map<String, Row> batch = new HashMap<>();
    List<Pending> plan = new ArrayList<>();
    for (Change c : changes) {
      plan.add(remember(batch, prepareCreate(c, actor, now, batch, options)));
    }
    return save(plan, options.allOrNone(), actor, now);
  }

  List<SaveOutcome> update(List<Change> changes, String actor, SaveOptions options) {
    Instant now = store.now();
    Map<String, Row> batch = new HashMap<>();
    List<Pending> plan = new ArrayList<>();
    for (Change c : changes) {
      // A record named twice is updated twice, in order, as the API allows.
      plan.add(remember(batch, prepareUpdate(c, actor, now, batch, options)));
    }
    return save(plan, options.allOrNone(), actor, now);
  }

  /** Upsert on {@code key} (an external-id field), or on the record id when {@code key} is null. */
  List<SaveOutcome> upsert(FieldDef key, List<Change> changes, String actor, SaveOptions options) {
    Instant now = store.now();
    String keyName = key == null ? "Id" : key.name();
    Map<String, Integer> seen = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (Change c : changes) {
      Object v = key == null ? c.id : c.values.get(key);
      String k = v == null ? null : normalize(key, v.toString());
      keys.add(k);
      if (k != null) {
        seen.merge(k, 1, Integer::sum);
      }
    }
    Map<String, Row> batch = new HashMap<>();
    List<Pending> plan = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      String k = keys.get(i);
      Pending p;
      if (!c.problems.isEmpty()) {
        p = new Pending(null, false, c.problems);
      } else if (k == null && key != null) {
        p = failed(SaveError.of("MISSING_ARGUMENT", keyName + " not specified", keyName));
      } else if (k != null && seen.get(k) > 1) {
        p = failed(SaveError.of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + (key == null ? c.id : c.values.get(key)),
            keyName));
      } else if (key == null) {
        p = c.id == null ? prepareCreate(c, actor, now, batch, options) : prepareUpdate(c, actor, now, batch, options);
      } else {
        List<Row> matches = store.rowsWhere(c.type, key.name(), RecordStore.Match.UNIQUE, c.values.get(key)).stream()
            .filter(r -> !r.deleted() && normalize(key, r.get(key.name()).toString()).equals(k)).toList();
        if (matches.size() > 1) {
          p = failed(SaveError.of("DUPLICATE_EXTERNAL_ID", c.type.name + ": more than one record found for external id field: "
              + matches.stream().map(r -> r.id).toList(), keyName));
        } else if (matches.size() == 1) {
          p = prepareUpdate(c.withId(matches.get(0).id), actor, now, batch, options);
        } else {
          p = prepareCreate(c, actor, now, batch, options);
        }
      }
      plan.add(remember(batch, p));
    }
    return save(plan, options.allOrNone(), actor, now);
  }

  /** Deletes the rows (master-detail children go with them); a missing id in {@code ids} is a problem passed in {@code problems}. */
  List<SaveOutcome> delete(List<String> ids, Map<Integer, SaveError> problems, boolean allOrNone) {
    Instant now = store.now();
    List<Pending> plan = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      Row row = store.row(id);
      if (problems.containsKey(i)) {
        plan.add(failed(problems.get(i)));
      } else if (SalesforceIds.valid(id) && !seen.add(SalesforceIds.canonical(id))) {
        plan.add(failed(SaveError.of("ENTITY_IS_DELETED", "entity is deleted"))); // deleted earlier in this call
      } else if (!SalesforceIds.valid(id)) {
        plan.add(failed(SaveError.of("MALFORMED_ID", "malformed id " + id)));
      } else if (row == null) {
        plan.add(failed(SaveError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")));
      } else if (row.deleted()) {
        plan.add(failed(SaveError.of("ENTITY_IS_DELETED", "entity is deleted")));
      } else if (!row.type.apiWritable) {
        plan.add(failed(SaveError.notWritable(row.type, "deleted")));
      } else {
        SaveError refusal = rules(row.type).checkDelete(row);
        plan.add(refusal != null ? failed(refusal) : new Pending(RowStamps.deleted(row, now), false, List.of()));
      }
    }
    List<SaveOutcome> out = new ArrayList<>(commit(plan, allOrNone));
    for (int i = 0; i < out.size(); i++) {
      SaveOutcome o = out.get(i);
      if (!o.success() && SalesforceIds.valid(ids.get(i))) {
        out.set(i, SaveOutcome.failed(SalesforceIds.canonical(ids.get(i)), o.errors()));
      }
    }
    for (Pending p : plan) {
      if (p.row() != null && p.errors().isEmpty() && !(allOrNone && out.stream().anyMatch(o -> !o.success()))) {
        cascade(p.row(), now);
        rules(p.row().type).deleted(p.row(), now);
      }
    }
    return out;
  }

  // --- preparation --------------------------------------------------------------------------------

  private Pending prepareCreate(Change c, String actor, Instant now, Map<String, Row> batch, SaveOptions options) {
    if (!c.problems.isEmpty()) {
      return new Pending(null, false, c.problems);
    }
    if (!c.type.apiWritable) {
      return failed(SaveError.notWritable(c.type, "inserted"));
    }
    if (c.id != null) {
      return failed(SaveError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id"));
    }
    List<SaveError> errors = new ArrayList<>(FieldChecks.writable(c, true));
    if (errors.isEmpty()) {
      errors.addAll(FieldChecks.values(c, store, options.allowFieldTruncation()));
    }
    if (!errors.isEmpty()) {
      return new Pending(null, false, errors);
    }
    Row row = new Row(c.type, SalesforceIds.next(c.type.keyPrefix));
    for (FieldDef f : c.type.fields()) {
      if (f.defaultValue() != null) {
        row.values.put(f.name(), f.defaultValue());
      }
    }
    c.values.forEach((f, v) -> row.values.put(f.name(), v));
    if (c.type.field("OwnerId") != null && row.get("OwnerId") == null) {
      row.values.put("OwnerId", actor);
    }
    return finish(null, row, c, actor, now, batch, options);
  }

  private Pending prepareUpdate(Change c, String actor, Instant now, Map<String, Row> batch, SaveOptions options) {
    if (!c.problems.isEmpty()) {
      return new Pending(null, false, c.problems);
    }
    if (c.id == null) {
      return failed(SaveError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
    }
    if (!SalesforceIds.valid(c.id)) {
      return failed(SaveError.of("MALFORMED_ID", "Id: malformed id " + c.id, "Id"));
    }
    Row existing = batch.getOrDefault(SalesforceIds.canonical(c.id), store.row(c.id));
    if (existing == null || existing.type != c.type) {
      return failed(SaveError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
    }
    if (existing.deleted()) {
      return failed(SaveError.of("ENTITY_IS_DELETED", "entity is deleted"));
    }
    if (!c.type.apiWritable) {
      return failed(SaveError.notWritable(c.type, "updated"));
    }
    List<SaveError> errors = new ArrayList<>(FieldChecks.writable(c, false));
    if (errors.isEmpty()) {
      errors.addAll(FieldChecks.values(c, store, options.allowFieldTruncation()));
    }
    if (!errors.isEmpty()) {
      return new Pending(null, false, errors);
    }
    Row row = existing.copy();
    c.values.forEach((f, v) -> row.values.put(f.name(), v));
    return finish(existing, row, c, actor, now, batch, options);
  }

  /** The checks every save ends with; {@code before} is the stored row an update changes (null on create). */
  private Pending finish(Row before, Row row, Change c, String actor, Instant now, Map<String, Row> batch, SaveOptions options) {
    boolean created = before == null;
    List<SaveError> derived = DerivedFields.apply(row, c, created, store);
    if (!derived.isEmpty()) {
      return new Pending(null, false, derived);
    }
    List<String> missing = new ArrayList<>();
    for (FieldDef f : row.type.fields()) {
      if (f.required() && row.get(f.name()) == null && (created || c.values.containsKey(f))) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      return new Pending(null, false, List.of(new SaveError("REQUIRED_FIELD_MISSING",
          "Required fields are missing: " + missing, List.copyOf(missing))));
    }
    SaveError duplicate = duplicate(row, batch);
    if (duplicate != null) {
      return failed(duplicate);
    }
    List<SaveError> own = rules(row.type).check(before, row, c, actor);
    if (!own.isEmpty()) {
      return new Pending(null, false, own);
    }
    SaveError duplicateRecord = store.duplicateRules.check(row, created, actor, options.duplicates(), store);
    if (duplicateRecord != null) {
      return failed(duplicateRecord);
    }
    if (created) {
      RowStamps.created(row, actor, now);
    } else {
      RowStamps.modified(row, actor, now);
    }
    return new Pending(row, created, List.of(), before);
  }

  /** A unique field whose value another live record (stored, or earlier in this call) already has. */
  private SaveError duplicate(Row row, Map<String, Row> batch) {
    for (FieldDef f : row.type.fields()) {
      Object v = row.get(f.name());
      if (!f.unique() || v == null) {
        continue;
      }
      String k = normalize(f, v.toString());
      // The stored rows that have the value, or get it in this call, in creation order; then the call's own rows.
      List<Row> others = new ArrayList<>(store.rowsWhere(row.type, f.name(), RecordStore.Match.UNIQUE, v));
      for (Row pending : batch.values()) {
        Object pendingValue = pending.get(f.name());
        Row stored = pendingValue == null || !normalize(f, pendingValue.toString()).equals(k) ? null : store.row(pending.id);
        if (stored != null && stored.type == row.type && !others.contains(stored)) {
          others.add(stored); // it gets the value in this call: met where the stored rows are
        }
      }
      others.sort(store.creationOrder());
      others.addAll(batch.values());
      for (Row other : others) {
        Row current = batch.getOrDefault(other.id, other);
        if (!current.id.equals(row.id) && !current.deleted() && current.type == row.type && current.get(f.name()) != null
            && normalize(f, current.get(f.name()).toString()).equals(k)) {
          return SaveError.of("DUPLICATE_VALUE", "duplicate value found: " + f.name() + " duplicates value on record with id: "
              + current.id, f.name());
        }
      }
    }
    return null;
  }

  private static String normalize(FieldDef f, String v) {
    return f != null && f.caseSensitive() ? v : v.toLowerCase(Locale.ROOT);
  }

  private static Pending failed(SaveError error) {
    return new Pending(null, false, List.of(error));
  }

  private static Pending remember(Map<String, Row> batch, Pending p) {
    if (p.row() != null) {
      batch.put(p.row().id, p.row());
    }
    return p;
  }

  // --- commit -------------------------------------------------------------------------------------

  /** Commits a create, update or upsert; then each stored row's type brings about what its save implies. */
  private List<SaveOutcome> save(List<Pending> plan, boolean allOrNone, String actor, Instant now) {
    List<SaveOutcome> out = commit(plan, allOrNone);
    for (int i = 0; i < plan.size(); i++) {
      Pending p = plan.get(i);
      if (out.get(i).success()) {
        rules(p.row().type).saved(p.before(), p.row(), actor, now);
      }
    }
    return out;
  }

  private List<SaveOutcome> commit(List<Pending> plan, boolean allOrNone) {
    boolean anyFailed = plan.stream().anyMatch(p -> !p.errors().isEmpty());
    List<SaveOutcome> out = new ArrayList<>();
    for (Pending p : plan) {
      if (!p.errors().isEmpty()) {
        out.add(SaveOutcome.failed(null, p.errors()));
      } else if (allOrNone && anyFailed) {
        out.add(SaveOutcome.failed(null, List.of(SaveError.rolledBack())));
      } else {
        store.put(p.row(), p.created());
        out.add(SaveOutcome.ok(p.row().id, p.created()));
      }
    }
    return out;
  }

  private void cascade(Row parent, Instant now) {
    for (SObjectType t : store.schema.types()) {
      for (FieldDef f : t.fields()) {
        if (!f.masterDetail()) {
          continue;
        }
        for (Row child : store.rowsWhere(t, f.name(), RecordStore.Match.QUERY, parent.id)) {
          if (!child.deleted() && parent.id.equals(child.get(f.name()))) {
            Row gone = RowStamps.deleted(child, now);
            store.put(gone, false);
            cascade(gone, now);
          }
        }
      }
    }
  }
}
