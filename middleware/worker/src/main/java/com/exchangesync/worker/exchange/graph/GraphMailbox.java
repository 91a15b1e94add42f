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
  private final SyncedFolders folders;
  private final Clock clock;
  private final GraphOrgMark orgMark;

  GraphMailbox(String smtp, GraphHttp http, SyncedFolders folders, Clock clock) {
    this.smtp = smtp;
    this.http = http;
    this.folders = folders;
    this.clock = clock;
    this.orgMark = new GraphOrgMark(http, smtp);
  }

  @Override
  public String smtp() {
    return smtp;
  }

  @Override
  public ItemChanges changes(ItemKind kind, Optional<String> syncToken) throws MailboxException {
    return kind == ItemKind.CONTACT ? new ContactChanges(http, folders).read(syncToken)
        : new EventChanges(http, folders, clock).read(syncToken);
  }

  @Override
  public List<ExchangeItem> get(ItemKind kind, List<String> ids) throws MailboxException {
    List<ExchangeItem> out = new ArrayList<>();
    for (JsonObject json : GraphReads.byIds(http, folders, kind, ids).values()) {
      out.add(SyncedFolders.decode(kind, json));
    }
    return out;
  }

  @Override
  public Map<String, ExchangeItem> findBySalesforceIds(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    return new GraphFinder(http, folders).find(kind, salesforceIds);
  }

  @Override
  public Map<String, List<ExchangeItem>> occurrences(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    return new GraphOccurrences(http, folders).read(seriesIds, from, to);
  }

  @Override
  public List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
    return new GraphWrites(http, folders).create(kind, items);
  }

  @Override
  public List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
    return new GraphWrites(http, folders).update(kind, updates);
  }

  @Override
  public List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
    return new GraphWrites(http, folders).delete(kind, ids);
  }

  @Override
  public Optional<String> syncingOrg() throws MailboxException {
    return orgMark.read();
  }

  @Override
  public void markSyncingOrg(Optional<String> orgId) throws MailboxException {
    orgMark.write(orgId);
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
