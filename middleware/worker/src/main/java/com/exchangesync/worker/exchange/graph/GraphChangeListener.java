package com.exchangesync.worker.exchange.graph;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.push.GraphSubscriptionRows;
import com.exchangesync.worker.push.PushContext;
import com.exchangesync.worker.push.PushListener;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph change notifications for an org on Exchange Online: per watched mailbox, one subscription to its
 * {@code Salesforce_Sync} contacts and one to its events, posting to the worker's public URL
 * ({@code /exchange/graph/notifications}, lifecycle notifications to {@code /exchange/graph/lifecycle}, both
 * answered by {@code GraphNotificationEndpoint} on every worker). Each subscription has a random
 * {@code clientState} of 256 bits, kept only as its SHA-256 in {@code graph_subscription}, so whichever worker
 * receives a notification can check it.
 *
 * <p>A reconcile runs when the cycle hands over the mailboxes and every minute: it lists the app's subscriptions
 * Graph holds, makes those that are missing (a new rep, one Graph removed, one that expired), renews those with less than {@link #RENEW_BEFORE} left (a
 * {@code reauthorizationRequired} marks one for renewal at once) and ends those of mailboxes no longer watched.
 * Subscriptions are asked for {@link #LIFETIME}, under Graph's 10,080 minutes for Outlook resources.
 */
final class GraphChangeListener implements PushListener {

  static final Duration LIFETIME = Duration.ofMinutes(10_000);
  static final Duration RENEW_BEFORE = Duration.ofDays(1);
  static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);
  static final String NOTIFICATIONS_PATH = "/exchange/graph/notifications";
  static final String LIFECYCLE_PATH = "/exchange/graph/lifecycle";
  private static final Logger LOG = LoggerFactory.getLogger(GraphChangeListener.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One watched mailbox and kind. */
  private record Key(String email, ItemKind kind) {}

  private final GraphHttp http;
  private final String orgId;
  private final URI publicUrl;
  private final PushContext context;
  private final Object lock = new Object();
  /** The mailboxes to watch; null until the cycle first says (nothing is ended before). */
  private Set<String> watched;
  private volatile boolean healthy;
  private volatile boolean running = true;
  private final Thread thread;

  GraphChangeListener(GraphHttp http, String orgId, URI publicUrl, PushContext context) {
    this.http = http;
    this.orgId = orgId;
    this.publicUrl = publicUrl;
    this.context = context;
    this.thread = Thread.ofVirtual().name("exsync-graph-subscriptions").start(this::loop);
  }

  @Override
  public void watch(Collection<String> emails) {
    Set<String> now = new LinkedHashSet<>();
    emails.forEach(e -> now.add(e.toLowerCase(Locale.ROOT)));
    synchronized (lock) {
      watched = Set.copyOf(now);
      lock.notifyAll();
    }
  }

  @Override
  public boolean healthy() {
    return healthy;
  }

  /** Stops reconciling; the subscriptions stay, for the worker that listens next. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void loop() {
    Set<String> last = null;
    while (running) {
      Set<String> current;
      synchronized (lock) {
        while (watched == null) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        current = watched;
      }
      try {
        healthy = reconcile(current);
      } catch (RuntimeException e) {
        healthy = false;
        LOG.warn("Reconciling the Microsoft Graph subscriptions of org {} failed; the poll finds changes meanwhile", orgId, e);
      }
      last = current;
      synchronized (lock) {
        try {
          if (watched == last) {
            lock.wait(RECONCILE_EVERY.toMillis());
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Makes, renews and ends subscriptions; whether every watched mailbox and kind has a live one. */
  private boolean reconcile(Set<String> emails) {
    Instant now = context.clock().instant();
    GraphSubscriptionRows rows = context.graphSubscriptions();
    Map<Key, GraphSubscriptionRows.Subscription> existing = new HashMap<>();
    Set<String> live = emails.isEmpty() ? Set.of() : liveIds(emails.iterator().next());
    for (GraphSubscriptionRows.Subscription s : Blocking.await(rows.ofOrg(orgId))) {
      if (live.contains(s.id())) {
        existing.put(new Key(s.email(), s.kind()), s);
      } else {
        // Graph no longer has it (removed without a word, or expired while no worker listened): make it again.
        Blocking.await(rows.delete(s.id()));
      }
    }
    boolean all = true;
    for (String email : emails) {
      for (ItemKind kind : ItemKind.values()) {
        GraphSubscriptionRows.Subscription s = existing.remove(new Key(email, kind));
        try {
          if (s == null || !s.expiresAt().isAfter(now)) {
            create(email, kind, now);
          } else if (s.expiresAt().isBefore(now.plus(RENEW_BEFORE)) && !renew(s, now)) {
            create(email, kind, now);
          }
        } catch (MailboxException | RuntimeException e) {
          all = false;
          LOG.warn("No Microsoft Graph subscription to the {} of {} ({}); the poll finds its changes meanwhile",
              kind == ItemKind.CONTACT ? "contacts" : "events", email, e.getMessage());
        }
      }
    }
    for (GraphSubscriptionRows.Subscription gone : existing.values()) {
      end(gone);
    }
    return all && !emails.isEmpty();
  }

  /** The ids of the app's subscriptions Graph holds ({@code GET /subscriptions}, every page), asked as {@code smtp}. */
  private Set<String> liveIds(String smtp) {
    Set<String> ids = new java.util.HashSet<>();
    String path = "/subscriptions";
    try {
      while (path != null) {
        ApiReply reply = http.send(smtp, ApiRequest.get("subscriptions.list", ApiRequest.CONTACTS, path));
        if (!reply.ok()) {
          throw new IllegalStateException("Microsoft Graph did not list the subscriptions: " + reply.describe());
        }
        reply.values().forEach(v -> ids.add(v.getString("id")));
        path = reply.nextLink().isPresent() ? http.relative(reply.nextLink().get()) : null;
      }
    } catch (MailboxException e) {
      throw new IllegalStateException("Microsoft Graph did not list the subscriptions: " + e.getMessage(), e);
    }
    return ids;
  }

  private void create(String email, ItemKind kind, Instant now) throws MailboxException {
    String resource = kind == ItemKind.CONTACT
        ? "users/" + email + "/contactFolders/" + GraphFolders.ensureSyncFolder(http, email) + "/contacts"
        : "users/" + email + "/events";
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String clientState = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expires = now.plus(LIFETIME);
    JsonObject body = new JsonObject().put("changeType", "created,updated,deleted")
        .put("notificationUrl", publicUrl + NOTIFICATIONS_PATH).put("lifecycleNotificationUrl", publicUrl + LIFECYCLE_PATH)
        .put("resource", resource).put("expirationDateTime", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC).toString())
        .put("clientState", clientState);
    ApiReply reply = http.send(email, ApiRequest.post("subscriptions.create", permission(kind), "/subscriptions", body));
    if (!reply.ok() || reply.body().getString("id") == null) {
      throw new MailboxException(com.exchangesync.worker.exchange.MailboxError.UNEXPECTED,
          "Microsoft Graph refused the subscription: " + reply.describe());
    }
    Blocking.await(context.graphSubscriptions().put(new GraphSubscriptionRows.Subscription(reply.body().getString("id"), orgId,
        email, kind, GraphSubscriptionRows.hash(clientState), expires)));
    LOG.info("Subscribed to Microsoft Graph change notifications of the {} of {}", kind == ItemKind.CONTACT ? "contacts"
        : "events", email);
  }

  /** Extends {@code s}; false when Graph no longer has it (it is then made again). */
  private boolean renew(GraphSubscriptionRows.Subscription s, Instant now) throws MailboxException {
    Instant expires = now.plus(LIFETIME);
    ApiReply reply = http.send(s.email(), ApiRequest.patch("subscription.update", permission(s.kind()), "/subscriptions/"
        + s.id(), new JsonObject().put("expirationDateTime", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC).toString())));
    if (reply.status() == 404) {
      Blocking.await(context.graphSubscriptions().delete(s.id()));
      return false;
    }
    if (!reply.ok()) {
      throw new MailboxException(com.exchangesync.worker.exchange.MailboxError.UNEXPECTED,
          "Microsoft Graph did not renew the subscription: " + reply.describe());
    }
    Blocking.await(context.graphSubscriptions().expires(s.id(), expires));
    return true;
  }

  private void end(GraphSubscriptionRows.Subscription s) {
    try {
      http.send(s.email(), ApiRequest.delete("subscription.delete", permission(s.kind()), "/subscriptions/" + s.id()));
    } catch (MailboxException | RuntimeException e) {
      LOG.debug("Ending the subscription of {} failed; it expires by itself", s.email(), e);
    }
    Blocking.await(context.graphSubscriptions().delete(s.id()));
  }

  private static String permission(ItemKind kind) {
    return kind == ItemKind.CONTACT ? ApiRequest.CONTACTS : ApiRequest.CALENDARS;
  }
}
