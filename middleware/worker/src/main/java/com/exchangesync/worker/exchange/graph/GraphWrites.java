package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.retry.RetriedCreates;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, updates and deletes items twenty to a {@code $batch}, one result per
 * item, so one refused value fails one item. Nothing is ever sent to anyone:
 * attendees are never written (Graph would invite them), and an update or delete
 * that Graph would announce to a meeting's attendees is refused for that item
 * ({@link MailboxError#MEETING_WOULD_NOTIFY}). An update first reads the items
 * and refuses a stale change key ({@code CONFLICT}); the PATCH then carries the
 * read version as {@code If-Match}, so an edit the rep makes in between is never
 * overwritten. A create whose answer was lost is looked for by our mark before
 * it is sent again; a new event also carries a {@code transactionId}, Graph's guard
 * against a retried create making a second one. Deletes move items to Deleted
 * Items; an occurrence's id cancels that occurrence only.
 */
final class GraphWrites {

  private final GraphHttp http;
  private final SyncedFolders folders;

  GraphWrites(GraphHttp http, SyncedFolders folders) {
    this.http = http;
    this.folders = folders;
  }

  List<ItemResult> create(ItemKind kind, List<NewItem> items) throws MailboxException {
    ItemResult[] out = new ItemResult[items.size()];
    List<ApiRequest> requests = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      NewItem n = items.get(i);
      if (n.kind() != kind) {
        throw new IllegalArgumentException("a " + n.kind() + " item in a batch of " + kind);
      }
      try {
        JsonObject body = kind == ItemKind.CONTACT ? GraphContactCodec.create(n.values()) : GraphEventCodec.create(n.values());
        n.salesforceId().ifPresent(sf -> SalesforceIdProperty.write(body, sf));
        if (kind == ItemKind.EVENT) {
          body.put("transactionId", UUID.randomUUID().toString());
        }
        requests.add(ApiRequest.post(SyncedFolders.operation(kind, "create"), SyncedFolders.permission(kind),
            folders.collection(kind), body));
        positions.add(i);
      } catch (InvalidValue e) {
        out[i] = ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, e.getMessage());
      }
    }
    List<ItemResult> made = send(kind, requests, positions.stream().map(p -> items.get(p).salesforceId()).toList());
    for (int r = 0; r < made.size(); r++) {
      out[positions.get(r)] = made.get(r);
    }
    return List.of(out);
  }

  /**
   * The creates, never sent again blindly: a create whose answer was lost (a 502, 503
   * or 504, for it or its whole batch, or no answer) is looked for by our mark, taken as
   * made when found, and sent again only when not. An event's {@code transactionId}
   * stays the same when sent again: Graph's own guard, behind ours.
   */
  private List<ItemResult> send(ItemKind kind, List<ApiRequest> requests, List<Optional<String>> marks) throws MailboxException {
    RetriedCreates.Send<Integer, ItemResult, MailboxException> send = indexes -> sendOnce(indexes.stream().map(requests::get).toList());
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      all.add(i);
    }
    if (marks.stream().anyMatch(Optional::isEmpty)) {
      List<ItemResult> once = sendOnce(requests);
      if (once.contains(null)) {
        throw new MailboxException(MailboxError.UNAVAILABLE, "Microsoft Graph's answer to creates for " + folders.smtp()
            + " was lost; not sent again, since items without our mark cannot be looked for");
      }
      return once;
    }
    RetriedCreates.Find<Integer, ItemResult, MailboxException> find = indexes -> {
      Map<String, ExchangeItem> found = new GraphFinder(http, folders).find(kind,
          indexes.stream().map(i -> marks.get(i).orElseThrow()).toList());
      return indexes.stream().map(i -> found.get(marks.get(i).orElseThrow()))
          .map(item -> item == null ? null : ItemResult.written(item.id(), item.changeKey())).toList();
    };
    return new RetriedCreates<>(SyncedFolders.operation(kind, "create") + " for " + folders.smtp(), http.maxAttempts(), send, find,
        attempt -> http.pauseAfterLostAnswer(folders.smtp(), attempt),
        (message, last) -> new MailboxException(MailboxError.UNAVAILABLE, message, last)).create(all);
  }

  /** One result per create, null where its answer was lost. */
  private List<ItemResult> sendOnce(List<ApiRequest> requests) throws MailboxException {
    return http.batchCreates(folders.smtp(), requests).stream().map(r -> r.answerLost() ? null : written(r)).toList();
  }

  List<ItemResult> update(ItemKind kind, List<ItemUpdate> updates) throws MailboxException {
    for (ItemUpdate u : updates) {
      ItemUpdate.requireWritableFieldsOf(kind, u.values().keySet());
    }
    // Only the updates that change content read their items first (the patch is built from what changed, and a
    // meeting's is looked at); a mark alone is sent as it is.
    Map<String, JsonObject> current = GraphReads.byIds(http, folders, kind, updates.stream().filter(u -> !markOnly(u))
        .map(ItemUpdate::id).toList());
    ItemResult[] out = new ItemResult[updates.size()];
    List<ApiRequest> requests = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < updates.size(); i++) {
      ItemUpdate u = updates.get(i);
      if (markOnly(u)) {
        requests.add(markRequest(kind, u));
        positions.add(i);
        continue;
      }
      JsonObject item = current.get(u.id());
      if (item == null) {
        out[i] = ItemResult.failed(MailboxError.ITEM_NOT_FOUND, "The item " + u.id() + " is no longer in " + folders.smtp() + ".");
        continue;
      }
      String changeKey = GraphEventCodec.changeKey(item);
      if (u.expectedChangeKey().isPresent() && !u.expectedChangeKey().get().equals(changeKey)) {
        out[i] = ItemResult.failed(MailboxError.CONFLICT, "The item " + u.id() + " changed in Exchange since it was read.");
        continue;
      }
      JsonObject patch;
      try {
        patch = kind == ItemKind.CONTACT ? GraphContactCodec.update(item, u.values()) : GraphEventCodec.update(item, u.values());
      } catch (InvalidValue e) {
        out[i] = ItemResult.failed(MailboxError.INVALID_PROPERTY_VALUE, e.getMessage());
        continue;
      }
      if (kind == ItemKind.EVENT && GraphEventCodec.isMeeting(item) && GraphEventCodec.announced(patch)) {
        out[i] = ItemResult.failed(MailboxError.MEETING_WOULD_NOTIFY, "The meeting " + u.id() + " has attendees, and Microsoft"
            + " Graph would email them the change (" + String.join(", ", patch.fieldNames()) + "); it was left as it is.");
        continue;
      }
      Optional<String> mark = SalesforceIdProperty.read(item);
      if (u.salesforceId().isPresent() && !u.salesforceId().equals(mark)) {
        SalesforceIdProperty.write(patch, u.salesforceId().get());
      }
      if (patch.isEmpty()) {
        out[i] = ItemResult.written(u.id(), changeKey);
        continue;
      }
      requests.add(ApiRequest.patch(SyncedFolders.operation(kind, "update"), SyncedFolders.permission(kind),
          folders.item(kind, u.id()), patch).withHeader("If-Match", item.getString("@odata.etag", "W/\"" + changeKey + "\"")));
      positions.add(i);
    }
    List<ApiReply> replies = http.batch(folders.smtp(), requests);
    for (int r = 0; r < replies.size(); r++) {
      out[positions.get(r)] = written(replies.get(r));
    }
    return List.of(out);
  }

  /** An update that only puts the Salesforce id on an item (after it was made there). */
  private static boolean markOnly(ItemUpdate u) {
    return u.values().isEmpty() && u.salesforceId().isPresent();
  }

  /**
   * A mark's PATCH of the one extended property, sent without reading the item: conditional on the version the
   * update names ({@code If-Match}; Graph answers 412 for an item changed since, 404 for one gone), else not.
   */
  private ApiRequest markRequest(ItemKind kind, ItemUpdate u) {
    JsonObject patch = new JsonObject();
    SalesforceIdProperty.write(patch, u.salesforceId().orElseThrow());
    ApiRequest request = ApiRequest.patch(SyncedFolders.operation(kind, "update"), SyncedFolders.permission(kind),
        folders.item(kind, u.id()), patch);
    return u.expectedChangeKey().map(key -> request.withHeader("If-Match", "W/\"" + key + "\"")).orElse(request);
  }

  List<ItemResult> delete(ItemKind kind, List<String> ids) throws MailboxException {
    ItemResult[] out = new ItemResult[ids.size()];
    // A meeting's cancellation would be emailed to its attendees: those are looked at first.
    Map<String, JsonObject> events = kind == ItemKind.EVENT ? GraphReads.byIds(http, folders, kind, ids) : Map.of();
    List<ApiRequest> requests = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    Map<Integer, String> idAt = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (kind == ItemKind.EVENT && !events.containsKey(id)) {
        out[i] = ItemResult.deleted(id); // gone already (or a cancelled occurrence)
      } else if (kind == ItemKind.EVENT && GraphEventCodec.isMeeting(events.get(id))) {
        out[i] = ItemResult.failed(MailboxError.MEETING_WOULD_NOTIFY, "The meeting " + id + " has attendees, and Microsoft Graph"
            + " would email them its cancellation; it was left in the calendar.");
      } else {
        requests.add(ApiRequest.delete(SyncedFolders.operation(kind, "delete"), SyncedFolders.permission(kind), folders.item(kind, id)));
        positions.add(i);
        idAt.put(i, id);
      }
    }
    List<ApiReply> replies = http.batch(folders.smtp(), requests);
    for (int r = 0; r < replies.size(); r++) {
      ApiReply reply = replies.get(r);
      int i = positions.get(r);
      out[i] = reply.ok() || reply.gone() ? ItemResult.deleted(idAt.get(i)) : failed(reply);
    }
    return List.of(out);
  }

  /** A create's or update's result: the item's id and new change key, or why it failed. */
  private static ItemResult written(ApiReply reply) {
    if (reply.ok() && reply.body().getString("id") != null) {
      return ItemResult.written(reply.body().getString("id"), GraphEventCodec.changeKey(reply.body()));
    }
    return reply.ok() ? ItemResult.failed(MailboxError.UNEXPECTED, "Microsoft Graph accepted an item but returned no id")
        : failed(reply);
  }

  private static ItemResult failed(ApiReply reply) {
    MailboxError error = switch (reply.status()) {
      case 400, 422 -> MailboxError.INVALID_PROPERTY_VALUE;
      case 404, 410 -> MailboxError.ITEM_NOT_FOUND;
      case 409, 412 -> MailboxError.CONFLICT;
      default -> MailboxError.UNEXPECTED;
    };
    return ItemResult.failed(error, reply.describe());
  }
}
