package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.sync.FieldFilter;
import com.exchangesync.worker.sync.GroupSync;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.Scope;
import com.exchangesync.worker.sync.SyncException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recurring series, both ways: the events kind's own step of a pass.
 *
 * <p>A series is a pair of its own: the Exchange master and the Salesforce
 * series (its first occurrence stands for it), kept as a pair keyed
 * {@value #SERIES_PREFIX}{@code <first occurrence id>} with each side's pattern as
 * last synced. Its occurrences are paired one to one under it
 * ({@link Link#series()}), by the start their pattern gave them. Then:
 * <ul>
 *   <li>an occurrence changed on one side is changed on the other (an exception
 *       there); one cancelled on one side is cancelled on the other;</li>
 *   <li>a pattern changed on one side is set on the other (which makes the series
 *       again), and the occurrences are paired anew: nothing is doubled;</li>
 *   <li>a series deleted on one side unlinks, as for single events;</li>
 *   <li>a new series is made on the other side as a series where that side can
 *       state its pattern ({@link NewSeries}); a series without an end, which a
 *       Salesforce series cannot be, syncs its occurrences inside the window as
 *       single events, and the admin is told so.</li>
 * </ul>
 * Series and occurrences are taken out of the pass's feeds, so the steps for
 * single events never see them.
 */
final class SeriesSync implements GroupSync {

  static final String SERIES_PREFIX = "~";
  static final String PATTERN_EXCHANGE = "pattern.exchange";
  static final String PATTERN_SALESFORCE = "pattern.salesforce";
  static final String SALESFORCE_KEY = "key.salesforce";
  static final String MODE = "mode";
  static final String AS_SINGLES = "singles";

  private final EventWindow window;
  private final EventRules rules;

  SeriesSync(EventWindow window, EventRules rules) {
    this.window = window;
    this.rules = rules;
  }

  EventRules rules() {
    return rules;
  }

  @Override
  public void run(PassContext pass) throws SyncException {
    // What the feeds said about series, taken out of them.
    Map<String, ExchangeItem> masters = new LinkedHashMap<>();
    for (ExchangeItem item : List.copyOf(pass.exchangeChanged().values())) {
      if (SeriesPattern.isMaster(item)) {
        masters.put(item.id(), item);
        pass.exchangeChanged().remove(item.id());
      }
    }
    Map<String, SalesforceItem> occurrences = new LinkedHashMap<>();
    Set<String> touched = new LinkedHashSet<>();
    SeriesMembers members = new SeriesMembers(pass);
    for (SalesforceItem r : List.copyOf(pass.salesforceChanged().values())) {
      Optional<Link> link = pass.linkOfSalesforce(r.id());
      if (link.isPresent() && link.get().inSeries()) {
        if (!members.values(r).equals(link.get().base())) {
          touched.add(link.get().series()); // not a re-read of what was agreed (our own write's echo, the overlap)
        }
        pass.salesforceChanged().remove(r.id());
      } else if (link.isEmpty() && SeriesPattern.isOccurrence(r)) {
        occurrences.put(r.id(), r);
        pass.salesforceChanged().remove(r.id());
      }
    }
    for (String id : List.copyOf(pass.salesforceGone())) {
      Optional<Link> link = pass.linkOfSalesforce(id);
      if (link.isPresent() && link.get().inSeries()) {
        touched.add(link.get().series());
        pass.salesforceGone().remove(id);
      }
    }
    Set<String> exchangeGone = new LinkedHashSet<>();
    for (String id : List.copyOf(pass.exchangeGone())) {
      Optional<Link> link = pass.linkOfExchange(id);
      if (link.isPresent() && link.get().inSeries()) {
        exchangeGone.add(link.get().series());
        pass.exchangeGone().remove(id);
      }
    }
    NewSeries fresh = new NewSeries(pass, this);
    fresh.readSeriesAt(masters.values().stream().filter(m -> pass.linkOfExchange(m.id()).isEmpty()
        && m.salesforceId().isEmpty()).toList(), occurrences.values());
    List<ExchangeItem> unpaired = new ArrayList<>();
    for (ExchangeItem master : masters.values()) {
      Optional<Link> link = pass.linkOfExchange(master.id());
      if (link.isPresent() && !link.get().inSeries()) {
        pass.forget(link.get()); // a single event made a series in Outlook: synced as a series from now on
        link = Optional.empty();
      }
      if (link.isPresent()) {
        if (!master.changeKey().equals(link.get().exchangeChangeKey())) {
          touched.add(master.id()); // the master (an occurrence, the pattern) changed since we last saw it
        }
      } else {
        unpaired.add(master);
      }
    }
    // The series to make may go with the pass's create of single events, one call for both, unless a step below
    // writes series first: what it made could then start where they do and be taken for theirs.
    fresh.fromExchange(unpaired, touched.isEmpty() && exchangeGone.isEmpty());
    for (String series : touched) {
      if (!exchangeGone.contains(series)) {
        new LinkedSeries(pass, this).reconcile(series, Optional.ofNullable(masters.get(series)));
      }
    }
    for (String series : exchangeGone) {
      new LinkedSeries(pass, this).deletedInExchange(series);
    }
    if (!touched.isEmpty()) {
      fresh.forgetSeriesRead(); // a linked series' pattern or occurrences were written: read again where asked
    }
    fresh.fromSalesforce(occurrences.values());
  }

  /** The series pair of an Exchange master, if there is one. */
  static Optional<Link> seriesPair(PassContext pass, String masterId) {
    return pass.linkOfExchange(masterId).filter(l -> l.salesforceId().startsWith(SERIES_PREFIX));
  }

  /** The occurrence pairs under a series. */
  static List<Link> occurrencePairs(PassContext pass, String masterId) {
    return pass.linksInSeries(masterId).stream().filter(l -> !l.salesforceId().startsWith(SERIES_PREFIX))
        .toList();
  }

  /** Every occurrence of the Salesforce series starting then in that zone: one series or several ({@link SeriesGroups}). */
  static List<SalesforceItem> salesforceSeries(PassContext pass, String start, String zone) throws SyncException {
    List<SalesforceItem> out = new ArrayList<>();
    for (SalesforceItem r : pass.salesforce().find(seriesStarting(pass, FieldFilter.Operator.AT, start), pass.salesforceFields())) {
      if (zone == null || zone.equals(r.get("Recurrence2PatternTimeZone"))) {
        out.add(r);
      }
    }
    return out;
  }

  /** The rep's own series occurrences (not invitee copies) whose series starts as {@code operator} and {@code value} say. */
  private static Scope seriesStarting(PassContext pass, FieldFilter.Operator operator, String value) {
    return new Scope(pass.rep().mailbox().userId(), false, List.of(
        new FieldFilter("IsRecurrence2", FieldFilter.Operator.IS_TRUE, ""),
        new FieldFilter("IsChild", FieldFilter.Operator.IS_FALSE, ""),
        new FieldFilter("Recurrence2PatternStartDate", operator, value)));
  }

  /** How many starts one read of series asks for ({@link #salesforceSeriesAt}). */
  static final int STARTS_PER_READ = 50;

  /**
   * The occurrences of the rep's Salesforce series (not invitee copies) starting at any of {@code starts}, by
   * start: one query per {@value #STARTS_PER_READ} starts, where {@link #salesforceSeries} asks one per start.
   */
  static Map<Instant, List<SalesforceItem>> salesforceSeriesAt(PassContext pass, Collection<Instant> starts)
      throws SyncException {
    Map<Instant, List<SalesforceItem>> out = new HashMap<>();
    starts.forEach(s -> out.put(s, new ArrayList<>()));
    List<Instant> all = List.copyOf(new LinkedHashSet<>(starts));
    for (int from = 0; from < all.size(); from += STARTS_PER_READ) {
      String any = String.join(",", all.subList(from, Math.min(all.size(), from + STARTS_PER_READ)).stream()
          .map(Instant::toString).toList());
      for (SalesforceItem r : pass.salesforce().find(seriesStarting(pass, FieldFilter.Operator.AT_ANY, any),
          pass.salesforceFields())) {
        String start = r.get("Recurrence2PatternStartDate");
        if (start != null) {
          List<SalesforceItem> at = out.get(Instant.parse(start));
          if (at != null) {
            at.add(r);
          }
        }
      }
    }
    return out;
  }

  /** The occurrences of a master from the window's start to its end, or to the last of the Salesforce series'. */
  List<ExchangeItem> exchangeOccurrences(PassContext pass, String masterId, List<SalesforceItem> salesforce)
      throws SyncException {
    Instant to = window.end();
    for (SalesforceItem r : salesforce) {
      String s = SeriesMembers.start(r);
      Instant start = s.length() == 10 ? java.time.LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : Instant.parse(s);
      if (start.plus(2, ChronoUnit.DAYS).isAfter(to)) {
        to = start.plus(2, ChronoUnit.DAYS);
      }
    }
    Instant until = to;
    return SeriesMembers.exchange(() -> pass.mailbox().occurrences(Set.of(masterId), window.start(), until))
        .getOrDefault(masterId, List.of());
  }

  EventWindow window() {
    return window;
  }

  /** A series pair's base: each side's pattern as just synced. */
  static Map<String, String> seriesBase(String exchangePattern, String salesforcePattern, String salesforceKey, String mode) {
    Map<String, String> base = new HashMap<>();
    base.put(PATTERN_EXCHANGE, exchangePattern);
    if (salesforcePattern != null) {
      base.put(PATTERN_SALESFORCE, salesforcePattern);
    }
    if (salesforceKey != null) {
      base.put(SALESFORCE_KEY, salesforceKey);
    }
    base.put(MODE, mode);
    return base;
  }

  static String salesforceOf(Link seriesPair) {
    return seriesPair.salesforceId().substring(SERIES_PREFIX.length());
  }

  static ItemKind kind() {
    return ItemKind.EVENT;
  }
}
