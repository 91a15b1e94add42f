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

/**
 * Items carrying our mark with given Salesforce ids: a {@code $filter} on the
 * extended property ({@code any}, {@value #IDS_PER_FILTER} ids a filter) over the
 * synced folder, twenty filters to a {@code $batch}, each item read whole with
 * its mark. An item copied in Outlook carries the mark too: the first found wins.
 */
final class GraphFinder {

  static final int IDS_PER_FILTER = 20;

  private final GraphHttp http;
  private final SyncedFolders folders;

  GraphFinder(GraphHttp http, SyncedFolders folders) {
    this.http = http;
    this.folders = folders;
  }

  Map<String, ExchangeItem> find(ItemKind kind, List<String> salesforceIds) throws MailboxException {
    List<ApiRequest> pending = new ArrayList<>();
    for (List<String> group : Batches.of(List.copyOf(new LinkedHashSet<>(salesforceIds)), IDS_PER_FILTER)) {
      pending.add(SyncedFolders.readShape(kind, ApiRequest.get(SyncedFolders.operation(kind, "find"), SyncedFolders.permission(kind),
          GraphPaths.query(folders.collection(kind)).with("$filter", SalesforceIdProperty.filter(group))
              .with("$expand", SalesforceIdProperty.EXPAND).with("$top", "100").build())));
    }
    Map<String, ExchangeItem> found = new HashMap<>();
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
          ExchangeItem item = SyncedFolders.decode(kind, json);
          item.salesforceId().ifPresent(sf -> found.putIfAbsent(sf, item));
        }
        if (reply.nextLink().isPresent()) {
          next.add(pending.get(i).at(http.relative(reply.nextLink().get())));
        }
      }
      pending = next;
    }
    return found;
  }
}
