package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.LinkedIds;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.Scope;
import com.exchangesync.worker.sync.SyncException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's Salesforce side over the SOAP adapter, for one object (contacts,
 * events). A scope of owned records is {@code OwnerId = rep}; a scope of visible
 * records ("All Contacts") is every changed record that {@code UserRecordAccess}
 * says the rep can read (record access as the rep has it, not as the integration
 * user has it). The watermark is a {@link FeedPosition}: at the end of a read
 * the newest {@code SystemModstamp} applied, and each read goes back two minutes
 * before it, because a record saved in a long transaction can carry a stamp older
 * than one already read, and re-reading a record whose content is agreed writes
 * nothing; after a page that stopped at its limit, the exact place it stopped.
 */
public final class SoapSalesforceRecords implements SalesforceSide {

  /** How far each read reaches back before the watermark. */
  static final Duration OVERLAP = Duration.ofMinutes(2);
  /**
   * Characters per IN list of creation keys or match values: with the field list and the rest of the statement
   * (a few thousand characters even with an admin's mappings) far below SOQL's 100,000-character limit. A page's
   * emails (up to 2,000 of them, 80 characters at most) then take one or two queries, not ten.
   */
  static final int IN_LIST_CHARS = 60_000;

  private final SalesforceAdapter adapter;
  private final SalesforceObject object;
  private final String type;
  private final String key;

  public SoapSalesforceRecords(SalesforceAdapter adapter, SalesforceObject object) {
    this.adapter = adapter;
    this.object = object;
    this.type = object.name();
    this.key = object.creationKeyField();
  }

  private List<String> fields(List<String> mapped) {
    Set<String> all = new LinkedHashSet<>(object.alwaysRead());
    all.add(key);
    mapped.stream().filter(FieldMap::queried).forEach(all::add);
    return List.copyOf(all);
  }

  private SalesforceItem item(SalesforceRecord r, List<String> mapped) {
    Map<String, String> values = new HashMap<>();
    for (String f : mapped) {
      values.put(f, r.get(f));
    }
    Instant modified = Optional.ofNullable(r.instant("LastModifiedDate")).orElse(Instant.EPOCH);
    Instant created = Optional.ofNullable(r.instant("CreatedDate")).orElse(modified);
    String activity = object.lastActivityField() == null ? null : r.get(object.lastActivityField());
    Instant lastActivity = activity == null || activity.isEmpty() ? null
        : (activity.length() == 10 ? Instant.parse(activity + "T00:00:00Z") : r.instant(object.lastActivityField()));
    return new SalesforceItem(r.id(), values, r.get(key), lastActivity, modified, created, r.get("SystemModstamp"));
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
      case IS_TRUE -> Soql.eq(f.field(), true);
      case IS_FALSE -> Soql.eq(f.field(), false);
      case AT_OR_AFTER -> Soql.atOrAfter(f.field(), Instant.parse(f.value()));
      case AT -> Soql.at(f.field(), Instant.parse(f.value()));
      case AT_ANY -> Soql.or(java.util.Arrays.stream(f.value().split(",")).map(v -> Soql.at(f.field(), Instant.parse(v)))
          .toArray(Soql.Condition[]::new));
    };
  }

  @Override
  public Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> mapped, int limit)
      throws SyncException {
    FeedPosition at;
    try {
      at = FeedPosition.parse(watermark);
    } catch (IllegalArgumentException e) {
      throw new SyncException("SALESFORCE_BAD_WATERMARK", "The saved Salesforce position is damaged: " + e.getMessage(),
          "Reset Sync for this user: the next cycle then reads and matches everything again.", e);
    }
    return feed(scope, at, watch, mapped, limit, Optional.empty(), null);
  }

  /**
   * The rep's first read with the lookups in one statement: {@code WHERE (the feed's conditions) OR (the lookups)}.
   * What it brings is told apart on each record: the rep's own records meeting the scope are the feed, as the
   * first read alone brings them; those made from the keys or holding a value are what {@link
   * #byCreationKeyOrValues} would find (both where a record is both). Asked so only for a scope of owned records
   * whose conditions are judged on a record ({@link ScopeConditions}) and lookups that fit one {@code IN}'s
   * length; and answered only by a read that was whole, since a later page could hold more candidates.
   */
  @Override
  public FirstRead firstRead(Scope scope, LinkedIds watch, List<String> mapped, int limit, Lookups lookups)
      throws SyncException {
    Optional<LookupRead> lookup = scope.allVisible() || !ScopeConditions.judged(scope.filters()) ? Optional.empty()
        : LookupRead.of(key, lookups.keys(), lookups.field(), lookups.values(), IN_LIST_CHARS);
    if (lookup.isEmpty()) {
      return SalesforceSide.super.firstRead(scope, watch, mapped, limit, lookups);
    }
    List<SalesforceRecord> read = new ArrayList<>();
    Changes changes = feed(scope, FeedPosition.START, watch, mapped, limit, lookup, read);
    if (changes.more()) {
      return new FirstRead(changes, Optional.empty());
    }
    try {
      return new FirstRead(changes, Optional.of(candidates(lookup.get().found(read), scope.repUserId(), mapped)));
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  /**
   * Reads the feed from {@code at}. With {@code lookup}, the statement asks for its records too, every record it
   * brings goes to {@code read}, and only the rep's records meeting the scope are the feed's.
   */
  private Changes feed(Scope scope, FeedPosition at, LinkedIds watch, List<String> mapped, int limit,
                       Optional<LookupRead> lookup, List<SalesforceRecord> read) throws SyncException {
    try {
      Instant from = at.readFrom(OVERLAP);
      // The org's feed tells whether anything of the rep's changed: a quiet rep asks Salesforce nothing, and
      // every rep's watermark moves on with the feed, so a rep whose records stop changing is quiet from the
      // next cycle on.
      Optional<OrgChanges.Answer> org = scope.allVisible() || at.isStart() || at.midFeed() ? Optional.empty()
          : adapter.orgChanges(type, scope.repUserId(), from);
      if (org.isPresent() && org.get().quiet()) {
        Set<String> gone = watch.isEmpty() ? Set.of() : gone(watch, from);
        Instant moved = org.get().newest().isAfter(at.stamp()) ? org.get().newest() : at.stamp();
        return new Changes(List.of(), gone, FeedPosition.end(moved).encode(), false);
      }
      // A first read covers every record committed before it: a rep with none of this kind then has a watermark
      // all the same (the start's would read everything again at every cycle, and never count as quiet).
      Instant covered = at.isStart() ? adapter.serverNow().minus(OVERLAP) : Instant.EPOCH;
      Set<String> fields = new LinkedHashSet<>(fields(mapped));
      List<Soql.Condition> conditions = new ArrayList<>();
      conditions.add(at.midFeed()
          ? Soql.or(Soql.after("SystemModstamp", at.stamp()),
              Soql.and(Soql.at("SystemModstamp", at.stamp()), Soql.afterId("Id", at.lastId())))
          : Soql.after("SystemModstamp", from));
      if (!scope.allVisible()) {
        conditions.add(Soql.eqId("OwnerId", scope.repUserId()));
      }
      for (FieldFilter f : scope.filters()) {
        conditions.add(filter(new FieldFilter(adapter.api(f.field()), f.operator(), f.value())));
      }
      Soql query;
      if (lookup.isPresent()) {
        // What tells the two apart is read with every record.
        fields.add("OwnerId");
        scope.filters().forEach(f -> fields.add(f.field()));
        fields.addAll(lookup.get().fields());
        query = adapter.select(type, List.copyOf(fields)).where(Soql.or(Soql.and(conditions.toArray(Soql.Condition[]::new)),
            lookup.get().condition(adapter)));
      } else {
        query = adapter.select(type, List.copyOf(fields));
        for (Soql.Condition c : conditions) {
          query = query.where(c);
        }
      }
      query = query.orderBy("SystemModstamp", "Id");
      boolean paged = limit < Integer.MAX_VALUE;
      if (paged) {
        query = query.limit(limit);
      }
      List<SalesforceRecord> candidates = new ArrayList<>();
      adapter.query(query.build(), false, candidates::addAll);
      Set<String> readable = scope.allVisible()
          ? adapter.readableBy(scope.repUserId(), candidates.stream().map(SalesforceRecord::id).toList())
          : null;
      Map<String, SalesforceItem> changed = new LinkedHashMap<>();
      Instant[] newest = {at.stamp()};
      for (SalesforceRecord r : candidates) {
        if (lookup.isPresent()) {
          read.add(r);
          if (!SalesforceId.same(r.get("OwnerId"), scope.repUserId()) || !ScopeConditions.hold(r, scope.filters())) {
            continue; // brought by the lookups alone
          }
        }
        stamp(r, newest);
        if (readable == null || readable.contains(r.id())) {
          changed.put(r.id(), item(r, mapped));
        }
      }
      // A linked contact that left the scope (new owner, lost visibility) is not read here: its
      // Salesforce changes stop reaching the mailbox, as for any contact out of scope, while the
      // rep's Exchange edits still reach it (the pass reads it by id). Reading every linked
      // contact's changes would mean an org-wide query per rep and cycle.
      // From a mid-feed position too: the deletions since the interrupted pass began are then asked about again.
      // From the start (a first read, or a position of another direction or settings) no window of deletions
      // covers the links: each linked record is asked about, so one deleted meanwhile is not left linked.
      Set<String> gone = watch.isEmpty() ? Set.of() : at.isStart() ? goneAmongLinked(watch) : gone(watch, from);
      // A page's end is its last record's place in the order, whichever part of the statement brought it: every
      // record of the feed before it was in the page.
      boolean more = paged && candidates.size() >= limit;
      String position = more
          ? FeedPosition.midFeed(candidates.getLast().instant("SystemModstamp"), candidates.getLast().id()).encode()
          : FeedPosition.end(latest(latest(newest[0], covered), org.map(OrgChanges.Answer::newest).orElse(Instant.EPOCH)))
              .encode();
      return new Changes(List.copyOf(changed.values()), gone, position, more);
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  /** Which linked records are deleted, asked about one by one (a read from the start has no window to ask about). */
  private Set<String> goneAmongLinked(LinkedIds watch) throws SalesforceException {
    return linkedAmong(watch, deletedAmongLinked(watch));
  }

  /** Which linked records were deleted since {@code from}. */
  private Set<String> gone(LinkedIds watch, Instant from) throws SalesforceException {
    DeletedRecords deleted = adapter.deletedSince(type, from);
    Set<String> deletedIds = new HashSet<>(deleted.ids());
    if (!deleted.complete()) {
      // Older than getDeleted's window: ask about the linked records one by one instead.
      deletedIds.addAll(deletedAmongLinked(watch));
    }
    return linkedAmong(watch, deletedIds);
  }

  /** The deleted among the linked records (a kind's own keys among the links, such as a series pair's, are not record ids). */
  private Set<String> deletedAmongLinked(LinkedIds watch) throws SalesforceException {
    return adapter.deletedAmong(type, watch.all().stream().filter(SalesforceId::isWellFormed).toList());
  }

  private static Set<String> linkedAmong(LinkedIds watch, Set<String> deleted) {
    return deleted.isEmpty() ? Set.of() : watch.among(deleted);
  }

  @Override
  public List<SalesforceItem> find(Scope scope, List<String> mapped) throws SyncException {
    try {
      List<String> fields = fields(mapped);
      Soql query = adapter.select(type, fields);
      if (!scope.allVisible()) {
        query = query.where(Soql.eqId("OwnerId", scope.repUserId()));
      }
      for (FieldFilter f : scope.filters()) {
        query = query.where(filter(new FieldFilter(adapter.api(f.field()), f.operator(), f.value())));
      }
      List<SalesforceRecord> found = new ArrayList<>();
      adapter.query(query.orderBy("Id").build(), false, found::addAll);
      Set<String> readable = scope.allVisible() && !found.isEmpty()
          ? adapter.readableBy(scope.repUserId(), found.stream().map(SalesforceRecord::id).toList()) : null;
      return found.stream().filter(r -> readable == null || readable.contains(r.id())).map(r -> item(r, mapped)).toList();
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void stamp(SalesforceRecord r, Instant[] newest) {
    Instant stamp = r.instant("SystemModstamp");
    if (stamp != null && stamp.isAfter(newest[0])) {
      newest[0] = stamp;
    }
  }

  @Override
  public List<SalesforceItem> get(String repUserId, List<String> ids, List<String> mapped) throws SyncException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try {
      List<SalesforceRecord> found = adapter.retrieve(type, fields(mapped), ids);
      Set<String> visible = found.isEmpty() ? Set.of()
          : adapter.readableBy(repUserId, found.stream().map(SalesforceRecord::id).toList());
      return found.stream().filter(r -> visible.contains(r.id())).map(r -> item(r, mapped)).toList();
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  @Override
  public Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> mapped) throws SyncException {
    Map<String, SalesforceItem> found = new HashMap<>();
    try {
      for (List<String> chunk : Soql.inChunks(keys, IN_LIST_CHARS)) {
        for (SalesforceRecord r : adapter.queryList(adapter.select(type, fields(mapped))
            .where(Soql.in(adapter.api(key), chunk)).build())) {
          found.put(r.get(key), item(r, mapped));
        }
      }
    } catch (SalesforceException e) {
      throw failure(e);
    }
    return found;
  }

  @Override
  public List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> mapped)
      throws SyncException {
    List<SalesforceRecord> candidates = new ArrayList<>();
    try {
      for (List<String> chunk : Soql.inChunks(values, IN_LIST_CHARS)) {
        candidates.addAll(adapter.queryList(adapter.select(type, fields(mapped)).where(Soql.in(adapter.api(field), chunk)).build()));
      }
      return readableBy(repUserId, candidates, mapped);
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  /**
   * One query for both where the two lists together fit one {@code IN}'s length (as a page's usually do), so the
   * statement stays as far below SOQL's limit as each read alone; else one read each, as before.
   */
  @Override
  public Candidates byCreationKeyOrValues(List<String> keys, String repUserId, String field, Set<String> values,
                                          List<String> mapped) throws SyncException {
    Optional<LookupRead> lookup = keys.isEmpty() || values.isEmpty() ? Optional.empty()
        : LookupRead.of(key, keys, field, values, IN_LIST_CHARS);
    if (lookup.isEmpty()) {
      return SalesforceSide.super.byCreationKeyOrValues(keys, repUserId, field, values, mapped);
    }
    try {
      Set<String> fields = new LinkedHashSet<>(fields(mapped));
      fields.addAll(lookup.get().fields());
      List<SalesforceRecord> read = adapter.queryList(adapter.select(type, List.copyOf(fields))
          .where(lookup.get().condition(adapter)).build());
      return candidates(lookup.get().found(read), repUserId, mapped);
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  /** What the lookups found, as the engine takes it: records by key, and the candidates the rep can read. */
  private Candidates candidates(LookupRead.Found found, String repUserId, List<String> mapped)
      throws SalesforceException {
    Map<String, SalesforceItem> byKey = new HashMap<>();
    found.byKey().forEach((k, r) -> byKey.put(k, item(r, mapped)));
    return new Candidates(byKey, readableBy(repUserId, found.candidates(), mapped));
  }

  /** The candidates the rep can read (one {@code UserRecordAccess} query; none for no candidates). */
  private List<SalesforceItem> readableBy(String repUserId, List<SalesforceRecord> candidates, List<String> mapped)
      throws SalesforceException {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> visible = adapter.readableBy(repUserId, candidates.stream().map(SalesforceRecord::id).toList());
    return candidates.stream().filter(r -> visible.contains(r.id())).map(r -> item(r, mapped)).toList();
  }

  @Override
  public List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys)
      throws SyncException {
    List<SalesforceRecord> toCreate = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, String> fields = new LinkedHashMap<>(records.get(i));
      fields.put("OwnerId", repUserId);
      fields.put(key, creationKeys.get(i));
      toCreate.add(SalesforceRecord.of(type, null, fields));
    }
    // With a key on every record, a create whose answer was lost is looked for by key before it is
    // sent again; a keyless one (a series' first occurrence) is sent once, and the next pass finds it.
    boolean keyed = creationKeys.stream().allMatch(k -> k != null && !k.isEmpty());
    try {
      return outcomes(keyed ? adapter.create(key, toCreate) : adapter.create(toCreate));
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  /**
   * Updates; an update with an expected version is written only if the record's
   * {@code SystemModstamp} is still that version (the SOAP API has no conditional
   * update: the stamps are read just before the write, which leaves a window of
   * one call), else refused with {@link #CONFLICT}.
   */
  @Override
  public List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException {
    try {
      Map<String, String> stamps = new HashMap<>();
      List<String> conditional = updates.stream().filter(u -> u.expectedVersion().isPresent()).map(RecordUpdate::id).toList();
      if (!conditional.isEmpty()) {
        adapter.retrieve(type, List.of("Id", "SystemModstamp"), conditional)
            .forEach(r -> stamps.put(SalesforceId.require(r.id()), r.get("SystemModstamp")));
      }
      List<RecordUpdate> send = new ArrayList<>();
      WriteOutcome[] out = new WriteOutcome[updates.size()];
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < updates.size(); i++) {
        RecordUpdate u = updates.get(i);
        String now = stamps.get(SalesforceId.canonical(u.id()).orElse(u.id()));
        if (u.expectedVersion().isPresent() && now != null && !sameStamp(now, u.expectedVersion().get())) {
          out[i] = WriteOutcome.failed(CONFLICT, "The record changed in Salesforce since it was read.");
        } else {
          send.add(u);
          positions.add(i);
        }
      }
      List<WriteOutcome> written = send.isEmpty() ? List.of()
          : outcomes(adapter.update(send.stream().map(u -> SalesforceRecord.of(type, u.id(), u.fields())).toList()));
      for (int k = 0; k < positions.size(); k++) {
        out[positions.get(k)] = written.get(k);
      }
      return List.of(out);
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private static boolean sameStamp(String a, String b) {
    try {
      return Instant.parse(a).equals(Instant.parse(b));
    } catch (java.time.format.DateTimeParseException e) {
      return a.equals(b);
    }
  }

  @Override
  public List<WriteOutcome> delete(List<String> ids) throws SyncException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try {
      List<WriteResult> results = adapter.delete(ids);
      List<WriteOutcome> out = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        WriteResult r = results.get(i);
        boolean gone = !r.success() && ("ENTITY_IS_DELETED".equals(r.statusCode()) || "INVALID_CROSS_REFERENCE_KEY".equals(r.statusCode()));
        out.add(r.success() || gone ? WriteOutcome.ok(ids.get(i))
            : WriteOutcome.failed(r.statusCode(), r.errors().isEmpty() ? "" : r.errors().get(0).message()));
      }
      return out;
    } catch (SalesforceException e) {
      throw failure(e);
    }
  }

  private static List<WriteOutcome> outcomes(List<WriteResult> results) {
    return results.stream().map(r -> r.success() ? WriteOutcome.ok(r.id())
        : WriteOutcome.failed(r.statusCode(), r.errors().isEmpty() ? "" : r.errors().get(0).message())).toList();
  }
}
