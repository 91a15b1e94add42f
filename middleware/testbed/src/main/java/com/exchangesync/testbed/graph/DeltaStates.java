package com.exchangesync.testbed.graph;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync states behind delta tokens, kept server-side and named by opaque
 * random tokens: a {@link Known} (what a client has been told, for a
 * {@code $deltatoken}) or a {@link Page} of a round being paged through (for a
 * {@code $skiptoken}). A token may be used again (a client that crashed before
 * saving the next one resumes from it). The oldest are forgotten past a cap, as
 * Exchange Online lets old sync states go; {@code expireDeltaTokens} and
 * {@code /sim/reset} forget them all. A token that names nothing is
 * {@code 410 SyncStateNotFound}.
 */
final class DeltaStates {

  private static final int MAX_KNOWN = 20_000;
  private static final int MAX_PAGES = 2_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What a client knows after a round: the scope (kind, mailbox, folder or window, the {@code $select} and
   * {@code $expand} of the first request) and each item's version (change key) by id.
   */
  record Known(String kind, String smtp, String folderId, Instant windowStart, Instant windowEnd, String select, String expand,
               Map<String, String> versions) {

    boolean sameScope(Known other) {
      return kind.equals(other.kind) && smtp.equalsIgnoreCase(other.smtp);
    }
  }

  /** One page of a round: its entries, the rest of the round, and the state its last page leads to. */
  record Page(List<List<JsonObject>> pages, int index, Known after, Integer maxPageSize) {}

  private final Map<String, Known> known = lru(MAX_KNOWN);
  private final Map<String, Page> pages = lru(MAX_PAGES);

  synchronized String put(Known state) {
    String token = token();
    known.put(token, state);
    return token;
  }

  synchronized String put(Page page) {
    String token = token();
    pages.put(token, page);
    return token;
  }

  /** The state a {@code $deltatoken} names; 410 when none. */
  synchronized Known known(String token) {
    Known k = token == null ? null : known.get(token);
    if (k == null) {
      throw gone();
    }
    return k;
  }

  /** The page a {@code $skiptoken} names; 410 when none. */
  synchronized Page page(String token) {
    Page p = token == null ? null : pages.get(token);
    if (p == null) {
      throw gone();
    }
    return p;
  }

  synchronized void expireAll() {
    known.clear();
    pages.clear();
  }

  static GraphError gone() {
    return new GraphError(410, "SyncStateNotFound", "The sync state generation is not found; the delta token is unknown, mangled or"
        + " expired, and the data must be synchronized again without it.");
  }

  private static String token() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static <V> Map<String, V> lru(int cap) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > cap;
      }
    };
  }
}
