package com.exchangesync.worker.exchange.graph;

import io.vertx.core.json.JsonObject;

/**
 * An item body as plain text. Reads ask Graph for text
 * ({@code Prefer: outlook.body-content-type="text"}, {@link #PREFER_TEXT}), which
 * Exchange Online converts as EWS's {@code BodyType Text} does; should a body
 * still come as HTML, its text is taken here (line breaks kept, tags dropped,
 * the common entities decoded). Writes are always text.
 */
final class GraphBodies {

  static final String PREFER_TEXT = "outlook.body-content-type=\"text\"";

  private GraphBodies() {}

  /** The text of a Graph {@code itemBody}, or null. */
  static String text(JsonObject body) {
    if (body == null || body.getString("content") == null) {
      return null;
    }
    String content = body.getString("content");
    if (!"html".equalsIgnoreCase(body.getString("contentType"))) {
      return content;
    }
    String text = content.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
        .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n")
        .replaceAll("<[^>]*>", "")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
    return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
  }

  /** A text {@code itemBody}. */
  static JsonObject of(String text) {
    return new JsonObject().put("contentType", "text").put("content", text == null ? "" : text);
  }
}
