package com.exchangesync.worker.exchange.graph;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Graph answer (alone or inside a {@code $batch}): the status, the headers
 * (looked up without regard to case) and the JSON body, empty when there is none.
 * Graph's errors read {@code {"error": {"code", "message"}}}.
 */
record ApiReply(int status, Map<String, String> headers, JsonObject body) {

  ApiReply {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = h;
    body = body == null ? new JsonObject() : body;
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Graph's error code ({@code ErrorItemNotFound}), or empty. */
  String errorCode() {
    JsonObject error = body.getJsonObject("error");
    return error == null || error.getString("code") == null ? "" : error.getString("code");
  }

  /** Graph's error message, or empty. */
  String errorMessage() {
    JsonObject error = body.getJsonObject("error");
    return error == null || error.getString("message") == null ? "" : error.getString("message");
  }

  /** {@code HTTP 404 ErrorItemNotFound: The specified object was not found in the store.} */
  String describe() {
    return "HTTP " + status + (errorCode().isEmpty() ? "" : " " + errorCode()) + (errorMessage().isEmpty() ? "" : ": " + errorMessage());
  }

  /** Whether the item the request named does not exist (any more). */
  boolean gone() {
    return status == 404 && !errorCode().equals("ErrorInvalidUser") && !errorCode().equals("MailboxNotEnabledForRESTAPI");
  }

  /** How long Graph asked to wait ({@code Retry-After}, in seconds), if it said. */
  Optional<Duration> retryAfter() {
    String value = headers.get("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: back off by the policy instead
    }
  }

  /** A collection's items. */
  List<JsonObject> values() {
    JsonArray value = body.getJsonArray("value");
    return value == null ? List.of() : value.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
  }

  Optional<String> nextLink() {
    return Optional.ofNullable(body.getString("@odata.nextLink"));
  }

  Optional<String> deltaLink() {
    return Optional.ofNullable(body.getString("@odata.deltaLink"));
  }

  /** Whether the status is one Graph sends while throttling or briefly unavailable (nothing was done). */
  boolean throttled() {
    return status == 429 || status == 503;
  }

  /** The status of {@link #noAnswer}: no HTTP answer came. */
  static final int NO_ANSWER = 0;

  /** The stand-in for a request whose answer never came (the connection closed or timed out). */
  static ApiReply noAnswer(String why) {
    return new ApiReply(NO_ANSWER, Map.of(), new JsonObject().put("error", new JsonObject().put("code", "NoAnswer")
        .put("message", why)));
  }

  /**
   * Whether a write may have been carried out although this is not its result:
   * no answer, or a {@code 502}, {@code 503} or {@code 504}, which a gateway in front
   * of Exchange Online can answer after the work was done. ({@code 429} is a refusal.)
   */
  boolean answerLost() {
    return status == NO_ANSWER || status == 502 || status == 503 || status == 504;
  }
}
