package com.exchangesync.worker.http;

import io.vertx.core.Future;

/**
 * One dependency the worker needs to be ready (the database, the Salesforce
 * session): {@code GET /health/ready} runs every check and answers 503 naming
 * the ones that fail.
 */
public interface HealthCheck {

  /** A short name shown in the readiness answer, e.g. {@code database}. */
  String name();

  /** Succeeds when the dependency is usable; fails with a message that names the cause. */
  Future<Void> check();
}
