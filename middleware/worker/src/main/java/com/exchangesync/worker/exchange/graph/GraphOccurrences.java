package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The occurrences and exceptions of series in a window: one
 * {@code events/{id}/instances?startDateTime=&endDateTime=} per series, twenty to
 * a {@code $batch}, a thousand instances a page (further pages in later batches),
 * each instance whole with our mark. Graph lists what the calendar shows, so a
 * cancelled occurrence is absent; a series id that names no series (a single, or
 * an item gone) gives none.
 */
final class GraphOccurrences {

  private static final int PAGE = 1000;

  private final GraphHttp http;
  private final SyncedFolders folders;

  GraphOccurrences(GraphHttp http, SyncedFolders folders) {
    this.http = http;
    this.folders = folders;
  }

  Map<String, List<ExchangeItem>> read(Set<String> seriesIds, Instant from, Instant to) throws MailboxException {
    Map<String, List<JsonObject>> found = new LinkedHashMap<>();
    seriesIds.forEach(id -> found.put(id, new ArrayList<>()));
    if (!to.isAfter(from)) {
      return decode(found);
    }
    Map<String, ApiRequest> pending = new LinkedHashMap<>();
    for (String id : seriesIds) {
      pending.put(id, SyncedFolders.readShape(ItemKind.EVENT, ApiRequest.get("event.instances", ApiRequest.CALENDARS,
          GraphPaths.query(folders.item(ItemKind.EVENT, id) + "/instances").with("startDateTime", from.toString())
              .with("endDateTime", to.toString()).with("$expand", SalesforceIdProperty.EXPAND).with("$top", Integer.toString(PAGE))
              .build())));
    }
    while (!pending.isEmpty()) {
      List<String> ids = List.copyOf(pending.keySet());
      List<ApiReply> replies = http.batch(folders.smtp(), List.copyOf(pending.values()));
      Map<String, ApiRequest> next = new LinkedHashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        ApiReply reply = replies.get(i);
        String series = ids.get(i);
        if (reply.ok()) {
          found.get(series).addAll(reply.values());
          if (reply.nextLink().isPresent()) {
            next.put(series, pending.get(series).at(http.relative(reply.nextLink().get())));
          }
        } else if (!reply.gone() && reply.status() != 400) {
          throw new MailboxException(MailboxError.UNEXPECTED, "Reading the occurrences of " + series + " in " + folders.smtp()
              + " failed: " + reply.describe());
        }
      }
      pending = next;
    }
    return decode(found);
  }

  /** Each series' instances in order of start, each naming the series as it was asked for. */
  private static Map<String, List<ExchangeItem>> decode(Map<String, List<JsonObject>> found) {
    Map<String, List<ExchangeItem>> out = new LinkedHashMap<>();
    found.forEach((series, list) -> {
      List<JsonObject> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(e -> GraphZones.instant(e.getJsonObject("start"))));
      List<ExchangeItem> items = new ArrayList<>();
      for (JsonObject e : sorted) {
        ExchangeItem item = GraphEventCodec.read(e);
        Map<ExchangeField, String> values = new HashMap<>(item.values());
        values.put(ExchangeField.SERIES_ID, series);
        items.add(new ExchangeItem(item.id(), item.changeKey(), item.kind(), values, item.salesforceId()));
      }
      out.put(series, items);
    });
    return out;
  }
}
