package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.sync.ContactScope;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.SalesforceContact;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.SyncException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's Salesforce side over the SOAP adapter. Scope "Selected Contacts"
 * is {@code OwnerId = rep}; "All Contacts" is every changed contact that
 * {@code UserRecordAccess} says the rep can read (record access as the rep has
 * it, not as the integration user has it). The watermark is the newest
 * {@code SystemModstamp} applied; each read goes back two minutes before it,
 * because a record saved in a long transaction can carry a stamp older than one
 * already read, and re-reading a record whose content is agreed writes nothing.
 */
public final class SoapSalesforceContacts implements SalesforceSide {

  /** How far each read reaches back before the watermark. */
  static final Duration OVERLAP = Duration.ofMinutes(2);
  /** Values per IN list: 200 creation keys of ~150 characters stay far below SOQL's 100,000-character limit. */
  private static final int KEY_CHUNK = 200;
  private static final String CONTACT = "Contact";
  private static final String KEY = "Exchange_Sync_Key__c";
  private static final List<String> ALWAYS = List.of("Id", "OwnerId", "Email", "SystemModstamp", "LastModifiedDate",
      "CreatedDate", "LastActivityDate", KEY);

  private final SalesforceAdapter adapter;

  public SoapSalesforceContacts(SalesforceAdapter adapter) {
    this.adapter = adapter;
  }

  private static List<String> fields(List<String> mapped) {
    Set<String> all = new LinkedHashSet<>(ALWAYS);
    all.addAll(mapped);
    return List.copyOf(all);
  }

  private static SalesforceContact contact(SalesforceRecord r, List<String> mapped) {
    Map<String, String> values = new HashMap<>();
    for (String f : mapped) {
      values.put(f, r.get(f));
    }
    Instant modified = Optional.ofNullable(r.instant("LastModifiedDate")).orElse(Instant.EPOCH);
    Instant created = Optional.ofNullable(r.instant("CreatedDate")).orElse(modified);
    String activity = r.get("LastActivityDate");
    Instant lastActivity = activity == null || activity.isEmpty() ? null
        : (activity.length() == 10 ? Instant.parse(activity + "T00:00:00Z") : r.instant("LastActivityDate"));
    return new SalesforceContact(r.id(), values, r.get(KEY), lastActivity, modified, created);
  }

  private static SyncException failure(SalesforceException e) {
    return new SyncException("SALESFORCE_" + (e.code() == null ? "UNAVAILABLE" : e.code()), e.getMessage(),
        "Check that the integration user can log in and has the Exchange_Sync_Integration permission set; "
            + "the next cycle tries again.", e);
  }

  private static Soql.Condition filter(FieldFilter f) {
    return switch (f.operator()) {
      case EQUALS -> Soql.eq(f.field(), f.value());
      case NOT_EQUALS -> Soql.notEq(f.field(), f.value());
      case STARTS_WITH -> Soql.like(f.field(), f.value(), true);
      case CONTAINS -> Soql.like(f.field(), f.value(), false);
    };
  }

  @Override
  public Changes changedSince(ContactScope scope, Optional<String> watermark, Set<String> watch, List<String> mapped)
      throws SyncException {
    try {
      Instant since = watermark.map(Instant::parse).orElse(Instant.EPOCH);
      Instant from = since.equals(Instant.EPOCH) ? since : since.minus(OVERLAP);
      List<String> fields = fields(mapped);
      Map<String, SalesforceContact> changed = new LinkedHashMap<>();
      Instant[] newest = {since};
      Soql query = adapter.select(CONTACT, fields).where(Soql.after("SystemModstamp", from));
      if (!scope.allContacts()) {
        query = query.where(Soql.eqId("OwnerId", scope.repUserId()));
      }
      for (FieldFilter f : scope.filters()) {
        query = query.where(filter(new FieldFilter(adapter.api(f.field()), f.operator(), f.value())));
      }
      List<SalesforceRecord> candidates = new ArrayList<>();
      adapter.query(query.orderBy("SystemModstamp", "Id").build(), false, candidates::addAll);
      Set<String> readable = scope.allContacts()
          ? adapter.readableBy(scope.repUserId(), candidates.stream().map(SalesforceRecord::id).toList())
          : null;
      for (SalesforceRecord r : candidates) {
        stamp(r, newest);
        if (readable == null || readable.contains(r.id())) {
          changed.put(r.id(), contact(r, mapped));
        }
      }
      // A linked contact that left the scope (new owner, lost visibility) is not read here: its
      // Salesforce changes stop reaching the mailbox, as for any contact out of scope, while the
      // rep's Exchange edits still reach it (the pass reads it by id). Reading every linked
      // contact's changes would mean an org-wide query per rep and cycle.
      Set<String> gone = new HashSet<>();
      if (!watch.isEmpty() && !since.equals(Instant.EPOCH)) {
        DeletedRecords deleted = adapter.deletedSince(CONTACT, from);
        Set<String> deletedIds = new HashSet<>(deleted.ids());
        if (!deleted.complete()) {
          // Older than getDeleted's window: ask about the linked records one by one instead.
          deletedIds.addAll(adapter.deletedAmong(CONTACT, watch));
        }
        watch.stream().filter(deletedIds::contains).forEach(gone::add);
      }
      return new Changes(List.copyOf(changed.values()), gone, newest[0].toString());
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private static void stamp(SalesforceRecord r, Instant[] newest) {
    Instant stamp = r.instant("SystemModstamp");
    if (stamp != null && stamp.isAfter(newest[0])) {
      newest[0] = stamp;
    }
  }

  @Override
  public List<SalesforceContact> get(String repUserId, List<String> ids, List<String> mapped) throws SyncException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try {
      List<SalesforceRecord> found = adapter.retrieve(CONTACT, fields(mapped), ids);
      Set<String> visible = found.isEmpty() ? Set.of()
          : adapter.readableBy(repUserId, found.stream().map(SalesforceRecord::id).toList());
      return found.stream().filter(r -> visible.contains(r.id())).map(r -> contact(r, mapped)).toList();
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public Map<String, SalesforceContact> byCreationKey(List<String> keys, List<String> mapped) throws SyncException {
    Map<String, SalesforceContact> found = new HashMap<>();
    try {
      for (List<String> chunk : chunks(keys, KEY_CHUNK)) {
        for (SalesforceRecord r : adapter.queryList(adapter.select(CONTACT, fields(mapped))
            .where(Soql.in(adapter.api(KEY), chunk)).build())) {
          found.put(r.get(KEY), contact(r, mapped));
        }
      }
    } catch (SalesforceException e) {
      throw failure(e);
    }
    return found;
  }

  @Override
  public List<SalesforceContact> byEmail(String repUserId, Set<String> emails, List<String> mapped) throws SyncException {
    List<SalesforceRecord> candidates = new ArrayList<>();
    try {
      for (List<String> chunk : chunks(List.copyOf(emails), KEY_CHUNK)) {
        candidates.addAll(adapter.queryList(adapter.select(CONTACT, fields(mapped)).where(Soql.in("Email", chunk)).build()));
      }
      if (candidates.isEmpty()) {
        return List.of();
      }
      Set<String> visible = adapter.readableBy(repUserId, candidates.stream().map(SalesforceRecord::id).toList());
      return candidates.stream().filter(r -> visible.contains(r.id())).map(r -> contact(r, mapped)).toList();
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys)
      throws SyncException {
    List<SalesforceRecord> toCreate = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, String> fields = new LinkedHashMap<>(records.get(i));
      fields.put("OwnerId", repUserId);
      fields.put(KEY, creationKeys.get(i));
      toCreate.add(SalesforceRecord.of(CONTACT, null, fields));
    }
    try {
      return outcomes(adapter.create(toCreate));
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public List<WriteOutcome> update(List<ContactUpdate> updates) throws SyncException {
    try {
      return outcomes(adapter.update(updates.stream().map(u -> SalesforceRecord.of(CONTACT, u.id(), u.fields())).toList()));
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private static List<WriteOutcome> outcomes(List<WriteResult> results) {
    return results.stream().map(r -> r.success() ? WriteOutcome.ok(r.id())
        : WriteOutcome.failed(r.statusCode(), r.errors().isEmpty() ? "" : r.errors().get(0).message())).toList();
  }

  private static <T> List<List<T>> chunks(Collection<T> all, int size) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      chunks.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return chunks;
  }
}
