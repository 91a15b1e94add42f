package com.exchangesync.worker.errors;

import com.exchangesync.worker.metrics.Metrics;
import com.exchangesync.worker.salesforce.Backoff;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.WriteResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves errors from the {@link ErrorOutbox} to Salesforce in batches of at most
 * 200 (the API's limit per create call). A row is deleted only after its
 * SaveResult says success; a row Salesforce refused, or every leased row when
 * Salesforce cannot be reached, is put back with a capped exponential backoff
 * and tried again on a later flush.
 *
 * <p>Delivery is at least once: if the worker dies between Salesforce's answer
 * and the delete, the next flush sends those rows again ({@code ExchangeSyncError__c}
 * has no external id to upsert on). The window is one round trip to PostgreSQL.
 */
public final class ErrorOutboxDrainer {

  /** The most records in one Salesforce create call. */
  public static final int BATCH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(ErrorOutboxDrainer.class);

  private final Vertx vertx;
  private final ErrorOutbox outbox;
  private final ErrorSender sender;
  private final Backoff backoff;
  private final Metrics.Counter sentCounter;
  private final Metrics.Counter refusedCounter;
  private long timer = -1;
  private boolean running;

  /** A drainer from {@code outbox} to {@code sender}. */
  public ErrorOutboxDrainer(Vertx vertx, ErrorOutbox outbox, ErrorSender sender, Backoff backoff, Metrics metrics) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.sender = sender;
    this.backoff = backoff;
    this.sentCounter = metrics.counter("exsync_error_outbox_sent_total", "Errors written to Salesforce from the outbox");
    this.refusedCounter = metrics.counter("exsync_error_outbox_retries_total",
        "Outbox errors put back for a later flush, by reason", "code");
    metrics.gauge("exsync_error_outbox_depth", "Errors waiting in the outbox for Salesforce", outbox::lastDepth);
  }

  /** Flushes every {@code interval} until {@link #stop}. */
  public void start(Duration interval) {
    outbox.depth();
    timer = vertx.setPeriodic(interval.toMillis(), id -> {
      if (!running) {
        running = true;
        drainOnce().onComplete(ar -> running = false);
      }
    });
  }

  /** Stops the periodic flush. */
  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /**
   * Sends every due row, batch after batch, until none is due or Salesforce is
   * unreachable.
   *
   * @return how many rows Salesforce accepted
   */
  public Future<Integer> drainOnce() {
    return vertx.executeBlocking(sender::organizationId, false)
        .compose(org -> round(org, 0))
        .recover(e -> {
          if (e instanceof SalesforceException se) {
            refusedCounter.inc(se.code());
            LOG.warn("Error outbox not flushed: Salesforce is not available ({} {})", se.code(), se.getMessage());
            return Future.succeededFuture(0);
          }
          return Future.failedFuture(e);
        })
        .compose(n -> outbox.depth().map(d -> n));
  }

  private Future<Integer> round(String org, int sentSoFar) {
    return outbox.lease(org, BATCH).compose(entries -> {
      if (entries.isEmpty()) {
        return Future.succeededFuture(sentSoFar);
      }
      return vertx.executeBlocking(() -> sender.writeErrors(entries), false)
          .transform(ar -> {
            if (ar.failed()) {
              String code = ar.cause() instanceof SalesforceException se ? se.code() : ar.cause().getClass().getSimpleName();
              refusedCounter.add(entries.size(), code);
              LOG.warn("{} error(s) stay in the outbox: Salesforce did not take them ({})", entries.size(), code);
              return putBack(entries, code).compose(v -> Future.failedFuture(ar.cause()));
            }
            return settle(entries, ar.result());
          })
          .compose(accepted -> entries.size() < BATCH
              ? Future.succeededFuture(sentSoFar + accepted)
              : round(org, sentSoFar + accepted));
    });
  }

  private Future<Integer> settle(List<ErrorOutbox.Entry> entries, List<WriteResult> results) {
    List<Long> accepted = new ArrayList<>();
    List<Future<Void>> putBack = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ErrorOutbox.Entry entry = entries.get(i);
      WriteResult result = i < results.size() ? results.get(i) : null;
      if (result != null && result.success()) {
        accepted.add(entry.id());
      } else {
        String code = result == null ? "NO_RESULT" : result.statusCode();
        refusedCounter.inc(code);
        LOG.warn("Outbox error {} was refused by Salesforce ({}); it stays for a later flush", entry.id(), code);
        putBack.add(outbox.retryLater(entry.id(), backoff.delay(entry.attempts() + 1),
            result == null ? code : result.errors().toString()));
      }
    }
    sentCounter.add(accepted.size());
    return Future.all(putBack).compose(v -> outbox.sent(accepted)).map(v -> accepted.size());
  }

  private Future<Void> putBack(List<ErrorOutbox.Entry> entries, String reason) {
    List<Future<Void>> all = new ArrayList<>();
    for (ErrorOutbox.Entry e : entries) {
      all.add(outbox.retryLater(e.id(), backoff.delay(e.attempts() + 1), reason));
    }
    return Future.all(all).mapEmpty();
  }
}
