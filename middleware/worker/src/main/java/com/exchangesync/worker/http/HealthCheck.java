package com.exchangesync.worker.http;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * One thing the worker needs to be ready (the database, the Salesforce
 * session, a running sync loop, mailboxes that sync): {@code GET /health/ready}
 * runs every check and answers 503 naming the ones that fail; the checks of
 * {@code GET /health/live} fail only for what a restart mends.
 */
public interface HealthCheck {

  /** A short name shown in the readiness answer, e.g. {@code database}. */
  String name();

  /** Succeeds when the dependency is usable; fails with a message that names the cause. */
  Future<Void> check();

  /** A duration as the answers write it: {@code 15 minutes}, {@code 2 hours}, {@code 90 seconds}. */
  static String words(Duration d) {
    long seconds = d.toSeconds();
    if (seconds % 3600 == 0 && seconds > 0) {
      return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
    }
    if (seconds % 60 == 0 && seconds > 0) {
      return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
    }
    return seconds + (seconds == 1 ? " second" : " seconds");
  }
}
