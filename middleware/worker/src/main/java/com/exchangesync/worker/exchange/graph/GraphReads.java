package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads items whole by id, twenty to a {@code $batch}: those that still exist in
 * the synced folder, by id. An item deleted (or never there: an id that is not
 * one) is simply absent.
 */
final class GraphReads {

  private GraphReads() {}

  static Map<String, JsonObject> byIds(GraphHttp http, SyncedFolders folders, ItemKind kind, List<String> ids)
      throws MailboxException {
    List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
    List<ApiRequest> requests = new ArrayList<>();
    unique.forEach(id -> requests.add(folders.read(kind, id)));
    List<ApiReply> replies = http.batch(folders.smtp(), requests);
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (int i = 0; i < unique.size(); i++) {
      ApiReply reply = replies.get(i);
      if (reply.ok()) {
        if (folders.holds(kind, reply.body())) {
          out.put(unique.get(i), reply.body());
        }
      } else if (!reply.gone() && !malformedId(reply)) {
        throw new MailboxException(MailboxError.UNEXPECTED, "Reading " + unique.get(i) + " in " + folders.smtp()
            + " through Microsoft Graph failed: " + reply.describe());
      }
    }
    return out;
  }

  /** Graph's answer to an id that cannot name an item ({@code ErrorInvalidIdMalformed}). */
  static boolean malformedId(ApiReply reply) {
    return reply.status() == 400 && reply.errorCode().startsWith("ErrorInvalidId");
  }
}
