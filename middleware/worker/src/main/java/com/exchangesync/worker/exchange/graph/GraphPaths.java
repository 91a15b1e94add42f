package com.exchangesync.worker.exchange.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Paths and queries of the Graph API under {@code /v1.0}, percent-encoded: a
 * mailbox's root {@code /users/{smtp}}, ids as single path segments, query
 * options with their {@code $} kept, and OData string literals with their quotes
 * doubled.
 */
final class GraphPaths {

  private GraphPaths() {}

  /** {@code /users/{smtp}}. */
  static String user(String smtp) {
    return "/users/" + segment(smtp);
  }

  /** One path segment. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An OData string literal: {@code 'O''Brien'}. */
  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A query string builder: {@code path?name=value&…}. */
  static Query query(String path) {
    return new Query(path);
  }

  /** Query options in the order added. */
  static final class Query {

    private final String path;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Query(String path) {
      this.path = path;
    }

    Query with(String name, String value) {
      options.put(name, value);
      return this;
    }

    /** The path with its encoded query. */
    String build() {
      if (options.isEmpty()) {
        return path;
      }
      StringJoiner q = new StringJoiner("&", path + "?", "");
      options.forEach((k, v) -> q.add(segment(k).replace("%24", "$") + "=" + segment(v)));
      return q.toString();
    }
  }
}
