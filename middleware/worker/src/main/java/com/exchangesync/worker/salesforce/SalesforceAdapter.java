package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.errors.ErrorSender;
import com.exchangesync.worker.errors.SyncError;
import com.exchangesync.worker.retry.AnswerLostException;
import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.IError;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.XmlObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;

/**
 * Everything the worker reads from and writes to Salesforce, over force-wsc's
 * partner API through a {@link SalesforceClient} (which handles login, session
 * expiry, throttling and HTTP 503). Callers use logical names
 * ({@code Enabled__c}); this class adds the namespace prefix
 * ({@link SalesforceNames}) and builds every query with {@link Soql}.
 *
 * <p>Limits kept: at most {@value #WRITE_BATCH} records per create, update,
 * upsert or delete call; query pages of up to 2,000 rows followed with
 * {@code queryMore}; at most {@value #ACCESS_CHUNK} ids per
 * {@code UserRecordAccess} or {@code IN} query; at most 2,000 ids per
 * {@code retrieve}. Per-record {@code UNABLE_TO_LOCK_ROW} errors are retried
 * for those records only, with backoff.
 *
 * <p>Every method blocks: run it on a worker thread.
 */
public final class SalesforceAdapter implements ErrorSender {

  /** The most records in one write call. */
  public static final int WRITE_BATCH = 200;
  /** The most ids in one UserRecordAccess or IN query. */
  public static final int ACCESS_CHUNK = 200;
  /** The most ids in one retrieve call. */
  public static final int RETRIEVE_BATCH = 2000;
  /** How far back getDeleted reaches. */
  public static final Duration DELETED_WINDOW = Duration.ofDays(15);

  private static final String LOCKED = "UNABLE_TO_LOCK_ROW";

  private final SalesforceClient client;
  private final SalesforceNames names;
  private final OrgDeletions deletions = new OrgDeletions();
  private final ServerClock serverClock = new ServerClock(this::serverTime);
  private final Map<String, OrgChanges> changes = new java.util.concurrent.ConcurrentHashMap<>();

  /** An adapter over {@code client} for a package installed with {@code names}' namespace. */
  public SalesforceAdapter(SalesforceClient client, SalesforceNames names) {
    this.client = client;
    this.names = names;
  }

  /** The names in use. */
  public SalesforceNames names() {
    return names;
  }

  /** The client underneath (session, metrics). */
  public SalesforceClient client() {
    return client;
  }

  // ---------------------------------------------------------------- session

  @Override
  public String organizationId() throws SalesforceException {
    return client.session().organizationId();
  }

  /** Salesforce's clock, a cheap call that proves the session works. */
  public Instant serverTime() throws SalesforceException {
    return client.call("getServerTimestamp", c -> c.getServerTimestamp()).getTimestamp().toInstant();
  }

  // ---------------------------------------------------------------- reads

  /**
   * Runs a query built with {@link Soql} (API names), handing each page of up
   * to 2,000 records to {@code page} before asking for the next.
   *
   * @param includeDeleted use {@code queryAll} (deleted and archived rows too)
   */
  public void query(String soql, boolean includeDeleted, Consumer<List<SalesforceRecord>> page) throws SalesforceException {
    QueryResult result = includeDeleted
        ? client.call("queryAll", c -> c.queryAll(soql))
        : client.call("query", c -> c.query(soql));
    while (true) {
      page.accept(records(result.getRecords()));
      if (result.isDone() || result.getQueryLocator() == null) {
        return;
      }
      String locator = result.getQueryLocator();
      result = client.call("queryMore", c -> c.queryMore(locator));
    }
  }

  /** All records of a query built with {@link Soql}. */
  public List<SalesforceRecord> queryList(String soql) throws SalesforceException {
    List<SalesforceRecord> all = new ArrayList<>();
    query(soql, false, all::addAll);
    return all;
  }

  /** A SELECT of logical fields from a logical object, names mapped and checked. */
  public Soql select(String object, Collection<String> fields) {
    return Soql.select(fields.stream().map(names::api).toList()).from(names.api(object));
  }

  /** The API name of a logical field, for conditions. */
  public String api(String logical) {
    return names.api(logical);
  }

  /**
   * Records by id (Contact, Event, …), in chunks of 2,000; ids not found are
   * left out.
   */
  public List<SalesforceRecord> retrieve(String object, Collection<String> fields, Collection<String> ids) throws SalesforceException {
    List<SalesforceRecord> found = new ArrayList<>();
    String fieldList = String.join(", ", fields.stream().map(f -> Soql.name(names.api(f))).toList());
    String type = Soql.name(names.api(object));
    for (List<String> chunk : chunks(new ArrayList<>(ids), RETRIEVE_BATCH)) {
      String[] idArray = chunk.stream().map(SalesforceId::require).toArray(String[]::new);
      SObject[] result = client.call("retrieve", c -> c.retrieve(fieldList, type, idArray));
      for (SObject s : result) {
        if (s != null) {
          found.add(record(s));
        }
      }
    }
    return found;
  }

  /**
   * Records of {@code object} whose {@code SystemModstamp} is after
   * {@code watermark}, oldest first (ties by Id), page by page.
   *
   * @return the newest {@code SystemModstamp} seen, or {@code watermark} when nothing changed;
   *     store it only after the pages are applied
   */
  public Instant changedSince(String object, Collection<String> fields, Instant watermark,
                              Consumer<List<SalesforceRecord>> page) throws SalesforceException {
    List<String> withStamp = new ArrayList<>(fields);
    if (!withStamp.contains("SystemModstamp")) {
      withStamp.add("SystemModstamp");
    }
    String soql = select(object, withStamp).where(Soql.after("SystemModstamp", watermark))
        .orderBy("SystemModstamp", "Id").build();
    Instant[] newest = {watermark};
    query(soql, false, records -> {
      for (SalesforceRecord r : records) {
        Instant stamp = r.instant("SystemModstamp");
        if (stamp != null && stamp.isAfter(newest[0])) {
          newest[0] = stamp;
        }
      }
      page.accept(records);
    });
    return newest[0];
  }

  /**
   * Records of {@code object} deleted since {@code since}, from
   * {@code getDeleted}. It is the primary way because it also reports records
   * removed from the recycle bin, which {@code queryAll … IsDeleted = true}
   * cannot see; its window is 15 days, so an older {@code since} (or one before
   * Salesforce's {@code earliestDateAvailable}) gives an incomplete answer that
   * says so. One read serves every rep of a cycle ({@link OrgDeletions}).
   */
  public DeletedRecords deletedSince(String object, Instant since) throws SalesforceException {
    return deletions.since(object, since, this::readDeleted);
  }

  /**
   * A new sync cycle: what was read for the org's reps together is read afresh (its deletions) or read on
   * from where it stood (its changes).
   */
  public void startCycle() {
    deletions.startCycle();
    changes.values().forEach(OrgChanges::refresh);
    serverClock.forget();
  }

  /** Salesforce's time now, or a moment before, without a call each time ({@link ServerClock}). */
  Instant serverNow() throws SalesforceException {
    return serverClock.now();
  }

  /**
   * Whether any of {@code ownerId}'s records of {@code object} changed after {@code from}, from the org's feed of
   * changes shared by every rep ({@link OrgChanges}), and how far the feed read. Empty when the feed cannot tell:
   * the rep then reads its own changes.
   */
  Optional<OrgChanges.Answer> orgChanges(String object, String ownerId, Instant from) throws SalesforceException {
    return changes.computeIfAbsent(object, o -> new OrgChanges(new OrgFeedReader(this, o), serverClock::now))
        .ask(ownerId, from);
  }

  private OrgDeletions.DeletedWindow readDeleted(String object, Instant from) throws SalesforceException {
    Instant now = serverClock.now();
    Instant earliest = now.minus(DELETED_WINDOW).plus(Duration.ofMinutes(1));
    Instant start = from.isBefore(earliest) ? earliest : from;
    // getDeleted wants a window of at least a minute; nothing can be missed by waiting for it.
    Instant end = start.isBefore(now.minus(Duration.ofMinutes(1))) ? now : start.plus(Duration.ofMinutes(1));
    if (!end.equals(now)) {
      return new OrgDeletions.DeletedWindow(from, from, Map.of(), null, false);
    }
    String type = Soql.name(names.api(object));
    GetDeletedResult result;
    try {
      result = client.call("getDeleted", c -> c.getDeleted(type, calendar(start), calendar(now)));
    } catch (SalesforceException e) {
      if (!"INVALID_REPLICATION_DATE".equals(e.code())) {
        throw e;
      }
      return new OrgDeletions.DeletedWindow(start, start, Map.of(), null, true);
    }
    Map<String, Instant> deletedAt = new LinkedHashMap<>();
    if (result.getDeletedRecords() != null) {
      for (DeletedRecord d : result.getDeletedRecords()) {
        deletedAt.put(SalesforceId.require(d.getId()), d.getDeletedDate() == null ? now : d.getDeletedDate().toInstant());
      }
    }
    Instant covered = result.getLatestDateCovered() == null ? now : result.getLatestDateCovered().toInstant();
    Instant earliestAvailable = result.getEarliestDateAvailable() == null ? null : result.getEarliestDateAvailable().toInstant();
    return new OrgDeletions.DeletedWindow(start, covered, deletedAt, earliestAvailable, false);
  }

  /**
   * Which of {@code ids} are deleted (in the recycle bin), through
   * {@code queryAll … WHERE Id IN (…) AND IsDeleted = true}: for checking the
   * records the worker has links for, whatever their age.
   */
  public Set<String> deletedAmong(String object, Collection<String> ids) throws SalesforceException {
    Set<String> deleted = new HashSet<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids), ACCESS_CHUNK)) {
      String soql = select(object, List.of("Id")).where(Soql.inIds("Id", chunk)).where(Soql.eq("IsDeleted", true)).build();
      query(soql, true, page -> page.forEach(r -> deleted.add(r.id())));
    }
    return deleted;
  }

  /**
   * Which of {@code recordIds} the user can read ({@code UserRecordAccess},
   * {@value #ACCESS_CHUNK} ids per query): "all contacts the rep can see".
   */
  public Set<String> readableBy(String userId, Collection<String> recordIds) throws SalesforceException {
    Set<String> readable = new HashSet<>();
    for (List<String> chunk : chunks(new ArrayList<>(recordIds), ACCESS_CHUNK)) {
      String soql = Soql.select("RecordId", "HasReadAccess").from("UserRecordAccess")
          .where(Soql.eqId("UserId", userId)).where(Soql.inIds("RecordId", chunk)).build();
      query(soql, false, page -> {
        for (SalesforceRecord r : page) {
          if (r.bool("HasReadAccess")) {
            readable.add(SalesforceId.require(r.get("RecordId")));
          }
        }
      });
    }
    return readable;
  }

  // ---------------------------------------------------------------- the package's records

  /** The setup row, if the admin has saved one. */
  public Optional<SyncSetup> readSetup() throws SalesforceException {
    List<SalesforceRecord> rows = queryList(select(SalesforceNames.SETUP, List.of("Id", "Enabled__c",
        "Service_Account_Username__c", "Additional_Domains__c", "Exchange_Endpoint__c", "Service_Account_Status__c",
        "Exchange_Type__c", "Tenant_Id__c", "Application_Id__c"))
        .orderBy("CreatedDate", "Id").limit(1).build());
    return rows.stream().findFirst().map(r -> new SyncSetup(r.id(), r.bool("Enabled__c"),
        r.get("Service_Account_Username__c"), domains(r.get("Additional_Domains__c")), r.get("Exchange_Endpoint__c"),
        r.get("Service_Account_Status__c"), SyncSetup.ExchangeType.fromLabel(r.get("Exchange_Type__c")),
        blankAsNull(r.get("Tenant_Id__c")), blankAsNull(r.get("Application_Id__c"))));
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The service account's password from the setup row (the integration user must be allowed to read it). */
  public Optional<Secret> readServiceAccountPassword(String setupId) throws SalesforceException {
    List<SalesforceRecord> rows = queryList(select(SalesforceNames.SETUP, List.of("Id", "Service_Account_Password__c"))
        .where(Soql.eqId("Id", setupId)).build());
    return rows.stream().map(r -> r.get("Service_Account_Password__c")).filter(p -> p != null && !p.isEmpty())
        .findFirst().map(Secret::of);
  }

  /** Every configuration, active or not, by name. */
  public List<SyncConfiguration> readConfigurations() throws SalesforceException {
    List<SyncConfiguration> out = new ArrayList<>();
    for (SalesforceRecord r : queryList(select(SalesforceNames.CONFIGURATION, List.of("Id", "Name", "Active__c",
        "Description__c", "Contact_Sync_Direction__c", "Contact_Conflict_Behavior__c", "Contact_Match_Preference__c",
        "Contact_Scope__c", "Contact_Users_Records__c", "Contact_Filter__c", "Event_Sync_Direction__c",
        "Event_Conflict_Behavior__c", "Sync_Private_Events__c", "Event_Filter__c", "Event_Filter_Days__c"))
        .orderBy("Name", "Id").build())) {
      out.add(new SyncConfiguration(r.id(), r.get("Name"), r.bool("Active__c"), r.get("Description__c"),
          r.get("Contact_Sync_Direction__c"), r.get("Contact_Conflict_Behavior__c"), r.get("Contact_Match_Preference__c"),
          r.get("Contact_Scope__c"), r.bool("Contact_Users_Records__c"), r.get("Contact_Filter__c"),
          r.get("Event_Sync_Direction__c"), r.get("Event_Conflict_Behavior__c"), r.bool("Sync_Private_Events__c"),
          r.get("Event_Filter__c"), wholeNumber(r.get("Event_Filter_Days__c"))));
    }
    return out;
  }

  private static Integer wholeNumber(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return (int) Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every member of every configuration. */
  public List<SyncMember> readMembers() throws SalesforceException {
    List<SyncMember> out = new ArrayList<>();
    for (SalesforceRecord r : queryList(select(SalesforceNames.MEMBER,
        List.of("Id", "Configuration__c", "User__c", "Profile_Id__c", "Member_Type__c")).orderBy("Id").build())) {
      out.add(new SyncMember(r.id(), canonical(r.get("Configuration__c")), canonical(r.get("User__c")),
          canonical(r.get("Profile_Id__c")), r.get("Member_Type__c")));
    }
    return out;
  }

  /** Every field mapping of every configuration. */
  public List<FieldMapping> readFieldMappings() throws SalesforceException {
    List<FieldMapping> out = new ArrayList<>();
    for (SalesforceRecord r : queryList(select(SalesforceNames.FIELD_MAPPING,
        List.of("Id", "Configuration__c", "Object__c", "Salesforce_Field__c", "Exchange_Field__c")).orderBy("Id").build())) {
      out.add(new FieldMapping(r.id(), canonical(r.get("Configuration__c")), r.get("Object__c"),
          r.get("Salesforce_Field__c"), r.get("Exchange_Field__c")));
    }
    return out;
  }

  /** Users by id. */
  public List<SalesforceUser> readUsers(Collection<String> ids) throws SalesforceException {
    List<SalesforceUser> out = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids), ACCESS_CHUNK)) {
      out.addAll(users(Soql.inIds("Id", chunk)));
    }
    return out;
  }

  /** Active users of the given profiles (profile members). */
  public List<SalesforceUser> readUsersOfProfiles(Collection<String> profileIds) throws SalesforceException {
    List<SalesforceUser> out = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(profileIds), ACCESS_CHUNK)) {
      out.addAll(users(Soql.and(Soql.inIds("ProfileId", chunk), Soql.eq("IsActive", true))));
    }
    return out;
  }

  private List<SalesforceUser> users(Soql.Condition where) throws SalesforceException {
    List<SalesforceUser> out = new ArrayList<>();
    for (SalesforceRecord r : queryList(Soql.select("Id", "Username", "Email", "Name", "ProfileId", "IsActive", "TimeZoneSidKey")
        .from("User").where(where).orderBy("Id").build())) {
      out.add(new SalesforceUser(r.id(), r.get("Username"), r.get("Email"), r.get("Name"), canonical(r.get("ProfileId")),
          r.bool("IsActive"), r.get("TimeZoneSidKey")));
    }
    return out;
  }

  /** Profiles by id. */
  public List<SalesforceProfile> readProfiles(Collection<String> ids) throws SalesforceException {
    List<SalesforceProfile> out = new ArrayList<>();
    for (List<String> chunk : chunks(new ArrayList<>(ids), ACCESS_CHUNK)) {
      for (SalesforceRecord r : queryList(Soql.select("Id", "Name").from("Profile").where(Soql.inIds("Id", chunk))
          .orderBy("Id").build())) {
        out.add(new SalesforceProfile(r.id(), r.get("Name")));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Creates records (batches of 200); one result per record, in order. A call whose
   * answer was lost (an HTTP 503 page, a dropped connection: the records may have been
   * saved) is not sent again, since records without a key cannot be looked for: it
   * fails as {@code UNAVAILABLE} with code {@code ANSWER_LOST}.
   */
  public List<WriteResult> create(List<SalesforceRecord> records) throws SalesforceException {
    return sent("create", records, chunk -> {
      try {
        return createOnce(chunk);
      } catch (AnswerLostException e) {
        throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "ANSWER_LOST", e.getMessage()
            + "; not sent again: the records may have been saved", e);
      }
    });
  }

  /**
   * Creates records that each carry a unique creation key in the logical field
   * {@code keyField} (batches of 200); one result per record, in order. A call whose
   * answer was lost is never sent again blindly: the records are looked for by key
   * first, those found are taken as created, and only the others are sent again
   * ({@link KeyedCreates}).
   */
  public List<WriteResult> create(String keyField, List<SalesforceRecord> records) throws SalesforceException {
    KeyedCreates keyed = new KeyedCreates(this, client, keyField);
    return sent("create", records, chunk -> keyed.create(chunk, this::createOnce));
  }

  /** One create call, not repeated when its answer is lost. */
  private List<WriteResult> createOnce(List<SalesforceRecord> chunk) throws SalesforceException, AnswerLostException {
    return checked("create", chunk.size(), client.callNotRepeated("create", c -> save(c.create(sobjects(chunk)))));
  }

  /** Updates records by id (batches of 200); null fields are cleared. */
  public List<WriteResult> update(List<SalesforceRecord> records) throws SalesforceException {
    return batched("update", records, (c, chunk) -> save(c.update(sobjects(chunk))));
  }

  /** Upserts records by the logical external id field {@code externalIdField} (batches of 200). */
  public List<WriteResult> upsert(String externalIdField, List<SalesforceRecord> records) throws SalesforceException {
    String field = Soql.name(names.api(externalIdField));
    return batched("upsert", records, (c, chunk) -> {
      UpsertResult[] results = c.upsert(field, sobjects(chunk));
      List<WriteResult> out = new ArrayList<>();
      for (UpsertResult r : results) {
        out.add(r.isSuccess() ? WriteResult.ok(canonical(r.getId()), r.isCreated()) : WriteResult.failed(errors(r.getErrors())));
      }
      return out;
    });
  }

  /** Deletes records by id (batches of 200). */
  public List<WriteResult> delete(List<String> ids) throws SalesforceException {
    return batched("delete", ids, (c, chunk) -> {
      DeleteResult[] results = c.delete(chunk.stream().map(SalesforceId::require).toArray(String[]::new));
      List<WriteResult> out = new ArrayList<>();
      for (DeleteResult r : results) {
        out.add(r.isSuccess() ? WriteResult.ok(canonical(r.getId()), false) : WriteResult.failed(errors(r.getErrors())));
      }
      return out;
    });
  }

  /**
   * Writes user statuses, upserted by {@code User_Key__c} so that a repeated
   * write updates the same row.
   *
   * @param statuses one record per user with logical field names; each must set {@code User_Key__c}
   */
  public List<WriteResult> writeUserStatuses(List<SalesforceRecord> statuses) throws SalesforceException {
    for (SalesforceRecord s : statuses) {
      if (s.get("User_Key__c") == null) {
        throw new IllegalArgumentException("a user status needs User_Key__c");
      }
    }
    return upsert("User_Key__c", statuses.stream()
        .map(s -> SalesforceRecord.of(SalesforceNames.USER_STATUS, null, s.fields())).toList());
  }

  /**
   * Writes the system status: updates the row {@code rowId} names (the one the caller read), or creates it when
   * the caller found none.
   */
  public WriteResult writeSystemStatus(Optional<String> rowId, Map<String, String> fields) throws SalesforceException {
    SalesforceRecord row = SalesforceRecord.of(SalesforceNames.SYSTEM_STATUS, rowId.orElse(null), fields);
    return (rowId.isEmpty() ? create(List.of(row)) : update(List.of(row))).get(0);
  }

  @Override
  public List<WriteResult> insertErrors(List<SyncError> errors) throws SalesforceException {
    List<SalesforceRecord> rows = new ArrayList<>();
    for (SyncError e : errors) {
      rows.add(SalesforceRecord.of(SalesforceNames.ERROR, null, errorFields(e)));
    }
    return create(rows);
  }

  /**
   * Upserts one row per error key with its count, first and last occurrence and
   * status "Open": an error that keeps happening is one row whose count grows.
   * Entries of one key in the same batch become one write (an upsert may not name
   * one external id twice); each gets that write's result.
   */
  @Override
  public List<WriteResult> writeErrors(List<com.exchangesync.worker.errors.ErrorOutbox.Entry> entries) throws SalesforceException {
    Map<String, com.exchangesync.worker.errors.ErrorOutbox.Entry> latest = new LinkedHashMap<>();
    for (var e : entries) {
      String key = e.key() == null ? com.exchangesync.worker.errors.ErrorKey.of(e.error()) : e.key();
      var previous = latest.get(key);
      if (previous == null || e.occurrences() >= previous.occurrences()) {
        latest.put(key, e);
      }
    }
    List<String> keys = new ArrayList<>(latest.keySet());
    List<SalesforceRecord> rows = new ArrayList<>();
    for (String key : keys) {
      var e = latest.get(key);
      Map<String, String> f = errorFields(e.error());
      f.put("Occurred_At__c", Soql.datetime(e.firstOccurredAt()));
      f.put("Last_Occurred_At__c", Soql.datetime(e.error().occurredAt()));
      f.put("Occurrence_Count__c", Integer.toString(e.occurrences()));
      f.put("Status__c", "Open");
      f.put("Error_Key__c", key);
      rows.add(SalesforceRecord.of(SalesforceNames.ERROR, null, f));
    }
    List<WriteResult> byKey = upsert("Error_Key__c", rows);
    Map<String, WriteResult> resultOf = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      resultOf.put(keys.get(i), byKey.get(i));
    }
    List<WriteResult> results = new ArrayList<>();
    for (var e : entries) {
      results.add(resultOf.get(e.key() == null ? com.exchangesync.worker.errors.ErrorKey.of(e.error()) : e.key()));
    }
    return results;
  }

  private Map<String, String> errorFields(SyncError e) {
    Map<String, String> f = new LinkedHashMap<>();
    putIfSet(f, "User__c", canonicalOrNull(e.userId()));
    putIfSet(f, "Object_Type__c", e.objectType());
    putIfSet(f, "Direction__c", e.direction());
    putIfSet(f, "Salesforce_Record_Id__c", truncate(e.salesforceRecordId(), 18));
    putIfSet(f, "Exchange_Item_Id__c", truncate(e.exchangeItemId(), 255));
    putIfSet(f, "Error_Code__c", truncate(e.code(), 80));
    putIfSet(f, "Error_Message__c", truncate(e.message(), 32_000));
    putIfSet(f, "Suggestion__c", truncate(e.suggestion(), 32_000));
    putIfSet(f, "Occurred_At__c", Soql.datetime(e.occurredAt()));
    putIfSet(f, "Configuration__c", canonicalOrNull(e.configurationId()));
    return f;
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface BatchCall<I> {
    List<WriteResult> apply(PartnerConnection c, List<I> chunk) throws ConnectionException;
  }

  /** Sends one chunk of a write; a result per input, in order. */
  @FunctionalInterface
  private interface ChunkSend<I> {
    List<WriteResult> send(List<I> chunk) throws SalesforceException;
  }

  /** A repeatable write (update, upsert, delete): refused calls and lost answers alike are sent again. */
  private <I> List<WriteResult> batched(String operation, List<I> inputs, BatchCall<I> call) throws SalesforceException {
    return sent(operation, inputs, chunk -> checked(operation, chunk.size(), client.call(operation, c -> call.apply(c, chunk))));
  }

  private <I> List<WriteResult> sent(String operation, List<I> inputs, ChunkSend<I> send) throws SalesforceException {
    List<WriteResult> all = new ArrayList<>(inputs.size());
    for (List<I> chunk : chunks(inputs, WRITE_BATCH)) {
      List<WriteResult> results = new ArrayList<>(send.send(chunk));
      for (int attempt = 1; ; attempt++) {
        List<Integer> locked = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
          if (LOCKED.equals(results.get(i).statusCode())) {
            locked.add(i);
          }
        }
        if (locked.isEmpty() || attempt > client.maxRetries()) {
          break;
        }
        client.countRetry(LOCKED);
        client.pause(attempt);
        List<I> again = locked.stream().map(chunk::get).toList();
        List<WriteResult> retried = send.send(again);
        for (int j = 0; j < locked.size(); j++) {
          results.set(locked.get(j), retried.get(j));
        }
      }
      for (WriteResult r : results) {
        if (!r.success()) {
          client.countError(r.statusCode());
        }
      }
      all.addAll(results);
    }
    return all;
  }

  private static List<WriteResult> checked(String operation, int expected, List<WriteResult> results) throws SalesforceException {
    if (results.size() != expected) {
      throw new SalesforceException(SalesforceException.Kind.FAULT, "PROTOCOL",
          operation + " returned " + results.size() + " results for " + expected + " records", null);
    }
    return results;
  }

  private static List<WriteResult> save(SaveResult[] results) {
    List<WriteResult> out = new ArrayList<>();
    for (SaveResult r : results) {
      out.add(r.isSuccess() ? WriteResult.ok(canonical(r.getId()), true) : WriteResult.failed(errors(r.getErrors())));
    }
    return out;
  }

  private static List<RecordError> errors(IError[] errors) {
    List<RecordError> out = new ArrayList<>();
    if (errors != null) {
      for (IError e : errors) {
        out.add(new RecordError(e.getStatusCode() == null ? "UNKNOWN" : e.getStatusCode().name(), e.getMessage(),
            e.getFields() == null ? List.of() : Arrays.asList(e.getFields())));
      }
    }
    if (out.isEmpty()) {
      out.add(RecordError.of("UNKNOWN", "Salesforce reported a failure without an error"));
    }
    return out;
  }

  private SObject[] sobjects(List<SalesforceRecord> records) {
    SObject[] out = new SObject[records.size()];
    for (int i = 0; i < out.length; i++) {
      SalesforceRecord r = records.get(i);
      SObject s = new SObject(Soql.name(names.api(r.type())));
      if (r.id() != null) {
        s.setId(SalesforceId.require(r.id()));
      }
      List<String> toNull = new ArrayList<>();
      for (Map.Entry<String, String> f : r.fields().entrySet()) {
        if (f.getKey().equals("Id")) {
          continue;
        }
        String api = Soql.name(names.api(f.getKey()));
        if (f.getValue() == null) {
          toNull.add(api);
        } else {
          s.setField(api, f.getValue());
        }
      }
      if (!toNull.isEmpty()) {
        s.setFieldsToNull(toNull.toArray(String[]::new));
      }
      out[i] = s;
    }
    return out;
  }

  private List<SalesforceRecord> records(SObject[] sobjects) {
    List<SalesforceRecord> out = new ArrayList<>();
    if (sobjects != null) {
      for (SObject s : sobjects) {
        out.add(record(s));
      }
    }
    return out;
  }

  private SalesforceRecord record(SObject s) {
    Map<String, String> fields = new LinkedHashMap<>();
    flatten("", s, fields);
    String id = s.getId() != null ? s.getId() : fields.get("Id");
    return new SalesforceRecord(names.logical(s.getType()), canonicalOrNull(id), fields);
  }

  private void flatten(String prefix, XmlObject parent, Map<String, String> into) {
    Iterator<XmlObject> children = parent.getChildren();
    while (children.hasNext()) {
      XmlObject child = children.next();
      String name = child.getName().getLocalPart();
      if (name.equals("type") || name.equals("fieldsToNull")) {
        continue;
      }
      String key = prefix + names.logical(name);
      if (child.hasChildren()) {
        flatten(key + ".", child, into);
      } else {
        Object value = child.getValue();
        if (value == null && into.get(key) != null) {
          continue;
        }
        into.put(key, text(value));
      }
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Calendar c) {
      return Soql.datetime(c.toInstant());
    }
    return value.toString();
  }

  private static Calendar calendar(Instant instant) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(instant.toEpochMilli());
    return c;
  }

  private static List<String> domains(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.startsWith("@") ? s.substring(1) : s).map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static String canonical(String id) {
    return id == null || id.isEmpty() ? null : SalesforceId.canonical(id).orElse(id);
  }

  private static String canonicalOrNull(String id) {
    return id == null || id.isEmpty() ? null : SalesforceId.canonical(id).orElse(null);
  }

  private static void putIfSet(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  public static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }
}
