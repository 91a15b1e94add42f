package com.exchangesync.testbed.exchange;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open {@code GetStreamingEvents}: a chunked HTTP answer that stays open for the connection timeout the
 * client asked for (1–30 minutes), carrying one SOAP envelope per chunk. It starts with a
 * {@code ConnectionStatus OK} (so the client sees its headers at once), streams its subscriptions' events as
 * they happen, says {@code OK} every {@code keepAlive} when nothing else was sent, and ends with
 * {@code ConnectionStatus Closed} when its time is up (or its last subscription was unsubscribed). Everything
 * it writes goes through {@code sent} first (the schema check). Runs on the event loop of its request.
 */
final class StreamingConnection {

  private final Vertx vertx;
  private final Context context;
  private final HttpServerResponse response;
  private final StreamingSubscriptions registry;
  private final String budget;
  private final List<StreamingSubscription> subscriptions;
  private final Duration timeout;
  private final Duration keepAlive;
  private final Consumer<String> sent;
  private final AtomicBoolean wakeQueued = new AtomicBoolean();
  private boolean ended;
  private long timeoutTimer = -1;
  private long keepAliveTimer = -1;
  private long lastWriteNanos;

  /**
   * @param budget whose connection allowance this one uses (the impersonated mailbox, else the account)
   * @param sent told of each envelope before it is written
   */
  StreamingConnection(Vertx vertx, HttpServerResponse response, StreamingSubscriptions registry, String budget,
                      List<StreamingSubscription> subscriptions, Duration timeout, Duration keepAlive, Consumer<String> sent) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.response = response;
    this.registry = registry;
    this.budget = budget;
    this.subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>(subscriptions);
    this.timeout = timeout;
    this.keepAlive = keepAlive;
    this.sent = sent;
  }

  String budget() {
    return budget;
  }

  /**
   * Opens the stream, {@code firstEnvelope} (an error naming subscriptions that cannot be streamed) or an
   * {@code OK} first; with the budget's connections all in use, answers {@code ErrorExceededConnectionCount}.
   */
  void start(String firstEnvelope) {
    response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "text/xml; charset=utf-8");
    if (!registry.open(this, subscriptions)) {
      ended = true;
      String refused = NotificationXml.failed("ErrorExceededConnectionCount",
          "You have exceeded the available concurrent connections for your account.  Try again once your other requests"
          + " have completed.", List.of(), false);
      sent.accept(refused);
      response.end(refused);
      return;
    }
    response.closeHandler(v -> finish());
    write(firstEnvelope != null ? firstEnvelope : NotificationXml.status(true));
    flush();
    timeoutTimer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> close());
    keepAliveTimer = vertx.setPeriodic(Math.max(1, keepAlive.toMillis()), id -> {
      if (!ended && System.nanoTime() - lastWriteNanos >= keepAlive.toNanos() / 2) {
        write(NotificationXml.status(true));
      }
    });
  }

  /** New events for one of its subscriptions: streamed soon, on its event loop. */
  void wake() {
    if (wakeQueued.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        wakeQueued.set(false);
        flush();
      });
    }
  }

  /** A subscription moved to a newer connection: one left with none ends cleanly. */
  void forget(StreamingSubscription s) {
    subscriptions.remove(s);
    if (subscriptions.isEmpty()) {
      context.runOnContext(v -> close());
    }
  }

  /** A subscription was unsubscribed: the connection ends cleanly when it was the last. */
  void subscriptionEnded(StreamingSubscription s) {
    subscriptions.remove(s);
    if (subscriptions.isEmpty()) {
      context.runOnContext(v -> close());
    }
  }

  /** The server went away: the connection is cut without a word. */
  void drop() {
    context.runOnContext(v -> {
      if (!ended) {
        finish();
        response.reset();
      }
    });
  }

  private void flush() {
    while (!ended) {
      Map<StreamingSubscription, List<MailboxEvent>> batch = registry.drain(this, NotificationXml.MAX_EVENTS);
      if (batch.isEmpty()) {
        return;
      }
      write(NotificationXml.notifications(batch));
    }
  }

  private void close() {
    if (ended) {
      return;
    }
    flush();
    String closed = NotificationXml.status(false);
    sent.accept(closed);
    finish();
    response.end(closed);
  }

  private void write(String envelope) {
    if (ended) {
      return;
    }
    sent.accept(envelope);
    lastWriteNanos = System.nanoTime();
    response.write(envelope);
  }

  /** Stops its timers and gives its subscriptions back (idempotent: the registry counts it once). */
  private void finish() {
    ended = true;
    if (timeoutTimer >= 0) {
      vertx.cancelTimer(timeoutTimer);
      timeoutTimer = -1;
    }
    if (keepAliveTimer >= 0) {
      vertx.cancelTimer(keepAliveTimer);
      keepAliveTimer = -1;
    }
    registry.closed(this);
  }
}
