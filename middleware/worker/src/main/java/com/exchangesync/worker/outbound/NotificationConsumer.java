package com.exchangesync.worker.outbound;

import com.exchangesync.worker.errors.ErrorOutbox;
import com.exchangesync.worker.errors.SyncError;
import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceNames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored notifications into work, at least once and without looping.
 *
 * <p>Each due {@code pending} notification is handled in a transaction of its
 * own that locks its row ({@code FOR UPDATE SKIP LOCKED}, so several workers
 * share the inbox), runs the {@link NotificationHandler} registered for its
 * object type, and marks it {@code processed}. When the handler fails, a second
 * transaction counts the attempt and makes the row due again after a capped
 * exponential backoff; at the last allowed attempt it marks the row
 * {@code failed} and, in the same transaction, puts an error for the admin into
 * the {@link ErrorOutbox}. A notification of a type nobody handles fails at once
 * (retrying cannot help).
 */
public final class NotificationConsumer {

  /** Notifications read per round. */
  public static final int BATCH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(NotificationConsumer.class);

  private final Vertx vertx;
  private final io.vertx.core.Context context;
  private final Pool pool;
  private final SalesforceNames names;
  private final ErrorOutbox errors;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Clock clock;
  private final Map<String, NotificationHandler> handlers = new HashMap<>();
  private final Metrics.Counter processed;
  private final Metrics.Counter retried;
  private final Metrics.Counter failed;
  private long timer = -1;
  private boolean running;
  private boolean again;

  /**
   * A consumer of the inbox behind {@code pool}.
   *
   * @param maxAttempts handler runs before a notification is given up as failed
   */
  public NotificationConsumer(Vertx vertx, Pool pool, SalesforceNames names, ErrorOutbox errors, Backoff backoff,
                              int maxAttempts, Clock clock, Metrics metrics) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.pool = pool;
    this.names = names;
    this.errors = errors;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
    this.processed = metrics.counter("exsync_outbound_notifications_processed_total",
        "Stored notifications turned into work, by object type", "object");
    this.retried = metrics.counter("exsync_outbound_notifications_retried_total",
        "Notification handler failures that will be retried, by object type", "object");
    this.failed = metrics.counter("exsync_outbound_notifications_failed_total",
        "Notifications given up after repeated failure (an error row records each), by object type", "object");
  }

  /** Registers {@code handler} for the object of logical name {@code logicalType} (e.g. {@code Contact}). */
  public NotificationConsumer handle(String logicalType, NotificationHandler handler) {
    handlers.put(logicalType, handler);
    return this;
  }

  /**
   * The product's handlers: Contact and Event become {@code sync_request}s; the
   * package's setup objects become {@code config_change}s.
   */
  public NotificationConsumer withProductHandlers() {
    NotificationHandler sync = new SyncRequestHandler();
    handle("Contact", sync).handle("Event", sync);
    handle(SalesforceNames.SETUP, new ConfigChangeHandler("setup"));
    handle(SalesforceNames.CONFIGURATION, new ConfigChangeHandler("configuration"));
    handle(SalesforceNames.MEMBER, new ConfigChangeHandler("member"));
    handle(SalesforceNames.FIELD_MAPPING, new ConfigChangeHandler("field_mapping"));
    handle(SalesforceNames.USER_STATUS, new ConfigChangeHandler("user_status"));
    handle(SalesforceNames.SYSTEM_STATUS, new ConfigChangeHandler("system_status"));
    handle(SalesforceNames.CONNECTION_TEST, new ConfigChangeHandler("connection_test"));
    return this;
  }

  /** Consumes every {@code interval}, and at once after each {@link #wake}. */
  public void start(Duration interval) {
    timer = vertx.setPeriodic(interval.toMillis(), id -> wake());
  }

  /** Stops the periodic run. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Runs soon (e.g. after the endpoint stored notifications); never two runs at once. */
  public void wake() {
    // One context owns the running/again flags, whichever thread calls wake().
    context.runOnContext(v -> {
      if (running) {
        again = true;
        return;
      }
      running = true;
      runOnce().onComplete(ar -> {
        running = false;
        if (ar.failed()) {
          LOG.warn("Notification consumer round failed: {}", ar.cause().getMessage());
        }
        if (again) {
          again = false;
          wake();
        }
      });
    });
  }

  /**
   * Handles every notification due now, in rounds of {@link #BATCH}.
   *
   * @return how many were processed, retried or failed in this run
   */
  public Future<Integer> runOnce() {
    return round(0);
  }

  private Future<Integer> round(int doneSoFar) {
    return pool.preparedQuery("SELECT org_id, notification_id FROM outbound_notification"
            + " WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY received_at, notification_id LIMIT $1")
        .execute(Tuple.of(BATCH))
        .compose(rows -> {
          Future<Integer> chain = Future.succeededFuture(0);
          for (Row row : rows) {
            String org = row.getString("org_id");
            String id = row.getString("notification_id");
            chain = chain.compose(n -> one(org, id).map(handled -> handled ? n + 1 : n));
          }
          int size = rows.size();
          return chain.compose(n -> size < BATCH || n == 0
              ? Future.succeededFuture(doneSoFar + n)
              : round(doneSoFar + n));
        });
  }

  /** Handles one notification; true if this call took it (another worker may hold it). */
  private Future<Boolean> one(String org, String id) {
    StoredNotification[] taken = new StoredNotification[1];
    return pool.withTransaction(tx -> tx.preparedQuery("SELECT * FROM outbound_notification"
                + " WHERE org_id = $1 AND notification_id = $2 AND status = 'pending' AND next_attempt_at <= now()"
                + " FOR UPDATE SKIP LOCKED")
            .execute(Tuple.of(org, id))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(false);
              }
              StoredNotification n = read(rows.iterator().next());
              taken[0] = n;
              NotificationHandler handler = handlers.get(n.logicalType());
              if (handler == null) {
                return Future.failedFuture(new NoHandlerException(n.objectType()));
              }
              return invoke(handler, tx, n)
                  .compose(v -> tx.preparedQuery("UPDATE outbound_notification SET status = 'processed',"
                          + " processed_at = now(), last_error = NULL WHERE org_id = $1 AND notification_id = $2")
                      .execute(Tuple.of(org, id)))
                  .map(r -> true);
            }))
        .onSuccess(took -> {
          if (took) {
            processed.inc(taken[0].logicalType());
          }
        })
        .recover(e -> taken[0] == null ? Future.failedFuture(e) : failure(taken[0], e).map(true));
  }

  private static Future<Void> invoke(NotificationHandler handler, SqlConnection tx, StoredNotification n) {
    try {
      return handler.handle(tx, n);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> failure(StoredNotification n, Throwable cause) {
    int attempts = n.attempts() + 1;
    boolean giveUp = attempts >= maxAttempts || cause instanceof NoHandlerException;
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (!giveUp) {
      retried.inc(n.logicalType());
      Duration delay = backoff.delay(attempts);
      LOG.info("Notification {} ({}) failed (attempt {} of {}), retrying in {} ms: {}",
          n.notificationId(), n.logicalType(), attempts, maxAttempts, delay.toMillis(), reason);
      return pool.preparedQuery("UPDATE outbound_notification SET attempts = $3, last_error = $4,"
              + " next_attempt_at = now() + $5 * interval '1 millisecond'"
              + " WHERE org_id = $1 AND notification_id = $2 AND status = 'pending'")
          .execute(Tuple.of(n.orgId(), n.notificationId(), attempts, reason, delay.toMillis()))
          .mapEmpty();
    }
    failed.inc(n.logicalType());
    LOG.warn("Notification {} ({}) failed {} time(s) and is given up; an error row records it: {}",
        n.notificationId(), n.logicalType(), attempts, reason);
    SyncError error = new SyncError(n.orgId(), null, n.logicalType(), "Salesforce to Exchange", n.recordId(), null,
        cause instanceof NoHandlerException ? "NOTIFICATION_UNHANDLED" : "NOTIFICATION_FAILED",
        "An Outbound Message about " + n.logicalType() + (n.recordId() == null ? "" : " " + n.recordId())
            + " could not be processed after " + attempts + " attempt(s): " + reason,
        cause instanceof NoHandlerException
            ? "Remove " + n.objectType() + " from the Exchange Sync outbound messages, or upgrade the middleware."
            : "The record will still sync at the next poll. If this repeats, check the middleware logs.",
        clock.instant(), null);
    return pool.withTransaction(tx -> tx.preparedQuery("UPDATE outbound_notification SET attempts = $3, last_error = $4,"
                + " status = 'failed', processed_at = now() WHERE org_id = $1 AND notification_id = $2 AND status = 'pending'")
            .execute(Tuple.of(n.orgId(), n.notificationId(), attempts, reason))
            .compose(r -> r.rowCount() == 0 ? Future.succeededFuture() : errors.add(tx, error)));
  }

  private StoredNotification read(Row r) {
    JsonObject json = (JsonObject) r.getJson("fields");
    Map<String, String> fields = new HashMap<>();
    for (String key : json.fieldNames()) {
      Object value = json.getValue(key);
      fields.put(key, value == null ? null : value.toString());
    }
    String type = r.getString("object_type");
    return new StoredNotification(r.getString("org_id"), r.getString("notification_id"), type, names.logical(type),
        r.getString("record_id"), fields, r.getInteger("attempts"), r.getOffsetDateTime("received_at").toInstant());
  }

  private static final class NoHandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoHandlerException(String type) {
      super("no handler for notifications about " + type, null, false, false);
    }
  }
}
