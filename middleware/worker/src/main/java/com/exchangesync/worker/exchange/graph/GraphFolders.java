package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** The contact folder the product syncs: {@code Salesforce_Sync} under the rep's Contacts folder. */
final class GraphFolders {

  /** The contacts folder's name, as the admin guide gives it (the same folder EWS syncs). */
  static final String SYNC_FOLDER = "Salesforce_Sync";

  private GraphFolders() {}

  /** The id of {@code Salesforce_Sync}, if the rep has one. */
  static Optional<String> findSyncFolder(GraphHttp http, String smtp) throws MailboxException {
    ApiReply reply = http.send(smtp, ApiRequest.get("contactFolders.list", ApiRequest.CONTACTS,
        GraphPaths.query(GraphPaths.user(smtp) + "/contactFolders")
            .with("$filter", "displayName eq " + GraphPaths.literal(SYNC_FOLDER)).with("$select", "id,displayName").build()));
    if (!reply.ok()) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Listing the contact folders of " + smtp + " failed: " + reply.describe());
    }
    return reply.values().stream().filter(f -> SYNC_FOLDER.equalsIgnoreCase(f.getString("displayName")))
        .map(f -> f.getString("id")).findFirst();
  }

  /** The id of {@code Salesforce_Sync}, made when missing (another worker may make it at the same time). */
  static String ensureSyncFolder(GraphHttp http, String smtp) throws MailboxException {
    Optional<String> existing = findSyncFolder(http, smtp);
    if (existing.isPresent()) {
      return existing.get();
    }
    ApiReply made = http.send(smtp, ApiRequest.post("contactFolders.create", ApiRequest.CONTACTS,
        GraphPaths.user(smtp) + "/contactFolders", new JsonObject().put("displayName", SYNC_FOLDER)));
    if (made.ok() && made.body().getString("id") != null) {
      return made.body().getString("id");
    }
    if (made.status() == 409) {
      return findSyncFolder(http, smtp).orElseThrow(() -> new MailboxException(MailboxError.FOLDER_MISSING,
          "Microsoft Graph says " + SYNC_FOLDER + " exists in " + smtp + " but does not list it"));
    }
    throw new MailboxException(MailboxError.UNEXPECTED, "Making the " + SYNC_FOLDER + " folder in " + smtp + " failed: "
        + made.describe());
  }
}
