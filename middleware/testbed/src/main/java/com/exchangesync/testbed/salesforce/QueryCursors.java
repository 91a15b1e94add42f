package com.exchangesync.testbed.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side query cursors behind {@code queryLocator}s. A locator is
 * {@code <cursor id>-<offset>}, so a client may ask for the same page twice.
 * As in the org, a user keeps at most 10 open cursors (opening another closes
 * the oldest), a cursor closes after 15 minutes unused, and an unknown or
 * closed locator is {@code INVALID_QUERY_LOCATOR}.
 * Callers hold the store's lock.
 */
final class QueryCursors {

  static final int MAX_PER_USER = 10;
  static final Duration IDLE = Duration.ofMinutes(15);

  /** A page of results: its rows, the locator of the rest (null when done), the layout and the query's total size. */
  record Page(List<Row> rows, String nextLocator, ResultShape shape, int total) {}

  private static final class Cursor {
    final String userId;
    final QueryExecutor.Result result;
    Instant lastUsed;

    Cursor(String userId, QueryExecutor.Result result, Instant lastUsed) {
      this.userId = userId;
      this.result = result;
      this.lastUsed = lastUsed;
    }
  }

  private final Map<String, Cursor> cursors = new LinkedHashMap<>();
  private final Clock clock;

  QueryCursors(Clock clock) {
    this.clock = clock;
  }

  /** The first page of {@code result}, opening a cursor when more remains. */
  Page first(String userId, QueryExecutor.Result result, int batchSize) {
    if (result.rows().size() <= batchSize) {
      return new Page(result.rows(), null, result.shape(), result.rows().size());
    }
    List<String> own = cursors.entrySet().stream().filter(e -> e.getValue().userId.equals(userId)).map(Map.Entry::getKey).toList();
    for (int i = 0; i <= own.size() - MAX_PER_USER; i++) {
      cursors.remove(own.get(i));
    }
    String id = SalesforceIds.next("01g");
    cursors.put(id, new Cursor(userId, result, clock.instant()));
    return new Page(result.rows().subList(0, batchSize), id + "-" + batchSize, result.shape(), result.rows().size());
  }

  /** The page a locator points at; an unknown, foreign or expired locator is a fault. */
  Page next(String userId, String locator, int batchSize) {
    String id = cursorId(locator);
    Cursor c = id == null ? null : cursors.get(id);
    Instant now = clock.instant();
    if (c == null || !c.userId.equals(userId) || Duration.between(c.lastUsed, now).compareTo(IDLE) > 0) {
      if (c != null && Duration.between(c.lastUsed, now).compareTo(IDLE) > 0) {
        cursors.remove(id);
      }
      throw SalesforceFault.of("INVALID_QUERY_LOCATOR", "InvalidQueryLocatorFault", "invalid query locator");
    }
    int offset;
    try {
      offset = Integer.parseInt(locator.substring(locator.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      throw SalesforceFault.of("INVALID_QUERY_LOCATOR", "InvalidQueryLocatorFault", "invalid query locator");
    }
    List<Row> rows = c.result.rows();
    if (offset < 0 || offset > rows.size()) {
      throw SalesforceFault.of("INVALID_QUERY_LOCATOR", "InvalidQueryLocatorFault", "invalid query locator");
    }
    c.lastUsed = now;
    int end = Math.min(rows.size(), offset + batchSize);
    if (end >= rows.size()) {
      return new Page(rows.subList(offset, end), null, c.result.shape(), rows.size());
    }
    return new Page(rows.subList(offset, end), id + "-" + end, c.result.shape(), rows.size());
  }

  private static String cursorId(String locator) {
    if (locator == null || locator.lastIndexOf('-') < 1) {
      return null;
    }
    return locator.substring(0, locator.lastIndexOf('-'));
  }

  void clear() {
    cursors.clear();
  }
}
