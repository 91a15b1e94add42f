package com.exchangesync.testbed.graph;

import com.exchangesync.testbed.exchange.Folder;
import com.exchangesync.testbed.exchange.Mailbox;
import com.exchangesync.testbed.exchange.MailboxEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Change notifications for Outlook contacts and events, as Microsoft Graph v1.0 serves them to an app:
 * {@code POST /subscriptions} (after the validation handshake with the notification URL and the lifecycle
 * notification URL), {@code GET /subscriptions[/{id}]}, {@code PATCH /subscriptions/{id}} (renewal, validated
 * again), {@code DELETE /subscriptions/{id}} and {@code POST /subscriptions/{id}/reauthorize}. Every change in a
 * watched folder becomes a {@code created}, {@code updated} or {@code deleted} notification (a move out of the
 * folder is a delete, into it a create) posted to the notification URL; an expired subscription is gone;
 * lifecycle notifications go to the lifecycle URL: {@code reauthorizationRequired} once when less than an hour
 * is left, {@code missed} when a delivery was dropped, {@code subscriptionRemoved} when the admin API removes
 * one. Resources: {@code users/{id}/contacts}, {@code users/{id}/contactFolders/{folderId}/contacts},
 * {@code users/{id}/events} (and {@code /calendar/events}), with or without a leading slash.
 */
final class GraphSubscriptions implements MailboxEvent.Listener {

  /** Outlook message, event and contact subscriptions live at most this long (Graph's subscription reference). */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10_080);
  static final int MAX_CLIENT_STATE = 128;
  private static final Duration REAUTHORIZE_BEFORE = Duration.ofHours(1);

  private final GraphState state;
  private final NotificationDelivery delivery;
  private final Context context;
  private final Map<String, GraphSubscription> byId = new LinkedHashMap<>();
  /** Notifications waiting to go out, by notification URL (sent together on the next turn of the event loop). */
  private final Map<String, JsonArray> pending = new LinkedHashMap<>();
  private final Map<String, List<GraphSubscription>> pendingFor = new LinkedHashMap<>();
  private boolean flushQueued;
  private final Vertx vertx;
  private final long sweeper;

  GraphSubscriptions(Vertx vertx, GraphState state, NotificationDelivery delivery) {
    this.vertx = vertx;
    this.state = state;
    this.delivery = delivery;
    this.context = vertx.getOrCreateContext();
    this.sweeper = vertx.setPeriodic(1000, id -> sweep());
  }

  /** Stops the expiry sweep. */
  void close() {
    vertx.cancelTimer(sweeper);
  }

  // --- the API ------------------------------------------------------------------------------------

  /** Serves a request under {@code /subscriptions} for {@code app}. */
  Future<GraphResponse> serve(GraphRequest r, GraphApp app, String baseUrl) {
    List<String> s = r.segments();
    try {
      if (s.size() == 1) {
        return switch (r.method()) {
          case "POST" -> create(r, app, baseUrl);
          case "GET" -> Future.succeededFuture(list(app, baseUrl));
          default -> throw GraphRoutes.notAllowed();
        };
      }
      GraphSubscription sub = owned(s.get(1), app);
      if (s.size() == 3 && s.get(2).equals("reauthorize") && r.method().equals("POST")) {
        return validateAll(sub.notificationUrl, sub.lifecycleNotificationUrl).map(v -> {
          synchronized (this) {
            sub.reauthorizationSent = false;
          }
          return GraphResponse.noContent();
        });
      }
      if (s.size() != 2) {
        throw GraphError.noSegment(s.get(s.size() - 1));
      }
      return switch (r.method()) {
        case "GET" -> Future.succeededFuture(GraphResponse.ok(sub.json(baseUrl)));
        case "PATCH" -> renew(sub, r, baseUrl);
        case "DELETE" -> {
          remove(sub.id);
          yield Future.succeededFuture(GraphResponse.noContent());
        }
        default -> throw GraphRoutes.notAllowed();
      };
    } catch (GraphError e) {
      return Future.failedFuture(e);
    }
  }

  private Future<GraphResponse> create(GraphRequest r, GraphApp app, String baseUrl) {
    JsonObject body = body(r);
    for (String required : List.of("changeType", "notificationUrl", "resource", "expirationDateTime")) {
      if (body.getValue(required) == null) {
        throw new GraphError(400, "InvalidRequest", required + " is a required property for subscription creation.");
      }
    }
    Set<String> changeTypes = changeTypes(body.getString("changeType"));
    String notificationUrl = url(body.getString("notificationUrl"), "notificationUrl");
    String lifecycleUrl = body.getString("lifecycleNotificationUrl") == null ? null
        : url(body.getString("lifecycleNotificationUrl"), "lifecycleNotificationUrl");
    String clientState = body.getString("clientState");
    if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
      throw new GraphError(400, "InvalidRequest", "The clientState can be at most " + MAX_CLIENT_STATE + " characters long.");
    }
    Instant expiration = expiration(body.getValue("expirationDateTime"));
    Watched watched = watched(body.getString("resource"), app);
    return validateAll(notificationUrl, lifecycleUrl).map(v -> {
      GraphSubscription sub = new GraphSubscription(UUID.randomUUID().toString(), body.getString("resource"), watched.mailbox(),
          watched.folderId(), watched.contacts(), changeTypes, notificationUrl, lifecycleUrl, clientState, app.clientId(),
          app.tenantId(), expiration);
      synchronized (this) {
        byId.put(sub.id, sub);
      }
      state.stats.call("subscriptions.create");
      return GraphResponse.created(sub.json(baseUrl));
    });
  }

  private Future<GraphResponse> renew(GraphSubscription sub, GraphRequest r, String baseUrl) {
    JsonObject body = body(r);
    if (body.containsKey("lifecycleNotificationUrl")) {
      throw new GraphError(400, "InvalidRequest",
          "lifecycleNotificationUrl cannot be added to or changed on an existing subscription; create a new one.");
    }
    if (body.getValue("expirationDateTime") == null) {
      throw new GraphError(400, "InvalidRequest", "expirationDateTime is a required property for subscription update.");
    }
    Instant expiration = expiration(body.getValue("expirationDateTime"));
    return validateAll(sub.notificationUrl, sub.lifecycleNotificationUrl).map(v -> {
      synchronized (this) {
        if (!byId.containsKey(sub.id)) {
          throw GraphError.subscriptionNotFound();
        }
        sub.expiration = expiration;
        sub.reauthorizationSent = false;
      }
      return GraphResponse.ok(sub.json(baseUrl));
    });
  }

  private synchronized GraphResponse list(GraphApp app, String baseUrl) {
    expire();
    JsonArray value = new JsonArray();
    byId.values().stream().filter(s -> s.applicationId.equalsIgnoreCase(app.clientId())).forEach(s -> {
      JsonObject json = s.json(baseUrl);
      json.remove("@odata.context");
      value.add(json);
    });
    return GraphResponse.ok(new JsonObject().put("@odata.context", baseUrl + "/v1.0/$metadata#subscriptions").put("value", value));
  }

  private synchronized GraphSubscription owned(String id, GraphApp app) {
    expire();
    GraphSubscription sub = byId.get(id);
    if (sub == null || !sub.applicationId.equalsIgnoreCase(app.clientId())) {
      throw GraphError.subscriptionNotFound();
    }
    return sub;
  }

  private Future<Void> validateAll(String notificationUrl, String lifecycleUrl) {
    Future<Void> first = delivery.validate(notificationUrl);
    return lifecycleUrl == null || lifecycleUrl.equals(notificationUrl) ? first
        : first.compose(v -> delivery.validate(lifecycleUrl));
  }

  // --- input --------------------------------------------------------------------------------------

  /** The mailbox and folder a resource names. */
  private record Watched(Mailbox mailbox, String folderId, boolean contacts) {}

  private Watched watched(String resource, GraphApp app) {
    List<String> s = new ArrayList<>();
    for (String part : resource.split("/")) {
      if (!part.isEmpty()) {
        s.add(part);
      }
    }
    if (s.size() >= 2 && s.get(0).equalsIgnoreCase("me")) {
      throw GraphError.badRequest("/me request is only valid with delegated authentication flow.");
    }
    if (s.size() < 3 || !s.get(0).equalsIgnoreCase("users")) {
      throw unsupported(resource);
    }
    Mailbox mailbox = state.store.mailbox(s.get(1));
    List<String> rest = s.subList(2, s.size()).stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    boolean contacts = rest.equals(List.of("contacts")) || rest.size() == 3 && rest.get(0).equals("contactfolders")
        && rest.get(2).equals("contacts");
    boolean events = rest.equals(List.of("events")) || rest.equals(List.of("calendar", "events"));
    if (!contacts && !events) {
      throw unsupported(resource);
    }
    GraphApp.Permission need = contacts ? GraphApp.Permission.CONTACTS_READ : GraphApp.Permission.CALENDARS_READ;
    if (!app.mayUse(need)) {
      throw GraphError.accessDenied();
    }
    if (mailbox == null) {
      throw new GraphError(404, "ErrorInvalidUser", "The requested user '" + s.get(1) + "' is invalid.");
    }
    // Entra consent within its access policy, or an RBAC for Applications assignment covering the mailbox.
    if (!app.allows(need, mailbox.smtp)) {
      throw GraphError.accessDenied();
    }
    String folderId = state.store.locked(() -> {
      if (events) {
        return mailbox.calendar.id;
      }
      if (rest.size() == 1) {
        return mailbox.contacts.id;
      }
      Folder f = mailbox.folders.get(s.get(3));
      if (f == null || !f.folderClass.equals("IPF.Contact")) {
        throw GraphError.itemNotFound();
      }
      return f.id;
    });
    return new Watched(mailbox, folderId, contacts);
  }

  private static GraphError unsupported(String resource) {
    return new GraphError(400, "InvalidRequest", "The resource '" + resource
        + "' is not supported for change notifications here: users/{id}/contacts, users/{id}/contactFolders/{id}/contacts,"
        + " users/{id}/events.");
  }

  private static JsonObject body(GraphRequest r) {
    try {
      return r.body() == null || r.body().isBlank() ? new JsonObject() : new JsonObject(r.body());
    } catch (DecodeException e) {
      throw GraphError.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }
  }

  private static Set<String> changeTypes(String raw) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : raw.split(",")) {
      String type = t.trim();
      if (!Set.of("created", "updated", "deleted").contains(type)) {
        throw new GraphError(400, "InvalidRequest", "'" + type + "' is not a valid change type: created, updated, deleted.");
      }
      out.add(type);
    }
    return out;
  }

  /** An HTTPS URL; plain HTTP only to a loopback address (the test bed and the worker under test share a machine). */
  private static String url(String raw, String property) {
    try {
      URI uri = URI.create(raw);
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      // A loopback literal only: nothing is looked up in DNS.
      boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
          && (uri.getHost().equalsIgnoreCase("localhost") || uri.getHost().matches("127(\\.\\d{1,3}){3}")
          || uri.getHost().equals("[::1]"));
      if (uri.getHost() != null && (https || loopbackHttp)) {
        return raw;
      }
    } catch (IllegalArgumentException e) {
      // refused below like any other unusable URL
    }
    throw new GraphError(400, "InvalidRequest", "The " + property + " must be an HTTPS URL.");
  }

  private Instant expiration(Object raw) {
    Instant at;
    try {
      at = OffsetDateTime.parse(String.valueOf(raw)).toInstant();
    } catch (DateTimeParseException e) {
      throw GraphError.badRequest("Cannot convert the literal '" + raw + "' to the expected type 'Edm.DateTimeOffset'.");
    }
    Instant now = state.now();
    if (!at.isAfter(now)) {
      throw new GraphError(400, "ExtensionError", "Subscription expiration must be in the future.");
    }
    if (at.isAfter(now.plus(MAX_LIFETIME))) {
      throw new GraphError(400, "ExtensionError", "Subscription expiration can only be " + MAX_LIFETIME.toMinutes()
          + " minutes in the future.");
    }
    return at;
  }

  // --- notifications ------------------------------------------------------------------------------

  @Override
  public void event(Mailbox mailbox, MailboxEvent e) {
    synchronized (this) {
      for (GraphSubscription sub : byId.values()) {
        if (sub.mailbox != mailbox || !sub.expiration.isAfter(state.now())) {
          continue;
        }
        switch (e.type()) {
          case CREATED, COPIED -> notify(sub, e.folderId(), "created", e.itemId(), e.itemChangeKey());
          case MODIFIED -> notify(sub, e.folderId(), "updated", e.itemId(), e.itemChangeKey());
          case DELETED -> notify(sub, e.folderId(), "deleted", e.itemId(), null);
          case MOVED -> {
            notify(sub, e.oldFolderId(), "deleted", e.oldItemId(), null);
            notify(sub, e.folderId(), "created", e.itemId(), e.itemChangeKey());
          }
          default -> { }
        }
      }
      if (!pending.isEmpty() && !flushQueued) {
        flushQueued = true;
        context.runOnContext(v -> flush());
      }
    }
  }

  private void notify(GraphSubscription sub, String folderId, String changeType, String itemId, String changeKey) {
    if (sub.folderId.equals(folderId) && sub.changeTypes.contains(changeType)) {
      pending.computeIfAbsent(sub.notificationUrl, k -> new JsonArray()).add(sub.notification(changeType, itemId, changeKey));
      pendingFor.computeIfAbsent(sub.notificationUrl, k -> new ArrayList<>()).add(sub);
    }
  }

  private void flush() {
    Map<String, JsonArray> out;
    Map<String, List<GraphSubscription>> concerned;
    synchronized (this) {
      flushQueued = false;
      out = new LinkedHashMap<>(pending);
      concerned = new LinkedHashMap<>(pendingFor);
      pending.clear();
      pendingFor.clear();
    }
    out.forEach((url, value) -> delivery.deliver(url, value, () -> concerned.get(url).stream().distinct()
        .forEach(s -> lifecycle(s, "missed"))));
  }

  /** Sends {@code event} to {@code sub}'s lifecycle URL, if it has one. */
  void lifecycle(GraphSubscription sub, String event) {
    if (sub.lifecycleNotificationUrl != null) {
      delivery.deliver(sub.lifecycleNotificationUrl, new JsonArray().add(sub.lifecycle(event)), () -> { });
    }
  }

  /** Expired subscriptions are gone; one an hour from expiry asks to be reauthorized (renewed). */
  private void sweep() {
    List<GraphSubscription> challenged = new ArrayList<>();
    synchronized (this) {
      expire();
      Instant soon = state.now().plus(REAUTHORIZE_BEFORE);
      for (GraphSubscription s : byId.values()) {
        if (!s.reauthorizationSent && s.expiration.isBefore(soon)) {
          s.reauthorizationSent = true;
          challenged.add(s);
        }
      }
    }
    challenged.forEach(s -> lifecycle(s, "reauthorizationRequired"));
  }

  private void expire() {
    Instant now = state.now();
    byId.values().removeIf(s -> !s.expiration.isAfter(now));
  }

  // --- the admin API --------------------------------------------------------------------------------

  synchronized List<GraphSubscription> all() {
    expire();
    return List.copyOf(byId.values());
  }

  synchronized GraphSubscription remove(String id) {
    return byId.remove(id);
  }

  synchronized GraphSubscription find(String id) {
    return byId.get(id);
  }

  synchronized void clear() {
    byId.clear();
    pending.clear();
    pendingFor.clear();
  }
}
