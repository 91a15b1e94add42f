package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * One page of a delta round: the entries, and the link to follow (the next
 * page's, or the next round's once this one ends), relative to {@code /v1.0}.
 * An expired or unknown delta token ({@code 410 SyncStateNotFound}, or a link
 * whose folder is gone) is {@link MailboxError#INVALID_SYNC_STATE}: the engine
 * then reads the folder afresh, and its links keep that from duplicating anything.
 *
 * @param entries the changed items and the {@code @removed} ones
 * @param link where the round goes on
 * @param last whether this page ends the round ({@code link} is then a delta link)
 */
record DeltaPage(List<JsonObject> entries, String link, boolean last) {

  /** Page size asked of Graph: as many changes as one EWS {@code SyncFolderItems} page. */
  static final int SIZE = 512;

  static DeltaPage fetch(GraphHttp http, String smtp, ApiRequest request, boolean fromToken) throws MailboxException {
    ApiReply reply = http.send(smtp, request.withHeader("Prefer", "odata.maxpagesize=" + SIZE
        + (request.headers().containsKey("Prefer") ? ", " + request.headers().get("Prefer") : "")));
    if (reply.status() == 410 || fromToken && (reply.gone() || reply.status() == 400)) {
      throw new MailboxException(MailboxError.INVALID_SYNC_STATE, "Microsoft Graph no longer knows the saved sync position of "
          + smtp + " (" + request.operation() + ": " + reply.describe() + ")");
    }
    if (!reply.ok()) {
      throw new MailboxException(MailboxError.UNEXPECTED, request.operation() + " for " + smtp + " failed: " + reply.describe());
    }
    Optional<String> next = reply.nextLink();
    Optional<String> delta = reply.deltaLink();
    if (next.isEmpty() && delta.isEmpty()) {
      throw new MailboxException(MailboxError.UNEXPECTED, request.operation() + " for " + smtp
          + ": Microsoft Graph's page has neither an @odata.nextLink nor an @odata.deltaLink");
    }
    return new DeltaPage(reply.values(), http.relative(next.orElseGet(delta::get)), next.isEmpty());
  }

  /** Whether an entry reports an item gone from the round's scope, and why ({@code deleted} or {@code changed}). */
  static Optional<String> removal(JsonObject entry) {
    JsonObject removed = entry.getJsonObject("@removed");
    return removed == null ? Optional.empty() : Optional.of(removed.getString("reason", "deleted"));
  }
}
