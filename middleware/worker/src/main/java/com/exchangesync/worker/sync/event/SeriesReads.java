package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SyncException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rep's Salesforce series by start, as {@link NewSeries} reads them: together for the masters and occurrences a
 * step is about to take ({@link #readAt}), one query per {@value SeriesSync#STARTS_PER_READ} starts, instead of one
 * query per series. A start where the step wrote is forgotten ({@link #forget}), so what starts there is read again
 * when next asked, or set to what the step read back after writing ({@link #know}). Only the series at the start a
 * step works on are written by it (the new series, its occurrences, the one it adopts), so the others stay true.
 */
final class SeriesReads {

  private final PassContext pass;
  private final Map<Instant, List<SalesforceItem>> byStart = new HashMap<>();

  SeriesReads(PassContext pass) {
    this.pass = pass;
  }

  /** Reads together the series at the starts not read yet (or forgotten since). */
  void readAt(List<Instant> starts) throws SyncException {
    List<Instant> unread = starts.stream().filter(s -> !byStart.containsKey(s)).distinct().toList();
    if (unread.size() > 1) { // one start costs one query either way
      byStart.putAll(SeriesSync.salesforceSeriesAt(pass, unread));
    }
  }

  /** The occurrences of the rep's series starting at {@code start} (in {@code zone}, when given). */
  List<SalesforceItem> at(String start, String zone) throws SyncException {
    List<SalesforceItem> known = instant(start).map(byStart::get).orElse(null);
    if (known == null) {
      return SeriesSync.salesforceSeries(pass, start, zone);
    }
    return zone == null ? known : known.stream().filter(r -> zone.equals(r.get("Recurrence2PatternTimeZone"))).toList();
  }

  /** What starts at {@code start} now, read back by the step that wrote there. */
  void know(Instant start, List<SalesforceItem> occurrences) {
    byStart.put(start, occurrences);
  }

  void forget(String start) {
    instant(start).ifPresent(byStart::remove);
  }

  /** Forgets every start: a linked series' step wrote, and may have written at any start. */
  void forgetAll() {
    byStart.clear();
  }

  /** A series' start as an instant; empty when it is none (then read as before, by itself). */
  static Optional<Instant> instant(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
