package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.Batches;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Items carrying our mark with given Salesforce ids: a {@code $filter} on the
 * extended property ({@code any}, {@value #IDS_PER_FILTER} ids a filter) over the
 * synced folder, twenty filters to a {@code $batch}, each item read whole with
 * its mark. An item copied in Outlook carries the mark too: {@link #find} takes the
 * first found, {@link #idsMarkedWith} lists them all.
 */
final class GraphFinder {

  static final int IDS_PER_FILTER = 20;

  private final GraphHttp http;
  private final SyncedFolders folders;

  GraphFinder(GraphHttp http, SyncedFolders folders) {
    this.http = http;
    this.folders = folders;
  }

  /** The first item found carrying each of {@code salesforceIds}. */
  Map<String, ExchangeItem> find(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    Map<String, ExchangeItem> found = new HashMap<>();
    each(kind, salesforceIds, item -> item.salesforceId().ifPresent(sf -> found.putIfAbsent(sf, item)));
    return found;
  }

  /** The ids of every item carrying each of {@code salesforceIds}. */
  Map<String, List<String>> idsMarkedWith(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    Map<String, List<String>> found = new HashMap<>();
    each(kind, salesforceIds, item -> item.salesforceId().ifPresent(sf -> found.computeIfAbsent(sf, k -> new ArrayList<>())
        .add(item.id())));
    return found;
  }

  private void each(ItemKind kind, List<String> salesforceIds, Consumer<ExchangeItem> each) throws MailboxException {
    List<ApiRequest> pending = new ArrayList<>();
    for (List<String> group : Batches.of(List.copyOf(new LinkedHashSet<>(salesforceIds)), IDS_PER_FILTER)) {
      pending.add(SyncedFolders.readShape(kind, ApiRequest.get(SyncedFolders.operation(kind, "find"), SyncedFolders.permission(kind),
          GraphPaths.query(folders.collection(kind)).with("$filter", SalesforceIdProperty.filter(group))
              .with("$expand", SalesforceIdProperty.EXPAND).with("$top", "100").build())));
    }
    while (!pending.isEmpty()) {
      List<ApiReply> replies = http.batch(folders.smtp(), pending);
      List<ApiRequest> next = new ArrayList<>();
      for (int i = 0; i < replies.size(); i++) {
        ApiReply reply = replies.get(i);
        if (!reply.ok()) {
          throw new MailboxException(MailboxError.UNEXPECTED, "Searching " + folders.smtp() + " for items of Salesforce records"
              + " failed: " + reply.describe());
        }
        for (JsonObject json : reply.values()) {
          each.accept(SyncedFolders.decode(kind, json));
        }
        if (reply.nextLink().isPresent()) {
          next.add(pending.get(i).at(http.relative(reply.nextLink().get())));
        }
      }
      pending = next;
    }
  }
}
