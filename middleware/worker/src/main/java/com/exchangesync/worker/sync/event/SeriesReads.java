package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SyncException;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rep's Salesforce series by start, as {@link NewSeries} reads them: together for the masters and occurrences a
 * step is about to take ({@link #readAt}), one query per {@value SeriesSync#STARTS_PER_READ} starts, instead of one
 * query per series; none at all for starts whose series a first read of the rep's events listed whole (the initial
 * sync, a reset: {@link PassContext#salesforceReadFromStart}), which are looked for there. A start where the step
 * wrote is forgotten ({@link #forget}), so what starts there is read again when next asked, or set to what the step
 * read back after writing ({@link #know}). Only the series at the start a step works on are written by it (the new
 * series, its occurrences, the one it adopts), so the others stay true.
 */
final class SeriesReads {

  private final PassContext pass;
  private final Map<Instant, List<SalesforceItem>> byStart = new HashMap<>();
  /** Starts where a step wrote since the page's read (what that read listed there is no longer true). */
  private final Set<Instant> writtenAt = new HashSet<>();
  /** Whether a step wrote at starts it did not name (the page's read then stands for none). */
  private boolean writtenAnywhere;

  SeriesReads(PassContext pass) {
    this.pass = pass;
  }

  /** Reads together the series at the starts not read yet (or forgotten since). */
  void readAt(List<Instant> starts) throws SyncException {
    List<Instant> unread = starts.stream().filter(s -> !byStart.containsKey(s)).distinct().toList();
    Optional<Instant> listedFrom = writtenAnywhere ? Optional.empty()
        : pass.salesforceReadFromStart().flatMap(read -> listedWholeFrom(pass.rep().scope()));
    if (listedFrom.isPresent()) {
      List<Instant> listed = unread.stream().filter(s -> !s.isBefore(listedFrom.get()) && !writtenAt.contains(s)).toList();
      byStart.putAll(among(pass.salesforceReadFromStart().orElseThrow(), listed));
      unread = unread.stream().filter(s -> !listed.contains(s)).toList();
    }
    if (unread.size() > 1) { // one start costs one query either way
      byStart.putAll(SeriesSync.salesforceSeriesAt(pass, unread));
    }
  }

  /**
   * The earliest start from which a read of {@code scope} lists every occurrence of a series: a day after the
   * scope's bound on the end time (an occurrence ends after its series starts; the day allows for an all-day
   * occurrence's midnight in UTC before a start in a zone behind it), when the scope is the rep's own events under
   * that bound and the invitee-copy condition alone (as the kind's settings make it). Empty for any other scope.
   */
  static Optional<Instant> listedWholeFrom(Scope scope) {
    if (scope.allVisible()) {
      return Optional.empty();
    }
    Instant bound = null;
    for (FieldFilter f : scope.filters()) {
      if (f.field().equals("EndDateTime") && f.operator() == FieldFilter.Operator.AT_OR_AFTER && bound == null) {
        bound = Instant.parse(f.value());
      } else if (!(f.field().equals("IsChild") && f.operator() == FieldFilter.Operator.IS_FALSE)) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(bound).map(b -> b.plus(Duration.ofDays(1)));
  }

  /** The rep's series occurrences in {@code read} starting at each of {@code starts} (none: an empty list). */
  private static Map<Instant, List<SalesforceItem>> among(List<SalesforceItem> read, List<Instant> starts) {
    Map<Instant, List<SalesforceItem>> out = new HashMap<>();
    starts.forEach(s -> out.put(s, new ArrayList<>()));
    for (SalesforceItem r : read) {
      if ("true".equalsIgnoreCase(r.get("IsRecurrence2"))) {
        instant(r.get("Recurrence2PatternStartDate")).map(out::get).ifPresent(at -> at.add(r));
      }
    }
    return out;
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
    writtenAt.add(start);
  }

  void forget(String start) {
    instant(start).ifPresent(at -> {
      byStart.remove(at);
      writtenAt.add(at);
    });
  }

  /** Forgets every start: a linked series' step wrote, and may have written at any start. */
  void forgetAll() {
    byStart.clear();
    writtenAnywhere = true;
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
