package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.sync.Direction;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.SyncException;
import com.exchangesync.worker.sync.Winner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A series already paired, after either side changed: deleted (unlink), its
 * pattern changed (set on the other side, occurrences paired anew), or its
 * occurrences changed or cancelled (merged, or cancelled on the other side).
 */
final class LinkedSeries {

  private final PassContext pass;
  private final SeriesSync series;
  private final SeriesMembers members;

  LinkedSeries(PassContext pass, SeriesSync series) {
    this.pass = pass;
    this.series = series;
    this.members = new SeriesMembers(pass);
  }

  void reconcile(String masterId, Optional<ExchangeItem> fromFeed) throws SyncException {
    Optional<Link> pair = SeriesSync.seriesPair(pass, masterId);
    if (pair.isEmpty()) {
      SeriesSync.occurrencePairs(pass, masterId).forEach(pass::forget); // orphans of an interrupted pass: paired anew
      return;
    }
    ExchangeItem master = fromFeed.isPresent() ? fromFeed.get()
        : SeriesMembers.exchange(() -> pass.mailbox().get(ItemKind.EVENT, List.of(masterId))).stream().findFirst().orElse(null);
    if (master == null) {
      deletedInExchange(masterId);
      return;
    }
    Map<String, String> base = pair.get().base();
    if (SeriesSync.AS_SINGLES.equals(base.get(SeriesSync.MODE))) {
      asSingles(master, pair.get());
      return;
    }
    String[] key = base.get(SeriesSync.SALESFORCE_KEY).split("\\|", 2);
    List<SalesforceItem> atStart = SeriesSync.salesforceSeries(pass, key[0], "null".equals(key[1]) ? null : key[1]);
    // Its own occurrences only: another series may start at the same instant in the same zone.
    List<SalesforceItem> salesforce = SeriesGroups.of(pass, atStart, SeriesSync.salesforceOf(pair.get()), masterId);
    if (salesforce.isEmpty()) {
      salesforce = madeAgainWithoutItsFirst(master, atStart);
    }
    if (salesforce.isEmpty()) {
      deletedInSalesforce(master, pair.get());
      return;
    }
    String exPattern = SeriesPattern.ofExchange(master);
    String sfPattern = SeriesPattern.ofSalesforce(SeriesPattern.first(salesforce));
    boolean exMoved = !exPattern.equals(base.get(SeriesSync.PATTERN_EXCHANGE));
    boolean sfMoved = !sfPattern.equals(base.get(SeriesSync.PATTERN_SALESFORCE));
    if (exMoved && sfMoved && SeriesPattern.samePattern(master, SeriesPattern.first(salesforce))) {
      // Both sides moved to one pattern: a pass set one side's on the other and stopped before saving. Nothing to set;
      // the occurrences are paired anew as for a series found (the pairs saved name occurrences made again since).
      SeriesSync.occurrencePairs(pass, masterId).forEach(pass::forget);
      pass.forget(pair.get());
      new NewSeries(pass, series).adopt(master, salesforce);
      return;
    }
    if (exMoved || sfMoved) {
      patternChanged(master, salesforce, pair.get(), exMoved, sfMoved);
    } else {
      occurrencesChanged(master, salesforce, pair.get());
    }
  }

  /**
   * The series, when neither its first occurrence nor a paired one is left at its start: a pass made it again
   * (new occurrences, the first keeping its id) and stopped before saving their pairs, then the first was deleted.
   * It is the one unpaired series there of the master's pattern or subject, as a new master would find it; none, or
   * several alike, and the series counts as deleted in Salesforce.
   */
  private List<SalesforceItem> madeAgainWithoutItsFirst(ExchangeItem master, List<SalesforceItem> atStart) {
    String subject = String.valueOf(master.values().get(ExchangeField.SUBJECT));
    List<List<SalesforceItem>> candidates = SeriesGroups.unpaired(pass, atStart).stream()
        .filter(g -> SeriesPattern.samePattern(master, SeriesPattern.first(g))
            || subject.equalsIgnoreCase(String.valueOf(SeriesPattern.first(g).get("Subject"))))
        .toList();
    return candidates.size() == 1 ? candidates.get(0) : List.of();
  }

  /** The series was deleted in Exchange: unlink; the Salesforce series stays, and is not made again in Exchange unless it changes. */
  void deletedInExchange(String masterId) {
    Optional<Link> pair = SeriesSync.seriesPair(pass, masterId);
    SeriesSync.occurrencePairs(pass, masterId).forEach(pass::forget);
    if (pair.isPresent()) {
      pass.forget(pair.get());
      String sfPattern = pair.get().base().get(SeriesSync.PATTERN_SALESFORCE);
      pass.unlink(new Link(pair.get().salesforceId(), masterId, Map.of(SeriesSync.PATTERN_SALESFORCE, String.valueOf(sfPattern)),
          null), true, false);
    }
  }

  /** The series was deleted in Salesforce: unlink; the Exchange series stays, and is not made again in Salesforce unless it changes. */
  private void deletedInSalesforce(ExchangeItem master, Link pair) {
    SeriesSync.occurrencePairs(pass, master.id()).forEach(pass::forget);
    pass.forget(pair);
    pass.unlink(new Link(pair.salesforceId(), master.id(), Map.of(SeriesSync.PATTERN_EXCHANGE, SeriesPattern.ofExchange(master)),
        null), false, true);
  }

  /**
   * One side's pattern moved: it is set on the other (the winner's, should both
   * have moved), which makes that side's series again; then every occurrence is
   * paired anew, with the side just made as the base, so what the other side
   * changed in single occurrences goes over, and what it cancelled is cancelled.
   */
  private void patternChanged(ExchangeItem master, List<SalesforceItem> salesforce, Link pair, boolean exMoved, boolean sfMoved)
      throws SyncException {
    Direction d = pass.rep().direction();
    boolean exchangeWins = d == Direction.EXCHANGE_TO_SALESFORCE || (d == Direction.BOTH
        && (exMoved && (!sfMoved || pass.rep().winner() == Winner.EXCHANGE)));
    SalesforceItem first = SeriesPattern.first(salesforce);
    boolean salesforceMade = false;
    boolean exchangeMade = false;
    if (exchangeWins && d.toSalesforce() && SeriesPattern.unstatableInSalesforce(master).isEmpty()) {
      Map<String, String> fields = new HashMap<>(pass.rep().fields().toSalesforce(members.values(master)));
      fields.putAll(SeriesPattern.salesforceFields(master));
      SalesforceSide.WriteOutcome o = pass.salesforce().update(List.of(new SalesforceSide.RecordUpdate(first.id(), fields))).get(0);
      salesforceMade = o.succeeded();
      pass.report().count(0, 0, 0, o.succeeded() ? 1 : 0, 0);
    } else if (!exchangeWins && d.toExchange()) {
      Map<ExchangeField, String> values = new HashMap<>(SeriesPattern.exchangeValues(first));
      values.putAll(pass.rep().fields().toExchange(members.values(first), master.values()));
      values.remove(ExchangeField.ATTENDEES);
      exchangeMade = SeriesMembers.exchange(() -> pass.mailbox().update(ItemKind.EVENT, List.of(new ItemUpdate(master.id(),
          Optional.empty(), values, Optional.of(first.id()))))).get(0).succeeded();
      pass.report().count(0, exchangeMade ? 1 : 0, 0, 0, 0);
    }
    SeriesSync.occurrencePairs(pass, master.id()).forEach(pass::forget);
    ExchangeItem masterNow = SeriesMembers.exchange(() -> pass.mailbox().get(ItemKind.EVENT, List.of(master.id())))
        .stream().findFirst().orElse(master);
    List<SalesforceItem> sfNow = SeriesSync.salesforceSeries(pass, SeriesPattern.start(first), null);
    if (salesforceMade) {
      sfNow = SeriesSync.salesforceSeries(pass, SeriesPattern.salesforceFields(master).get("Recurrence2PatternStartDate"),
          SeriesPattern.salesforceZone(master.values().get(ExchangeField.START_TIME_ZONE)));
    }
    // The series made again keeps its first occurrence's id, and its new occurrences are copies of it (their
    // pairs were just forgotten): another series starting then is not this one's.
    sfNow = SeriesGroups.of(pass, sfNow, first.id(), master.id());
    List<ExchangeItem> exNow = series.exchangeOccurrences(pass, master.id(), sfNow);
    boolean sfBase = salesforceMade;
    boolean exBase = exchangeMade;
    SeriesMembers.Pairing pairing = members.pair(sfNow, exNow,
        m -> sfBase ? members.values(m.sf()) : exBase ? members.values(m.ex()) : Map.of());
    members.merge(master.id(), pairing.pairs());
    // What the winner cancelled is missing on its side: cancelled on the side just made.
    List<String> sfCancel = salesforceMade ? inWindow(pairing.salesforceLeft()).stream().map(SalesforceItem::id).toList() : List.of();
    List<String> exCancel = exchangeMade ? pairing.exchangeLeft().stream().filter(this::exInWindow).map(ExchangeItem::id).toList()
        : List.of();
    members.cancel(sfCancel, exCancel, List.of());
    SalesforceItem firstNow = sfNow.isEmpty() ? first : SeriesPattern.first(sfNow);
    pass.remember(new Link(SeriesSync.SERIES_PREFIX + firstNow.id(), master.id(), SeriesSync.seriesBase(
        SeriesPattern.ofExchange(masterNow), SeriesPattern.ofSalesforce(firstNow), SeriesPattern.key(firstNow), "series"),
        masterNow.changeKey(), master.id()));
  }

  /** Only occurrences changed or were cancelled, on either side. */
  private void occurrencesChanged(ExchangeItem master, List<SalesforceItem> salesforce, Link pair) throws SyncException {
    List<ExchangeItem> exchange = series.exchangeOccurrences(pass, master.id(), salesforce);
    Map<String, SalesforceItem> sfById = new HashMap<>();
    salesforce.forEach(r -> sfById.put(r.id(), r));
    Map<String, ExchangeItem> exById = new HashMap<>();
    exchange.forEach(e -> exById.put(e.id(), e));
    List<SeriesMembers.Merge> merges = new ArrayList<>();
    List<String> sfCancel = new ArrayList<>();
    List<String> exCancel = new ArrayList<>();
    List<Link> dropped = new ArrayList<>();
    Direction d = pass.rep().direction();
    for (Link p : SeriesSync.occurrencePairs(pass, master.id())) {
      SalesforceItem sf = sfById.remove(p.salesforceId());
      ExchangeItem ex = exById.remove(p.exchangeId());
      if (sf != null && ex != null) {
        merges.add(new SeriesMembers.Merge(sf, ex, p.base()));
      } else if (sf != null && ex == null && inWindow(List.of(sf)).size() == 1) {
        dropped.add(p); // cancelled in Exchange
        if (d.toSalesforce()) {
          sfCancel.add(sf.id());
        }
      } else if (sf == null && ex != null) {
        dropped.add(p); // cancelled (deleted) in Salesforce
        if (d.toExchange() && exInWindow(ex)) {
          exCancel.add(ex.id());
        }
      } else if (sf == null) {
        dropped.add(p);
      }
    }
    // Occurrences not paired yet (the window moved on): paired by their start.
    SeriesMembers.Pairing more = members.pair(List.copyOf(sfById.values()).stream()
        .filter(r -> pass.linkOfSalesforce(r.id()).isEmpty()).toList(),
        List.copyOf(exById.values()).stream().filter(e -> pass.linkOfExchange(e.id()).isEmpty()).toList(), m -> Map.of());
    merges.addAll(more.pairs());
    Optional<String> version = members.merge(master.id(), merges);
    members.cancel(sfCancel, exCancel, dropped);
    // The master's version after our writes: the echo of them in the next feed is recognised and costs nothing.
    String changeKey = exCancel.isEmpty() ? version.orElse(master.changeKey())
        : SeriesMembers.exchange(() -> pass.mailbox().get(ItemKind.EVENT, List.of(master.id()))).stream().findFirst()
            .map(ExchangeItem::changeKey).orElse(master.changeKey());
    pass.remember(new Link(pair.salesforceId(), master.id(), pair.base(), changeKey, master.id()));
  }

  /** A series Salesforce cannot keep as a series: its occurrences in the window, as single events. */
  private void asSingles(ExchangeItem master, Link pair) throws SyncException {
    List<Link> pairs = SeriesSync.occurrencePairs(pass, master.id());
    List<SalesforceItem> salesforce = pass.salesforce().get(pass.rep().mailbox().userId(),
        pairs.stream().map(Link::salesforceId).toList(), pass.salesforceFields());
    List<ExchangeItem> exchange = series.exchangeOccurrences(pass, master.id(), List.of());
    Map<String, SalesforceItem> sfById = new HashMap<>();
    salesforce.forEach(r -> sfById.put(r.id(), r));
    Map<String, ExchangeItem> exById = new HashMap<>();
    exchange.forEach(e -> exById.put(e.id(), e));
    List<SeriesMembers.Merge> merges = new ArrayList<>();
    List<String> sfCancel = new ArrayList<>();
    List<Link> dropped = new ArrayList<>();
    for (Link p : pairs) {
      SalesforceItem sf = sfById.get(p.salesforceId());
      ExchangeItem ex = exById.remove(p.exchangeId());
      if (sf != null && ex != null) {
        merges.add(new SeriesMembers.Merge(sf, ex, p.base()));
      } else if (sf != null && inWindow(List.of(sf)).size() == 1) {
        dropped.add(p); // cancelled in Exchange
        if (pass.rep().direction().toSalesforce()) {
          sfCancel.add(sf.id());
        }
      } else {
        dropped.add(p); // the single deleted in Salesforce: unlinked, as a single event would be
      }
    }
    members.merge(master.id(), merges);
    members.cancel(sfCancel, List.of(), dropped);
    List<ExchangeItem> fresh = exById.values().stream().filter(e -> pass.linkOfExchange(e.id()).isEmpty()).toList();
    new NewSeries(pass, series).singles(master, fresh);
    Map<String, String> base = new HashMap<>(pair.base());
    base.put(SeriesSync.PATTERN_EXCHANGE, SeriesPattern.ofExchange(master));
    pass.remember(new Link(pair.salesforceId(), master.id(), base, master.changeKey(), master.id()));
  }

  /** The Salesforce occurrences that start on or after the window's start (earlier ones are history: left alone). */
  private List<SalesforceItem> inWindow(List<SalesforceItem> occurrences) {
    return occurrences.stream().filter(r -> !instant(SeriesMembers.start(r)).isBefore(series.window().start())).toList();
  }

  private boolean exInWindow(ExchangeItem e) {
    return !instant(SeriesMembers.originalStart(e)).isBefore(series.window().start());
  }

  private static Instant instant(String text) {
    return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
        : Instant.parse(text);
  }
}
