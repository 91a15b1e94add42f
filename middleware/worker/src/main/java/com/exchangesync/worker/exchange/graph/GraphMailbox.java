package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rep's mailbox on Exchange Online through Microsoft Graph: the
 * {@code Salesforce_Sync} contact folder and the main calendar. Changes come from
 * delta queries ({@link ContactChanges}, {@link EventChanges}), occurrences from
 * each series' instances ({@link GraphOccurrences}), writes as batches
 * ({@link GraphWrites}); every request goes through {@link GraphHttp} (slots,
 * throttling, named errors). Attendees are read and never written
 * ({@link #writesAttendees()}).
 */
final class GraphMailbox implements Mailbox {

  private final String smtp;
  private final GraphHttp http;
  private final GraphSyncFolders synced;
  private final Clock clock;
  private final GraphOrgMark orgMark;

  GraphMailbox(String smtp, GraphHttp http, GraphSyncFolders synced, Clock clock) {
    this.smtp = smtp;
    this.http = http;
    this.synced = synced;
    this.clock = clock;
    this.orgMark = new GraphOrgMark(http, smtp, synced);
  }

  /** A read of the synced folders that fails on remembered ids is repeated once on ids looked up again. */
  @FunctionalInterface
  private interface FolderRead<T> {
    T run(SyncedFolders folders) throws MailboxException;
  }

  private <T> T onFolders(FolderRead<T> read) throws MailboxException {
    try {
      return read.run(synced.current());
    } catch (MailboxException e) {
      if (!synced.lookedUpAgainAfter(e)) {
        throw e;
      }
      return read.run(synced.current());
    }
  }

  @Override
  public String smtp() {
    return smtp;
  }

  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
    return kind == ItemKind.CONTACT ? onFolders(folders -> new ContactChanges(http, folders).read(syncToken))
        : new EventChanges(http, synced.current(), clock).read(syncToken);
  }

  @Override
  public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
    List<ExchangeItem> out = new ArrayList<>();
    for (JsonObject json : GraphReads.byIds(http, synced.current(), kind, ids).values()) {
      out.add(SyncedFolders.decode(kind, json));
    }
    return out;
  }

  @Override
  public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    return onFolders(folders -> new GraphFinder(http, folders).find(kind, salesforceIds));
  }

  @Override
  public Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    return onFolders(folders -> new GraphFinder(http, folders).idsMarkedWith(kind, salesforceIds));
  }

  @Override
  public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    return new GraphOccurrences(http, synced.current()).read(seriesIds, from, to);
  }

  @Override
  public List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
    return new GraphWrites(http, synced.current()).create(kind, items);
  }

  @Override
  public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
    return new GraphWrites(http, synced.current()).update(kind, updates);
  }

  @Override
  public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
    return new GraphWrites(http, synced.current()).delete(kind, ids);
  }

  @Override
  public Optional<String> syncingOrg() throws MailboxException {
    return onFolders(folders -> orgMark.read());
  }

  /** A mark read as {@code orgId}'s own is remembered with the folders (see {@link Mailbox#syncingOrg(String)}). */
  @Override
  public Optional<String> syncingOrg(String orgId) throws MailboxException {
    if (synced.markedBy(orgId)) {
      return Optional.of(orgId);
    }
    Optional<String> mark = syncingOrg();
    if (mark.filter(orgId::equals).isPresent()) {
      synced.rememberOwnMark(orgId);
    }
    return mark;
  }

  @Override
  public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
    synced.forgetMark();
    onFolders(folders -> {
      orgMark.write(orgId);
      return null;
    });
  }

  /** One {@code $batch} of writes. */
  @Override
  public int writeRequestSize() {
    return GraphHttp.BATCH;
  }

  /** Graph emails the attendees of every event created or changed with them: they are never written. */
  @Override
  public boolean writesAttendees() {
    return false;
  }

  @Override
  public void close() {
    // The HTTP connections belong to the connector, shared by the org's mailboxes.
  }
}
