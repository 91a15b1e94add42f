package com.exchangesync.testbed.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A blocking client for the Exchange test bed's admin API, for tests, the
 * benchmarks and the demo. Every call that the test bed refuses throws with
 * the test bed's own message.
 */
public final class ExchangeSimClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  /** A client for the test bed at {@code baseUrl} ({@code http://host:port}). */
  public ExchangeSimClient(String baseUrl) {
    this.base = baseUrl;
  }

  /** Forgets everything. */
  public void reset() {
    send("POST", "/sim/reset", null);
  }

  /** Sets the service account; {@code impersonates} null means every mailbox. */
  public void serviceAccount(String username, String password, List<String> impersonates) {
    send("PUT", "/sim/service-account", new JsonObject().put("username", username).put("password", password)
        .put("impersonates", impersonates == null ? "*" : new JsonArray(impersonates)));
  }

  /** Adds a mailbox. */
  public void mailbox(String smtp, String displayName) {
    send("POST", "/sim/mailboxes", new JsonObject().put("smtp", smtp).put("displayName", displayName));
  }

  /** Adds a mailbox whose user has this UPN and SID (null: the defaults); answers it, with its folder ids. */
  public JsonObject mailbox(String smtp, String displayName, String upn, String sid) {
    return new JsonObject(send("POST", "/sim/mailboxes", new JsonObject().put("smtp", smtp).put("displayName", displayName)
        .put("upn", upn).put("sid", sid)));
  }

  /** What the rep's Deleted Items hold: contacts and events, each with {@code kind} and {@code restoresTo}. */
  public JsonArray deletedItems(String smtp) {
    return new JsonObject(send("GET", path(smtp, "deleted-items", null, null), null)).getJsonArray("items");
  }

  /** Restores an item from Deleted Items as the rep would in Outlook; answers it, with its new id. */
  public JsonObject restoreDeletedItem(String smtp, String id) {
    return new JsonObject(send("POST", path(smtp, "deleted-items", id, null) + "/restore", null));
  }

  /** What was soft-deleted (Recoverable Items): {@code id}, {@code kind}, {@code subject}. */
  public JsonArray recoverableItems(String smtp) {
    return new JsonObject(send("GET", path(smtp, "recoverable-items", null, null), null)).getJsonArray("items");
  }

  /** Creates a contact as the rep would in Outlook; {@code folder} null means the Contacts folder. */
  public JsonObject createContact(String smtp, String folder, JsonObject contact) {
    return new JsonObject(send("POST", path(smtp, "contacts", null, folder), contact));
  }

  /** Changes the given fields of a contact. */
  public JsonObject updateContact(String smtp, String id, JsonObject fields) {
    return new JsonObject(send("PATCH", path(smtp, "contacts", id, null), fields));
  }

  /** Deletes a contact as the rep would in Outlook: it goes to Deleted Items. */
  public void deleteContact(String smtp, String id) {
    send("DELETE", path(smtp, "contacts", id, null), null);
  }

  /** The contacts of a folder. */
  public JsonArray contacts(String smtp, String folder) {
    return new JsonObject(send("GET", path(smtp, "contacts", null, folder), null)).getJsonArray("contacts");
  }

  /** The Mailbox servers and which one holds each mailbox: {@code {"servers": [...], "mailboxes": {smtp: server}}}. */
  public JsonObject ewsServers() {
    return new JsonObject(send("GET", "/sim/ews/servers", null));
  }

  /** The streaming subscriptions held: {@code id}, {@code mailbox}, {@code server}, {@code streaming}, …. */
  public JsonArray ewsSubscriptions() {
    return new JsonObject(send("GET", "/sim/ews/subscriptions", null)).getJsonArray("subscriptions");
  }

  /** Restarts EWS on every Mailbox server: subscriptions are forgotten, open streams cut. */
  public void restartEws() {
    send("POST", "/sim/ews/restart", null);
  }

  /** Microsoft Graph's change-notification subscriptions: {@code id}, {@code resource}, {@code mailbox}, … */
  public JsonArray graphSubscriptions() {
    return new JsonObject(send("GET", "/sim/graph/subscriptions", null)).getJsonArray("subscriptions");
  }

  /** Ends a Graph subscription silently, as its expiry does. */
  public void endGraphSubscription(String id) {
    send("DELETE", "/sim/graph/subscriptions/" + id, null);
  }

  /** Sends a Graph lifecycle notification ({@code subscriptionRemoved} also removes the subscription). */
  public void graphLifecycle(String id, String lifecycleEvent) {
    send("POST", "/sim/graph/subscriptions/" + id + "/lifecycle", new JsonObject().put("lifecycleEvent", lifecycleEvent));
  }

  /** Creates an event in the rep's calendar. */
  public JsonObject createEvent(String smtp, JsonObject event) {
    return new JsonObject(send("POST", path(smtp, "events", null, null), event));
  }

  /** Changes the given fields of an event. */
  public JsonObject updateEvent(String smtp, String id, JsonObject fields) {
    return new JsonObject(send("PATCH", path(smtp, "events", id, null), fields));
  }

  /** Deletes an event as the rep would in Outlook: it goes to Deleted Items (a series whole). */
  public void deleteEvent(String smtp, String id) {
    send("DELETE", path(smtp, "events", id, null), null);
  }

  /** The events stored in the rep's calendar: singles and series masters. */
  public JsonArray events(String smtp) {
    return new JsonObject(send("GET", path(smtp, "events", null, null), null)).getJsonArray("events");
  }

  /**
   * What the rep's calendar shows from {@code from} to {@code to} (ISO-8601 with offset): singles, and each series'
   * occurrences and exceptions with their {@code type}, {@code seriesId} and {@code originalStart}.
   */
  public JsonArray events(String smtp, String from, String to) {
    return new JsonObject(send("GET", path(smtp, "events", null, null) + "?from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)
        + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), null)).getJsonArray("events");
  }

  /** Changes one occurrence of a series, as the rep would in Outlook; it is an exception from then on. */
  public JsonObject updateOccurrence(String smtp, String seriesId, String originalStart, JsonObject fields) {
    return new JsonObject(send("PATCH", occurrencePath(smtp, seriesId, originalStart), fields));
  }

  /** Cancels one occurrence of a series, as the rep would in Outlook. */
  public void deleteOccurrence(String smtp, String seriesId, String originalStart) {
    send("DELETE", occurrencePath(smtp, seriesId, originalStart), null);
  }

  private static String occurrencePath(String smtp, String seriesId, String originalStart) {
    return path(smtp, "events", seriesId, null) + "/occurrences/" + URLEncoder.encode(originalStart, StandardCharsets.UTF_8);
  }

  /** The rep renames the folder {@code folder} under Contacts to {@code newName}. */
  public JsonObject renameFolder(String smtp, String folder, String newName) {
    return new JsonObject(send("PATCH", path(smtp, "folders", null, folder), new JsonObject().put("displayName", newName)));
  }

  /** The rep deletes the folder {@code folder} under Contacts: to Deleted Items, or with what it holds ({@code permanently}). */
  public JsonObject deleteFolder(String smtp, String folder, boolean permanently) {
    return new JsonObject(send("DELETE", path(smtp, "folders", null, folder) + (permanently ? "&permanently=true" : ""), null));
  }

  /** Injects a fault (see the README for its fields). */
  public void fault(JsonObject fault) {
    send("POST", "/sim/faults", fault);
  }

  /** Calls per operation, HTTP requests, 401 challenges, schema violations, meeting messages sent. */
  public JsonObject stats() {
    return new JsonObject(send("GET", "/sim/stats", null));
  }

  private static String path(String smtp, String kind, String id, String folder) {
    String p = "/sim/mailboxes/" + URLEncoder.encode(smtp, StandardCharsets.UTF_8) + "/" + kind;
    if (id != null) {
      p += "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
    if (folder != null) {
      p += "?folder=" + URLEncoder.encode(folder, StandardCharsets.UTF_8);
    }
    return p;
  }

  private String send(String method, String path, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("The Exchange test bed at " + base + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
