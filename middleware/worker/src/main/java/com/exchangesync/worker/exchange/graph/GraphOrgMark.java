package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.SalesforceIdMark;
import com.exchangesync.worker.exchange.SyncingOrgMark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The syncing org's mark ({@link SyncingOrgMark}) through Microsoft Graph: the
 * single-value extended property {@code String {5b3f0c1e-…} Name ExchangeSyncOrgId}
 * of the main calendar, the same MAPI property EWS writes. Graph addresses a
 * calendar's extended properties as {@code /calendars/{id}} ({@code $expand} to
 * read, {@code PATCH} to write), so the main calendar's id is read from
 * {@code /calendar} once, and remembered with the synced folders ({@link GraphSyncFolders}). Graph cannot delete an extended property, so the mark is
 * removed by writing it empty, which reads as no mark on either protocol.
 */
final class GraphOrgMark {

  /** Graph's id of the property. */
  static final String ID = "String {" + SalesforceIdMark.PROPERTY_SET + "} Name " + SyncingOrgMark.NAME;

  private final GraphHttp http;
  private final String smtp;
  private final GraphSyncFolders folders;

  GraphOrgMark(GraphHttp http, String smtp, GraphSyncFolders folders) {
    this.http = http;
    this.smtp = smtp;
    this.folders = folders;
  }

  Optional<String> read() throws MailboxException {
    ApiReply reply = http.send(smtp, ApiRequest.get("calendars.get", ApiRequest.CALENDARS,
        GraphPaths.query(calendar()).with("$select", "id")
            .with("$expand", "singleValueExtendedProperties($filter=id eq " + GraphPaths.literal(ID) + ")").build()));
    if (!reply.ok()) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Reading the calendar of " + smtp + " failed: " + reply.describe());
    }
    JsonArray properties = reply.body().getJsonArray("singleValueExtendedProperties");
    if (properties != null) {
      for (Object o : properties) {
        if (o instanceof JsonObject p && ID.equalsIgnoreCase(p.getString("id")) && p.getValue("value") != null
            && !String.valueOf(p.getValue("value")).isBlank()) {
          return Optional.of(String.valueOf(p.getValue("value")).trim());
        }
      }
    }
    return Optional.empty();
  }

  void write(Optional<String> orgId) throws MailboxException {
    JsonObject body = new JsonObject().put("singleValueExtendedProperties",
        new JsonArray().add(new JsonObject().put("id", ID).put("value", orgId.orElse(""))));
    ApiReply reply = http.send(smtp, ApiRequest.patch("calendars.update", ApiRequest.CALENDARS, calendar(), body));
    if (!reply.ok()) {
      throw new MailboxException(MailboxError.UNEXPECTED, "Marking the calendar of " + smtp + " failed: " + reply.describe());
    }
  }

  /** {@code /users/{smtp}/calendars/{id}} of the main calendar (its id remembered with the folders). */
  private String calendar() throws MailboxException {
    String calendarId = folders.calendarId();
    if (calendarId == null) {
      ApiReply reply = http.send(smtp, ApiRequest.get("calendar.get", ApiRequest.CALENDARS,
          GraphPaths.query(GraphPaths.user(smtp) + "/calendar").with("$select", "id").build()));
      if (!reply.ok() || reply.body().getString("id") == null) {
        throw new MailboxException(MailboxError.UNEXPECTED, "Reading the calendar of " + smtp + " failed: " + reply.describe());
      }
      calendarId = reply.body().getString("id");
      folders.calendarRead(calendarId);
    }
    return GraphPaths.user(smtp) + "/calendars/" + GraphPaths.segment(calendarId);
  }
}
