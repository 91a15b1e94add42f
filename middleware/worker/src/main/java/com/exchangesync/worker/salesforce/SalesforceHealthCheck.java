package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.http.HealthCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ready only while a Salesforce session works: a {@code getServerTimestamp}
 * call (signing in first if needed), its outcome cached for a few seconds so
 * that frequent probes do not spend API calls. A refused sign-in is shown with
 * Salesforce's error, its description and the admin's fix.
 */
public final class SalesforceHealthCheck implements HealthCheck {

  private final Vertx vertx;
  private final SalesforceAdapter adapter;
  private final Duration cacheFor;
  private final Clock clock;
  private Instant checkedAt = Instant.MIN;
  private String lastFailure;

  /** Checks through {@code adapter}, caching each outcome for {@code cacheFor}. */
  public SalesforceHealthCheck(Vertx vertx, SalesforceAdapter adapter, Duration cacheFor, Clock clock) {
    this.vertx = vertx;
    this.adapter = adapter;
    this.cacheFor = cacheFor;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "salesforce";
  }

  @Override
  public Future<Void> check() {
    synchronized (this) {
      if (clock.instant().isBefore(checkedAt.plus(cacheFor))) {
        return lastFailure == null ? Future.succeededFuture() : Future.failedFuture(lastFailure);
      }
    }
    return vertx.executeBlocking(adapter::serverTime, false).transform(ar -> {
      String failure = ar.succeeded() ? null : describe(ar.cause());
      synchronized (this) {
        checkedAt = clock.instant();
        lastFailure = failure;
      }
      return failure == null ? Future.succeededFuture() : Future.failedFuture(failure);
    });
  }

  private static String describe(Throwable e) {
    if (e instanceof SalesforceException se) {
      return se.kind() == SalesforceException.Kind.LOGIN ? "no session (" + se.code() + "): " + se.getMessage()
          : "no session (" + se.code() + ")";
    }
    return "no session (" + e.getClass().getSimpleName() + ")";
  }
}
