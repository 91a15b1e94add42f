package com.exchangesync.worker.push;

import com.exchangesync.worker.config.PushSettings;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.sync.MailboxKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one push listener per org running, on one worker: after each cycle the cycle tells it the org's connector
 * and linked reps ({@link #watch}). Of several workers sharing the database, the one holding the org's push lease
 * (a {@code mailbox_lease} row with the user id {@code push}, renewed every third of the lease) listens; should it
 * die, another takes the lease over at its next cycle. A new connector (Setup changed) gets a new listener.
 */
public final class PushControl implements AutoCloseable {

  /** The lease row's user id: no Salesforce user id looks like it. */
  static final String LEASE_USER = com.exchangesync.worker.store.MailboxLeases.PUSH_LISTENER;
  private static final Logger LOG = LoggerFactory.getLogger(PushControl.class);

  private final PushSettings settings;
  private final MailboxLeases leases;
  private final String workerId;
  private final Duration lease;
  private final PushContext context;
  private MailboxConnector connector;
  private PushListener listener;
  private MailboxKey leaseKey;
  private Thread heartbeat;

  public PushControl(PushSettings settings, MailboxLeases leases, String workerId, Duration lease, PushContext context) {
    this.settings = settings;
    this.leases = leases;
    this.workerId = workerId;
    this.lease = lease;
    this.context = context;
  }

  /** Listens to {@code emails} through {@code connector}'s transport, if this worker holds the org's push lease. */
  public synchronized void watch(String orgId, MailboxConnector connector, Collection<String> emails) {
    if (!settings.enabled()) {
      return;
    }
    MailboxKey key = new MailboxKey(orgId, LEASE_USER);
    if (leases.acquire(workerId, List.of(key), 1, lease).isEmpty()) {
      stopListening("another worker listens to the org's mailboxes");
      return;
    }
    leaseKey = key;
    startHeartbeat();
    if (connector != this.connector) {
      stopListening(null);
      this.connector = connector;
      Optional<PushListener> made = connector.listen(orgId, context);
      listener = made.orElse(null);
      if (listener == null) {
        LOG.info("No push notifications for this org's Exchange: polling every {} s", settings.pollInterval().toSeconds());
      }
    }
    if (listener != null) {
      listener.watch(emails);
    }
  }

  /** Whether push notifications can arrive now for every watched mailbox. */
  public synchronized boolean healthy() {
    return listener != null && listener.healthy();
  }

  @Override
  public synchronized void close() {
    stopListening(null);
    if (heartbeat != null) {
      heartbeat.interrupt();
      heartbeat = null;
    }
    if (leaseKey != null) {
      leases.release(workerId, leaseKey);
      leaseKey = null;
    }
  }

  private void stopListening(String why) {
    if (listener != null) {
      if (why != null) {
        LOG.info("Push listener stopped: {}", why);
      }
      listener.close();
    }
    listener = null;
    connector = null;
  }

  private void startHeartbeat() {
    if (heartbeat != null) {
      return;
    }
    heartbeat = Thread.ofVirtual().name("exsync-push-lease").start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(Math.max(1, lease.toMillis() / 3));
          MailboxKey key;
          synchronized (this) {
            key = leaseKey;
          }
          if (key != null && !leases.renew(workerId, key, lease)) {
            synchronized (this) {
              stopListening("the push lease passed to another worker");
              leaseKey = null;
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.warn("Renewing the push lease failed; the next cycle takes it again", e);
        synchronized (this) {
          heartbeat = null;
        }
      }
    });
  }
}
