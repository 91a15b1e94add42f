package com.exchangesync.testbed.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The streaming subscriptions of every Mailbox server, and the open {@code GetStreamingEvents} connections.
 * The store tells it of every item change ({@link MailboxEvent.Listener}); each subscription that wants the
 * event queues it and the connection streaming that subscription is woken. One lock guards it; it is taken
 * after the store's, never before.
 *
 * <p>Limits, as Exchange Server 2016's defaults: 5,000 subscriptions per mailbox
 * ({@code EWSMaxSubscriptions}, {@code ErrorExceededSubscriptionCount}); {@code hangingConnectionLimit} open
 * streaming connections per budget, the impersonated mailbox's copy when the connection impersonates and the
 * account's own otherwise ({@code ErrorExceededConnectionCount}); a subscription no connection has streamed
 * for {@code idleLifetime} is gone ({@code ErrorSubscriptionNotFound}).
 */
final class StreamingSubscriptions implements MailboxEvent.Listener {

  static final int MAX_PER_MAILBOX = 5000;

  private final Map<String, StreamingSubscription> byId = new LinkedHashMap<>();
  private final Map<String, Integer> openByBudget = new HashMap<>();
  private final Set<StreamingConnection> connections = new LinkedHashSet<>();
  private final Duration idleLifetime;
  private final int hangingConnectionLimit;

  StreamingSubscriptions(Duration idleLifetime, int hangingConnectionLimit) {
    this.idleLifetime = idleLifetime;
    this.hangingConnectionLimit = hangingConnectionLimit;
  }

  /** What a lookup of one id found: the subscription, or the EWS error code for it. */
  record Found(StreamingSubscription subscription, String errorCode) {}

  synchronized StreamingSubscription subscribe(String server, String owner, Mailbox mailbox, Set<String> folderIds,
                                               Set<MailboxEvent.Type> types) {
    expire();
    long forMailbox = byId.values().stream().filter(s -> s.mailbox == mailbox).count();
    if (forMailbox >= MAX_PER_MAILBOX) {
      throw new ResponseMessageError("ErrorExceededSubscriptionCount",
          "You have exceeded the maximum number of subscriptions allowed for this mailbox.");
    }
    StreamingSubscription s = new StreamingSubscription(server, owner, mailbox, folderIds, types, System.nanoTime());
    byId.put(s.id, s);
    return s;
  }

  /**
   * The subscription {@code id} names, as the Mailbox server {@code server} sees it: a malformed id is
   * {@code ErrorInvalidSubscription}; one this server does not hold (made elsewhere, expired, unsubscribed,
   * forgotten by a restart) {@code ErrorSubscriptionNotFound}; another account's
   * {@code ErrorSubscriptionAccessDenied}.
   */
  synchronized Found find(String id, String server, String owner) {
    expire();
    if (StreamingSubscription.serverOf(id).isEmpty()) {
      return new Found(null, "ErrorInvalidSubscription");
    }
    StreamingSubscription s = byId.get(id.trim());
    if (s == null || !s.server.equals(server)) {
      return new Found(null, "ErrorSubscriptionNotFound");
    }
    if (!s.owner.equalsIgnoreCase(owner)) {
      return new Found(null, "ErrorSubscriptionAccessDenied");
    }
    return new Found(s, null);
  }

  /** Ends a subscription; a connection left with none is closed cleanly. */
  void unsubscribe(StreamingSubscription s) {
    StreamingConnection orphaned;
    synchronized (this) {
      byId.remove(s.id);
      orphaned = s.connection;
      s.connection = null;
    }
    if (orphaned != null) {
      orphaned.subscriptionEnded(s);
    }
  }

  /**
   * Opens {@code connection} for {@code subs} if the budget allows: a subscription streamed by another
   * connection moves to this one.
   *
   * @return false when the budget's connections are all in use
   */
  synchronized boolean open(StreamingConnection connection, List<StreamingSubscription> subs) {
    int open = openByBudget.getOrDefault(connection.budget(), 0);
    if (open >= hangingConnectionLimit) {
      return false;
    }
    openByBudget.put(connection.budget(), open + 1);
    connections.add(connection);
    for (StreamingSubscription s : subs) {
      if (s.connection != null && s.connection != connection) {
        s.connection.forget(s);
      }
      s.connection = connection;
    }
    return true;
  }

  /** The connection ended: its subscriptions wait for the next one (and age meanwhile). */
  synchronized void closed(StreamingConnection connection) {
    if (!connections.remove(connection)) {
      return;
    }
    openByBudget.merge(connection.budget(), -1, Integer::sum);
    long now = System.nanoTime();
    for (StreamingSubscription s : byId.values()) {
      if (s.connection == connection) {
        s.connection = null;
        s.idleSinceNanos = now;
      }
    }
  }

  /** Takes up to {@code max} events of each of {@code connection}'s subscriptions that still stream to it. */
  synchronized Map<StreamingSubscription, List<MailboxEvent>> drain(StreamingConnection connection, int max) {
    Map<StreamingSubscription, List<MailboxEvent>> out = new LinkedHashMap<>();
    for (StreamingSubscription s : byId.values()) {
      if (s.connection == connection && !s.queue.isEmpty()) {
        out.put(s, s.take(max));
      }
    }
    return out;
  }

  @Override
  public void event(Mailbox mailbox, MailboxEvent event) {
    List<StreamingConnection> woken = new ArrayList<>();
    synchronized (this) {
      for (StreamingSubscription s : byId.values()) {
        if (s.wants(mailbox, event)) {
          s.offer(event);
          if (s.connection != null && !woken.contains(s.connection)) {
            woken.add(s.connection);
          }
        }
      }
    }
    woken.forEach(StreamingConnection::wake);
  }

  /** A restart of every Mailbox server's EWS: subscriptions are forgotten and open connections dropped. */
  void restart() {
    List<StreamingConnection> dropped;
    synchronized (this) {
      byId.clear();
      dropped = new ArrayList<>(connections);
    }
    dropped.forEach(StreamingConnection::drop);
  }

  /** The subscriptions held, for the admin API. */
  synchronized List<StreamingSubscription> all() {
    expire();
    return List.copyOf(byId.values());
  }

  private void expire() {
    long now = System.nanoTime();
    byId.values().removeIf(s -> s.connection == null && now - s.idleSinceNanos > idleLifetime.toNanos());
  }
}
