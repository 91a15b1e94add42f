package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.MailboxException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import microsoft.exchange.webservices.data.notification.NotificationEvent;
import microsoft.exchange.webservices.data.notification.NotificationEventArgs;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group of at most {@link #MAX_SUBSCRIPTIONS} mailboxes of one EWS URL, streamed over one connection as
 * Microsoft's "Maintain affinity between a group of subscriptions and the Mailbox server" says: one
 * {@code ExchangeService} for the group (it keeps the cookies), every request with {@code X-AnchorMailbox} (the
 * group's first mailbox in alphabetical order) and {@code X-PreferServerAffinity: true}, so the anchor's
 * subscription answer sets the {@code X-BackEndOverrideCookie} that routes every later request of the group to the
 * same Mailbox server; each mailbox subscribed by impersonation to its {@code Salesforce_Sync} folder and main
 * calendar; one {@code GetStreamingEvents} for all, impersonating the anchor (whose connection budget it spends).
 *
 * <p>Runs on its own virtual thread: subscribes what is missing, opens a 30-minute connection, and waits. A
 * connection that ends (its time is up, or the server cut it) is opened again, after a pause that doubles while
 * it keeps failing; a subscription the server no longer knows ({@code ErrorSubscriptionNotFound} and the like)
 * is made again and the connection reopened with it. After a connection was lost, every mailbox of the group is
 * woken once: changes made meanwhile were not streamed.
 */
final class EwsStreamGroup {

  /** Subscriptions per connection: Microsoft's limit for a group. */
  static final int MAX_SUBSCRIPTIONS = 200;
  /** The longest connection EWS allows, in minutes. */
  static final int CONNECTION_MINUTES = 30;
  private static final long MAX_PAUSE_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(EwsStreamGroup.class);

  /** What the group's thread waits for. */
  private sealed interface Signal permits Ended, Failed, Stop {}

  private record Ended(StreamingSubscriptionConnection connection, Exception cause) implements Signal {}

  private record Failed(String subscriptionId, Exception cause) implements Signal {}

  private record Stop() implements Signal {}

  /** One mailbox's subscription and the folders it watches, by folder id, with their kind. */
  private record Subscribed(StreamingSubscription subscription, Map<String, ItemKind> folders) {}

  private final URI ewsUrl;
  private final List<String> members;
  private final EwsServiceFactory services;
  private final EwsSettings settings;
  private final ExchangeStats stats;
  private final BiConsumer<String, ItemKind> changed;
  private final Map<String, Subscribed> subscribed = new ConcurrentHashMap<>();
  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
  private volatile StreamingSubscriptionConnection connection;
  private volatile boolean streaming;
  private volatile boolean running = true;

  /**
   * @param members the group's mailboxes, in alphabetical order (the first is the anchor)
   * @param changed told of each mailbox and kind that changed
   */
  EwsStreamGroup(URI ewsUrl, List<String> members, EwsServiceFactory services, EwsSettings settings, ExchangeStats stats,
                 BiConsumer<String, ItemKind> changed) {
    this.ewsUrl = ewsUrl;
    this.members = List.copyOf(members);
    this.services = services;
    this.settings = settings;
    this.stats = stats;
    this.changed = changed;
  }

  List<String> members() {
    return members;
  }

  void start() {
    Thread.ofVirtual().name("exsync-ews-stream-" + members.get(0)).start(this::run);
  }

  /** Lets the subscriptions go and ends the thread. */
  void stop() {
    running = false;
    signals.add(new Stop());
  }

  /** Every member subscribed and the connection open. */
  boolean healthy() {
    return streaming && subscribed.keySet().containsAll(members);
  }

  private void run() {
    String anchor = members.get(0);
    ExchangeService service = services.create(ewsUrl, java.util.Optional.empty());
    service.getHttpHeaders().put("X-AnchorMailbox", anchor);
    service.getHttpHeaders().put("X-PreferServerAffinity", "true");
    long pause = 1000;
    boolean lost = false;
    try {
      while (running) {
        subscribeMissing(service);
        if (subscribed.isEmpty()) {
          pause = sleep(pause);
          continue;
        }
        try {
          open(service, anchor);
        } catch (Exception e) {
          LOG.warn("Opening the EWS notification stream of {} mailboxes (anchor {}) failed; trying again in {} ms",
              subscribed.size(), anchor, pause, e);
          pause = sleep(pause);
          continue;
        }
        if (lost) {
          lost = false;
          // Nothing was streamed while the connection was down: each mailbox's passes look for themselves.
          members.forEach(m -> {
            changed.accept(m, ItemKind.CONTACT);
            changed.accept(m, ItemKind.EVENT);
          });
        }
        Signal signal = signals.take();
        if (signal instanceof Stop) {
          break;
        }
        if (signal instanceof Failed failed) {
          subscribed.values().removeIf(s -> s.subscription().getId().equals(failed.subscriptionId()));
          LOG.info("EWS dropped a subscription of the group anchored at {} ({}): subscribing again", anchor,
              failed.cause() == null ? "no reason given" : failed.cause().getMessage());
          lost = true;
          continue;
        }
        Ended ended = (Ended) signal;
        if (ended.connection() != connection) {
          continue; // an older connection, whose subscriptions have moved to the current one
        }
        streaming = false;
        if (ended.cause() == null) {
          pause = 1000; // its time was up: open the next one at once
        } else {
          LOG.warn("The EWS notification stream anchored at {} was cut; opening it again in {} ms", anchor, pause,
              ended.cause());
          lost = true;
          pause = sleep(pause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      streaming = false;
      unsubscribeAll(service);
    }
  }

  private void subscribeMissing(ExchangeService service) {
    for (String email : members) {
      if (!running || subscribed.containsKey(email)) {
        continue;
      }
      EwsCalls calls = new EwsCalls(email, settings.retry(), stats);
      try {
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, email));
        FolderId contacts = EwsFolders.ensureSyncFolder(service, calls);
        FolderId calendar = EwsFolders.bind(service, calls, WellKnownFolderName.Calendar).getId();
        StreamingSubscription s = calls.call("Subscribe", () -> service.subscribeToStreamingNotifications(
            List.of(contacts, calendar), EventType.Created, EventType.Modified, EventType.Deleted, EventType.Moved,
            EventType.Copied));
        Map<String, ItemKind> folders = new HashMap<>();
        folders.put(contacts.getUniqueId(), ItemKind.CONTACT);
        folders.put(calendar.getUniqueId(), ItemKind.EVENT);
        subscribed.put(email, new Subscribed(s, folders));
      } catch (MailboxException e) {
        LOG.warn("Cannot subscribe to the mailbox of {} for notifications ({}); its changes are found by the poll until a"
            + " later attempt works", email, e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Cannot subscribe to the mailbox of {} for notifications", email, e);
      }
    }
  }

  private void open(ExchangeService service, String anchor) throws Exception {
    service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, anchor));
    StreamingSubscriptionConnection c = new StreamingSubscriptionConnection(service, CONNECTION_MINUTES);
    for (Subscribed s : subscribed.values()) {
      c.addSubscription(s.subscription());
    }
    c.addOnNotificationEvent((sender, args) -> notified(args));
    c.addOnSubscriptionError((sender, args) -> signals.add(args.getSubscription() == null
        ? new Ended(c, args.getException() != null ? args.getException() : new IllegalStateException("the stream failed"))
        : new Failed(args.getSubscription().getId(), args.getException())));
    c.addOnDisconnect((sender, args) -> signals.add(new Ended(c, args.getException())));
    connection = c;
    stats.call("GetStreamingEvents");
    c.open();
    streaming = true;
  }

  /** Tells of each mailbox and kind a batch of notifications concerns, once each. */
  private void notified(NotificationEventArgs args) {
    Subscribed owner = null;
    String email = null;
    for (Map.Entry<String, Subscribed> e : subscribed.entrySet()) {
      if (e.getValue().subscription().getId().equals(args.getSubscription().getId())) {
        owner = e.getValue();
        email = e.getKey();
      }
    }
    if (owner == null) {
      return;
    }
    Set<ItemKind> kinds = new LinkedHashSet<>();
    for (NotificationEvent event : args.getEvents()) {
      ItemKind kind = kindOf(owner.folders(), event);
      if (kind == null) {
        kinds.add(ItemKind.CONTACT);
        kinds.add(ItemKind.EVENT);
      } else {
        kinds.add(kind);
      }
    }
    String who = email;
    kinds.forEach(k -> changed.accept(who, k));
  }

  /** The kind of the watched folder an event happened in (or, moved, came from); null when neither is known. */
  private static ItemKind kindOf(Map<String, ItemKind> folders, NotificationEvent event) {
    for (FolderId id : new FolderId[] {event.getParentFolderId(), event.getOldParentFolderId()}) {
      if (id != null && folders.containsKey(id.getUniqueId())) {
        return folders.get(id.getUniqueId());
      }
    }
    return null;
  }

  private void unsubscribeAll(ExchangeService service) {
    for (Map.Entry<String, Subscribed> e : subscribed.entrySet()) {
      try {
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, e.getKey()));
        e.getValue().subscription().unsubscribe();
      } catch (Exception ex) {
        LOG.debug("Unsubscribing {} failed (the subscription expires by itself)", e.getKey(), ex);
      }
    }
    subscribed.clear();
  }

  /** Waits {@code pause} (a stop ends the wait and the loop); returns the next, doubled pause. */
  private long sleep(long pause) throws InterruptedException {
    long until = System.nanoTime() + pause * 1_000_000;
    for (long left = pause; left > 0 && running; left = (until - System.nanoTime()) / 1_000_000) {
      if (signals.poll(left, java.util.concurrent.TimeUnit.MILLISECONDS) instanceof Stop) {
        running = false;
      }
    }
    return Math.min(MAX_PAUSE_MS, pause * 2);
  }
}
