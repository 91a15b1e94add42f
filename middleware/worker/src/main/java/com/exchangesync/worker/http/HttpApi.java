package com.exchangesync.worker.http;

import com.exchangesync.worker.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The worker's HTTP routes: health, readiness and metrics here; features add
 * their own routes (the Outbound Message endpoint) through {@link #routes}.
 */
public final class HttpApi {

  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final Metrics metrics;
  private final List<HealthCheck> readiness;
  private final List<HealthCheck> liveness;

  /** Routes over the given metrics and readiness checks; the worker is live while it answers. */
  public HttpApi(Vertx vertx, Metrics metrics, List<HealthCheck> readiness) {
    this(vertx, metrics, readiness, List.of());
  }

  /**
   * Routes over the given metrics and checks.
   *
   * @param liveness what must hold for the worker to be live: only failures a restart mends (a stopped sync loop)
   */
  public HttpApi(Vertx vertx, Metrics metrics, List<HealthCheck> readiness, List<HealthCheck> liveness) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.readiness = List.copyOf(readiness);
    this.liveness = List.copyOf(liveness);
  }

  /** A router with the health and metrics routes and whatever {@code features} add. */
  public Router routes(Consumer<Router> features) {
    Router router = Router.router(vertx);
    router.get("/health/live").handler(this::live);
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
    features.accept(router);
    return router;
  }

  private void live(RoutingContext ctx) {
    answer(ctx, liveness);
  }

  private void ready(RoutingContext ctx) {
    answer(ctx, readiness);
  }

  /** Runs every check: 200 and UP when all pass, else 503 and DOWN; each check's name with UP or its failure. */
  private void answer(RoutingContext ctx, List<HealthCheck> all) {
    List<Future<String>> results = new ArrayList<>();
    for (HealthCheck check : all) {
      results.add(withTimeout(check).transform(ar -> Future.succeededFuture(ar.succeeded() ? null
          : String.valueOf(ar.cause().getMessage()))));
    }
    Future.join(results).onComplete(ar -> {
      JsonObject checks = new JsonObject();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        String failure = results.get(i).result();
        checks.put(all.get(i).name(), failure == null ? "UP" : failure);
        if (failure != null) {
          failures.add(failure);
        }
      }
      json(ctx, failures.isEmpty() ? 200 : 503,
          new JsonObject().put("status", failures.isEmpty() ? "UP" : "DOWN").put("checks", checks));
    });
  }

  private Future<Void> withTimeout(HealthCheck check) {
    Future<Void> result;
    try {
      result = check.check();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return result.timeout(CHECK_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private void metrics(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.render());
  }

  /** Answers with a JSON body; every route's responses go through here or {@link #error}. */
  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** Answers with a JSON error that names the problem. */
  public static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }
}
