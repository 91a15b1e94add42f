package com.exchangesync.testbed.graph;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph's side of webhooks, as "Receive change notifications through webhooks" describes it: the validation
 * handshake ({@code POST <url>?validationToken=<URL-encoded token>}, {@code text/plain}; the endpoint must
 * answer 200, {@code text/plain}, the decoded token, within 10 seconds) and the delivery of
 * {@code {"value": [...]}} collections, which the endpoint must acknowledge with a 2xx within 3 seconds;
 * otherwise the collection is sent again with growing pauses ({@code retryPause}, doubled each time) and,
 * after {@code attempts} tries, dropped ({@code dropped} is told, so a {@code missed} lifecycle notification
 * can go out).
 */
final class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
  static final long VALIDATION_TIMEOUT_MS = 10_000;
  static final long DELIVERY_TIMEOUT_MS = 3_000;

  private final Vertx vertx;
  private final HttpClient http;
  private final long retryPauseMs;
  private final int attempts;
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong failedAttempts = new AtomicLong();
  private volatile boolean closed;

  NotificationDelivery(Vertx vertx, long retryPauseMs, int attempts) {
    this.vertx = vertx;
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    this.retryPauseMs = retryPauseMs;
    this.attempts = attempts;
  }

  /**
   * The validation handshake with {@code url}.
   *
   * @return failed with a {@code 400 ValidationError} when the endpoint does not answer as required
   */
  Future<Void> validate(String url) {
    String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
    String target = url + (url.contains("?") ? "&" : "?") + "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    Promise<Void> result = Promise.promise();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(target).setTimeout(VALIDATION_TIMEOUT_MS)
            .putHeader("Content-Type", "text/plain; charset=utf-8"))
        .compose(req -> req.send(Buffer.buffer()))
        .compose(resp -> resp.body().map(body -> {
          String type = resp.getHeader("Content-Type");
          return resp.statusCode() == 200 && type != null && type.toLowerCase().startsWith("text/plain")
              && body.toString(StandardCharsets.UTF_8).equals(token);
        }))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result()) {
            result.complete();
          } else if (ar.failed() && ar.cause() instanceof java.util.concurrent.TimeoutException) {
            result.fail(new GraphError(400, "ValidationError", "Subscription validation request timed out."));
          } else {
            result.fail(new GraphError(400, "ValidationError",
                "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request."));
          }
        });
    return result.future();
  }

  /** Posts {@code {"value": value}} to {@code url}, again and again until a 2xx, at most {@code attempts} times. */
  void deliver(String url, JsonArray value, Runnable dropped) {
    attempt(url, new JsonObject().put("value", value).toBuffer(), 1, retryPauseMs, dropped);
  }

  private void attempt(String url, Buffer body, int attempt, long pause, Runnable dropped) {
    if (closed) {
      return; // the test bed stopped: retries end with it
    }
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url).setTimeout(DELIVERY_TIMEOUT_MS)
            .putHeader("Content-Type", "application/json; charset=utf-8"))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() >= 200 && ar.result() < 300) {
            delivered.incrementAndGet();
            return;
          }
          failedAttempts.incrementAndGet();
          if (attempt >= attempts) {
            LOG.warn("Dropped change notifications to {} after {} attempts ({})", url, attempt,
                ar.succeeded() ? "HTTP " + ar.result() : ar.cause().toString());
            dropped.run();
            return;
          }
          vertx.setTimer(Math.max(1, pause), id -> attempt(url, body, attempt + 1, pause * 2, dropped));
        });
  }

  Future<Void> close() {
    closed = true;
    return http.close();
  }
}
