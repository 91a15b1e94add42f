package com.exchangesync.testbed;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * JSON in and out of the test beds' admin APIs ({@code /sim}): reading a body,
 * answering, and the one error shape {@code {"error": "..."}} both beds use.
 */
public final class SimJson {

  private SimJson() {}

  /**
   * The body as a JSON object or array; answers 400 and returns null when it is
   * empty ({@code emptyMessage}) or not JSON.
   */
  public static Object parse(RoutingContext ctx, String emptyMessage) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      error(ctx, 400, emptyMessage);
      return null;
    }
    try {
      String trimmed = text.trim();
      return trimmed.startsWith("[") ? new JsonArray(trimmed) : new JsonObject(trimmed);
    } catch (DecodeException e) {
      error(ctx, 400, "the body is not valid JSON: " + e.getMessage());
      return null;
    }
  }

  /** The body as a JSON object; answers 400 and returns null otherwise. */
  public static JsonObject object(RoutingContext ctx, String emptyMessage) {
    Object parsed = parse(ctx, emptyMessage);
    if (parsed instanceof JsonArray) {
      error(ctx, 400, "the body must be a JSON object");
      return null;
    }
    return (JsonObject) parsed;
  }

  /** Answers {@code body} with {@code status}. */
  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  /** Answers {@code {"error": message}} with {@code status}. */
  public static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, new JsonObject().put("error", message));
  }
}
