package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.sync.LaterCreates;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.RecordError;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.SyncException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A series not paired yet, on either side: found on the other side (by the
 * Salesforce id we stored on the master, or an unpaired series starting at the
 * same time with the same subject), else made there as a series, its occurrences then
 * paired one to one with the side just made as their base (so the first side's
 * exceptions and cancellations go over too). A series Salesforce cannot keep
 * (no end date) syncs its occurrences in the window as single events, and the
 * admin is told so in an error row.
 */
final class NewSeries {

  static final String AS_SINGLES_CODE = "SERIES_SYNCED_AS_SINGLE_EVENTS";

  private final PassContext pass;
  private final SeriesSync series;
  private final SeriesMembers members;
  /** The rep's Salesforce series by start, read together for this step ({@link #readSeriesAt}). */
  private final SeriesReads reads;

  NewSeries(PassContext pass, SeriesSync series) {
    this.pass = pass;
    this.series = series;
    this.members = new SeriesMembers(pass);
    this.reads = new SeriesReads(pass);
  }

  /**
   * Reads, in one query per {@value SeriesSync#STARTS_PER_READ} starts, the series starting where these masters would
   * and where these new Salesforce occurrences' series start: both steps of the pass ({@link #fromExchange},
   * {@link #fromSalesforce}) then find them read.
   */
  void readSeriesAt(java.util.Collection<ExchangeItem> masters, java.util.Collection<SalesforceItem> occurrences)
      throws SyncException {
    List<Instant> starts = new ArrayList<>();
    for (ExchangeItem m : masters) {
      SeriesReads.instant(SeriesPattern.salesforceFields(m).get("Recurrence2PatternStartDate")).ifPresent(starts::add);
    }
    occurrences.forEach(r -> SeriesReads.instant(SeriesPattern.start(r)).ifPresent(starts::add));
    reads.readAt(starts);
  }

  /** Forgets every start read: a linked series' step wrote, and may have written at any start. */
  void forgetSeriesRead() {
    reads.forgetAll();
  }

  /**
   * Masters with no pair, in order: each found on the Salesforce side, else made there. The series to make are made
   * together (one create, one mark of their masters, one read of what they made); a master starting where one of
   * them does waits until they are made, so what starts there and was not there before is one series.
   */
  void fromExchange(java.util.Collection<ExchangeItem> masters, boolean mayWait) throws SyncException {
    List<ToMake> batch = new ArrayList<>();
    java.util.Set<Instant> batchStarts = new java.util.HashSet<>();
    List<ExchangeItem> after = new ArrayList<>();
    for (ExchangeItem master : masters) {
      String start = SeriesPattern.salesforceFields(master).get("Recurrence2PatternStartDate");
      Optional<Instant> at = SeriesReads.instant(start);
      if (at.isEmpty() || batchStarts.contains(at.get())) {
        after.add(master);
        continue;
      }
      Optional<ToMake> toMake;
      try {
        toMake = pairOrPlan(master, start, at.get());
      } catch (SyncException | RuntimeException e) {
        reads.forget(start);
        throw e;
      }
      if (toMake.isPresent()) {
        batch.add(toMake.get());
        batchStarts.add(at.get());
      } else {
        reads.forget(start);
      }
    }
    Optional<LaterCreates> later = mayWait ? pass.laterCreates() : Optional.empty();
    if (later.isPresent() && !batch.isEmpty()) {
      later.get().add(batch.stream().map(ToMake::fields).toList(), outcomes -> {
        made(batch, outcomes);
        makeAfter(after);
      });
      return;
    }
    makeInSalesforce(batch);
    makeAfter(after);
  }

  /** Masters that start where one of a batch does, each found or made once the batch is made. */
  private void makeAfter(List<ExchangeItem> after) throws SyncException {
    for (ExchangeItem master : after) {
      String start = SeriesPattern.salesforceFields(master).get("Recurrence2PatternStartDate");
      try {
        Optional<ToMake> toMake = pairOrPlan(master, start, SeriesReads.instant(start).orElse(null));
        if (toMake.isPresent()) {
          makeInSalesforce(List.of(toMake.get()));
        }
      } finally {
        reads.forget(start);
      }
    }
  }

  /** A series to make in Salesforce for a master: its fields, where it starts, and the ids that started there before. */
  private record ToMake(ExchangeItem master, Map<String, String> fields, String start, Instant at,
                        java.util.Set<String> existed, List<ExchangeItem> occurrences) {}

  /** Pairs the master with a Salesforce series found for it, or says what to make for it (or nothing, if nothing). */
  private Optional<ToMake> pairOrPlan(ExchangeItem master, String start, Instant at) throws SyncException {
    if (pass.buried(Side.EXCHANGE, master.id(), Map.of(SeriesSync.PATTERN_EXCHANGE, SeriesPattern.ofExchange(master)))
        || skipped(master)) {
      pass.report().countDropped(0, 0, 1);
      return Optional.empty();
    }
    Optional<String> mark = master.salesforceId();
    if (mark.isPresent()) {
      List<SalesforceItem> marked = pass.salesforce().get(pass.rep().mailbox().userId(), List.of(mark.get()),
          pass.salesforceFields());
      if (!marked.isEmpty() && SeriesPattern.isOccurrence(marked.get(0))) {
        // Only the marked series' occurrences: another series may start at the same instant.
        adopt(master, SeriesGroups.of(pass, SeriesSync.salesforceSeries(pass, SeriesPattern.start(marked.get(0)),
            marked.get(0).get("Recurrence2PatternTimeZone")), mark.get(), master.id()));
        reads.forget(SeriesPattern.start(marked.get(0)));
        return Optional.empty();
      }
    }
    List<SalesforceItem> before = reads.at(start, null);
    Optional<List<SalesforceItem>> same = SeriesGroups.unpaired(pass, before).stream()
        .filter(s -> sameSubject(SeriesPattern.first(s), master)).findFirst();
    if (same.isPresent()) {
      adopt(master, same.get());
      return Optional.empty();
    }
    if (!pass.rep().direction().toSalesforce()) {
      return Optional.empty();
    }
    List<ExchangeItem> occurrences = series.exchangeOccurrences(pass, master.id(), List.of());
    if (occurrences.isEmpty()) {
      pass.report().countDropped(0, 0, 1); // nothing of it in the window
      return Optional.empty();
    }
    Optional<String> why = SeriesPattern.unstatableInSalesforce(master);
    if (why.isPresent()) {
      asSingles(master, occurrences, "The recurring event \"" + subject(master) + "\" is synced as single events: "
          + why.get() + ".");
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>(pass.rep().fields().toSalesforce(pass.rep().fields().fromExchange(master)));
    fields.putAll(SeriesPattern.salesforceFields(master));
    fields.put("IsRecurrence2", "true");
    return Optional.of(new ToMake(master, fields, start, at,
        new java.util.HashSet<>(before.stream().map(SalesforceItem::id).toList()), occurrences));
  }

  /**
   * Makes these series in Salesforce in one create (a series' occurrences share every field: no unique key can be
   * on them), marks their masters with them in one update, and reads what they made in one query.
   */
  private void makeInSalesforce(List<ToMake> batch) throws SyncException {
    if (batch.isEmpty()) {
      return;
    }
    List<String> noKeys = new ArrayList<>();
    batch.forEach(b -> noKeys.add(null));
    made(batch, pass.salesforce().create(pass.rep().mailbox().userId(), batch.stream().map(ToMake::fields).toList(), noKeys));
  }

  /** What follows the create of a batch of series: their masters marked, what they made read and paired. */
  private void made(List<ToMake> batch, List<SalesforceSide.WriteOutcome> outcomes) throws SyncException {
    List<ToMake> made = new ArrayList<>();
    List<ItemUpdate> marks = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ToMake m = batch.get(i);
      SalesforceSide.WriteOutcome o = outcomes.get(i);
      if (o.succeeded()) {
        pass.report().count(0, 0, 1, 0, 0);
        made.add(m);
        marks.add(new ItemUpdate(m.master().id(), Optional.empty(), Map.of(), Optional.of(o.id().orElseThrow())));
      } else {
        refused(m, o);
      }
    }
    if (made.isEmpty()) {
      return;
    }
    // Each master carries its series' id, so a crash before the pair is saved, or a Reset Sync, finds it again.
    SeriesMembers.exchange(() -> pass.mailbox().update(ItemKind.EVENT, marks));
    // Each series just made: what starts there now and was not there before the create (the rep's own series
    // may start at the same instant, and Salesforce names neither). The batch's starts differ.
    Map<Instant, List<SalesforceItem>> now = new HashMap<>();
    if (made.size() > 1) {
      now.putAll(SeriesSync.salesforceSeriesAt(pass, made.stream().map(ToMake::at).toList()));
    } else {
      now.put(made.get(0).at(), SeriesSync.salesforceSeries(pass, made.get(0).start(), null));
    }
    java.util.Set<String> cancelled = new java.util.HashSet<>();
    for (ToMake m : made) {
      String zone = SeriesPattern.salesforceZone(m.master().values().get(ExchangeField.START_TIME_ZONE));
      List<SalesforceItem> salesforce = now.getOrDefault(m.at(), List.of()).stream()
          .filter(r -> zone.equals(r.get("Recurrence2PatternTimeZone")) && !m.existed().contains(r.id())).toList();
      List<ExchangeItem> exchange = series.exchangeOccurrences(pass, m.master().id(), salesforce);
      SeriesMembers.Pairing pairing = members.pair(salesforce, exchange, p -> members.values(p.sf()));
      members.merge(m.master().id(), pairing.pairs());
      // Occurrences Exchange cancelled are in the new Salesforce series: cancelled there too.
      List<String> cancel = pairing.salesforceLeft().stream().filter(r -> inExchangeSpan(r, exchange))
          .map(SalesforceItem::id).toList();
      members.cancel(cancel, List.of(), List.of());
      cancelled.addAll(cancel);
      remember(m.master().id(), salesforce);
    }
    // What starts where the batch made its series is known: as just read, less what was cancelled (the rest of
    // the writes were to occurrences now paired, which no step takes as new). A new Salesforce series starting
    // there is then found without reading again.
    for (ToMake m : made) {
      if (m.at() != null) {
        reads.know(m.at(), now.getOrDefault(m.at(), List.of()).stream().filter(r -> !cancelled.contains(r.id())).toList());
      }
    }
  }

  /** Salesforce refused to make the series: more than 100 occurrences syncs them as singles; else an error row. */
  private void refused(ToMake m, SalesforceSide.WriteOutcome made) throws SyncException {
    if (made.message().contains("100")) {
      asSingles(m.master(), m.occurrences(), "The recurring event \"" + subject(m.master())
          + "\" is synced as single events: Salesforce keeps at most 100 occurrences in a series. (" + made.message() + ")");
      return;
    }
    String code = made.errorCode().orElse("UNKNOWN");
    pass.failed(Side.EXCHANGE, m.master().id(), new RecordError(Side.SALESFORCE, null, m.master().id(), code, made.message(),
        com.exchangesync.worker.sync.SalesforceSuggestions.forCode(code)));
  }

  /** A series Salesforce cannot keep: its occurrences in the window made single events there, and the admin told why. */
  private void asSingles(ExchangeItem master, List<ExchangeItem> occurrences, String why) throws SyncException {
    singles(master, occurrences);
    note(master, why);
    pass.remember(new Link(SeriesSync.SERIES_PREFIX + master.id(), master.id(), SeriesSync.seriesBase(
        SeriesPattern.ofExchange(master), null, null, SeriesSync.AS_SINGLES), master.changeKey(), master.id()));
  }

  /** Occurrences of a Salesforce series with no pair, grouped by series. */
  void fromSalesforce(java.util.Collection<SalesforceItem> occurrences) throws SyncException {
    Map<String, SalesforceItem> byKey = new LinkedHashMap<>();
    occurrences.forEach(r -> byKey.putIfAbsent(SeriesPattern.key(r), r));
    List<Instant> starts = new ArrayList<>();
    byKey.values().forEach(r -> SeriesReads.instant(SeriesPattern.start(r)).ifPresent(starts::add));
    reads.readAt(starts);
    for (SalesforceItem any : byKey.values()) {
      // Every series starting then, paired or not; the paired ones (and one made again: its pair's step takes it)
      // are left out, so a series of the rep's at the same instant as one already paired is still made.
      List<SalesforceItem> atStart = reads.at(SeriesPattern.start(any), any.get("Recurrence2PatternTimeZone"));
      try {
        for (List<SalesforceItem> all : SeriesGroups.unpaired(pass, atStart)) {
          fromSalesforce(all);
        }
      } finally {
        reads.forget(SeriesPattern.start(any));
      }
    }
  }

  /** One Salesforce series no pair holds: found in Exchange by its mark, else made there. */
  private void fromSalesforce(List<SalesforceItem> all) throws SyncException {
    SalesforceItem first = SeriesPattern.first(all);
    if (pass.linkOfSalesforce(SeriesSync.SERIES_PREFIX + first.id()).isPresent()
        || pass.buried(Side.SALESFORCE, SeriesSync.SERIES_PREFIX + first.id(),
            Map.of(SeriesSync.PATTERN_SALESFORCE, SeriesPattern.ofSalesforce(first)))
        || series.rules().kept(first)) {
      pass.report().countDropped(0, 0, 1);
      return;
    }
    Map<String, ExchangeItem> marked = SeriesMembers.exchange(() -> pass.mailbox().findBySalesforceIds(ItemKind.EVENT,
        List.of(first.id())));
    ExchangeItem master = marked.get(first.id());
    if (master != null && SeriesPattern.isMaster(master)) {
      adopt(master, all);
      return;
    }
    if (!pass.rep().direction().toExchange() || all.stream().noneMatch(r -> pass.rep().rules().skip(r).isEmpty())) {
      return; // not carried to Exchange, or nothing of it in the window
    }
    makeInExchange(first, all);
  }

  private void makeInExchange(SalesforceItem first, List<SalesforceItem> all) throws SyncException {
    Map<ExchangeField, String> values = new HashMap<>(pass.rep().rules().newItemDefaults());
    values.putAll(PassStateless.nonNull(pass.rep().fields().toExchange(pass.rep().fields().fromSalesforce(first.fields()))));
    values.putAll(SeriesPattern.exchangeValues(first));
    if (!Boolean.parseBoolean(first.get("IsAllDayEvent")) && first.get("Recurrence2PatternStartDate") != null
        && first.get("StartDateTime") != null && first.get("EndDateTime") != null) {
      // The first occurrence of the pattern, whatever the record says if it was moved.
      Instant start = Instant.parse(SeriesPattern.start(first));
      Duration length = Duration.between(Instant.parse(first.get("StartDateTime")), Instant.parse(first.get("EndDateTime")));
      values.put(ExchangeField.START, start.toString());
      values.put(ExchangeField.END, start.plus(length).toString());
    }
    ItemResult made = SeriesMembers.exchange(() -> pass.mailbox().create(ItemKind.EVENT,
        List.of(new NewItem(ItemKind.EVENT, values, Optional.of(first.id()))))).get(0);
    if (!made.succeeded()) {
      pass.failed(Side.SALESFORCE, first.id(), new RecordError(Side.EXCHANGE, first.id(), null,
          made.error().map(MailboxError::code).orElse("EXCHANGE_UNEXPECTED"), made.message(),
          made.error().map(MailboxError::suggestion).orElse("")));
      return;
    }
    pass.report().count(1, 0, 0, 0, 0);
    String masterId = made.id().orElseThrow();
    List<ExchangeItem> exchange = series.exchangeOccurrences(pass, masterId, all);
    SeriesMembers.Pairing pairing = members.pair(all, exchange, m -> members.values(m.ex()));
    members.merge(masterId, pairing.pairs());
    // Occurrences deleted in Salesforce are missing from its series: cancelled in Exchange too.
    members.cancel(List.of(), pairing.exchangeLeft().stream().filter(e -> inSalesforceSpan(e, all)).map(ExchangeItem::id).toList(),
        List.of());
    ExchangeItem master = SeriesMembers.exchange(() -> pass.mailbox().get(ItemKind.EVENT, List.of(masterId))).get(0);
    remember(master.id(), all, master);
  }

  /**
   * Pairs a master with a Salesforce series found for it: each side fills the other's gaps, true differences follow
   * the winner, and so does a difference of pattern; an occurrence cancelled on one side is cancelled on the other.
   */
  void adopt(ExchangeItem master, List<SalesforceItem> salesforce) throws SyncException {
    if (salesforce.isEmpty()) {
      return;
    }
    pass.report().count(0, 0, 0, 0, 1);
    SalesforceItem first = SeriesPattern.first(salesforce);
    if (!SeriesPattern.samePattern(master, first)) {
      // A side's pattern changed after a crashed pass made the other side's series, or two people made the series
      // apart. Neither pattern is one both sides had, so the pair starts with neither as its base: the pattern step
      // sets the winner's on the other side and pairs the occurrences anew. Pairing them by start as they are would
      // leave the occurrences of the longer pattern without partners.
      pass.remember(new Link(SeriesSync.SERIES_PREFIX + first.id(), master.id(), SeriesSync.seriesBase("", "",
          SeriesPattern.key(first), "series"), master.changeKey(), master.id()));
      new LinkedSeries(pass, series).reconcile(master.id(), Optional.of(master));
      forgetSeriesRead(); // the winner's pattern may have made the Salesforce series again at another start
      return;
    }
    List<ExchangeItem> exchange = series.exchangeOccurrences(pass, master.id(), salesforce);
    SeriesMembers.Pairing pairing = members.pair(salesforce, exchange, m -> Map.of());
    members.merge(master.id(), pairing.pairs());
    // One pattern, one set of occurrences: one a side lacks was cancelled there (after a crashed pass made the
    // series, or before two people's series were found to be one), so it is cancelled on the other side too. Those
    // before the window are history, and Exchange's were read from the window's start to past Salesforce's last;
    // Salesforce's series may have lost its first occurrences, but not its pattern's start.
    Instant from = series.window().start();
    Instant patternStart = SeriesMembers.instant(SeriesPattern.start(first));
    Instant salesforceFrom = patternStart.isAfter(from) ? patternStart : from;
    com.exchangesync.worker.sync.Direction d = pass.rep().direction();
    members.cancel(d.toSalesforce() ? pairing.salesforceLeft().stream()
        .filter(r -> !SeriesMembers.instant(SeriesMembers.start(r)).isBefore(from)).map(SalesforceItem::id).toList() : List.of(),
        d.toExchange() ? pairing.exchangeLeft().stream()
            .filter(e -> !SeriesMembers.instant(SeriesMembers.originalStart(e)).isBefore(salesforceFrom))
            .map(ExchangeItem::id).toList() : List.of(), List.of());
    remember(master.id(), salesforce); // as the master is after our writes, so their echo costs nothing
  }

  /** Occurrences of a series Salesforce cannot keep, each made a single event there. */
  void singles(ExchangeItem master, List<ExchangeItem> occurrences) throws SyncException {
    if (occurrences.isEmpty() || !pass.rep().direction().toSalesforce()) {
      return;
    }
    List<Map<String, String>> records = new ArrayList<>();
    for (ExchangeItem o : occurrences) {
      records.add(PassStateless.nonNull(pass.rep().fields().toSalesforce(members.values(o))));
    }
    List<SalesforceSide.WriteOutcome> made = pass.salesforce().create(pass.rep().mailbox().userId(), records,
        occurrences.stream().map(ExchangeItem::id).toList());
    int created = 0;
    for (int i = 0; i < occurrences.size(); i++) {
      SalesforceSide.WriteOutcome o = made.get(i);
      ExchangeItem occurrence = occurrences.get(i);
      if (o.succeeded()) {
        created++;
        pass.remember(new Link(o.id().orElseThrow(), occurrence.id(), members.values(occurrence), occurrence.changeKey(),
            master.id()));
      } else {
        String code = o.errorCode().orElse("UNKNOWN");
        pass.failed(Side.EXCHANGE, occurrence.id(), new RecordError(Side.SALESFORCE, null, occurrence.id(), code, o.message(),
            com.exchangesync.worker.sync.SalesforceSuggestions.forCode(code)));
      }
    }
    pass.report().count(0, 0, created, 0, 0);
  }

  private void remember(String masterId, List<SalesforceItem> salesforce) throws SyncException {
    ExchangeItem master = SeriesMembers.exchange(() -> pass.mailbox().get(ItemKind.EVENT, List.of(masterId))).get(0);
    remember(masterId, salesforce, master);
  }

  private void remember(String masterId, List<SalesforceItem> salesforce, ExchangeItem master) {
    SalesforceItem first = SeriesPattern.first(salesforce);
    pass.remember(new Link(SeriesSync.SERIES_PREFIX + first.id(), masterId, SeriesSync.seriesBase(SeriesPattern.ofExchange(master),
        SeriesPattern.ofSalesforce(first), SeriesPattern.key(first), "series"), master.changeKey(), masterId));
  }

  private boolean skipped(ExchangeItem master) {
    return series.rules().kept(master);
  }

  private void note(ExchangeItem master, String message) {
    pass.report().note(new RecordError(Side.SALESFORCE, null, master.id(), AS_SINGLES_CODE, message,
        "Nothing to do: Salesforce shows these occurrences as single events. To sync it as a series, give the series an "
            + "end date (or at most 100 occurrences) in Outlook."));
  }

  private static String subject(ExchangeItem master) {
    return String.valueOf(master.values().get(ExchangeField.SUBJECT));
  }

  private static boolean sameSubject(SalesforceItem r, ExchangeItem master) {
    String a = r.get("Subject");
    String b = master.values().get(ExchangeField.SUBJECT);
    return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }

  private static boolean inExchangeSpan(SalesforceItem r, List<ExchangeItem> exchange) {
    if (exchange.isEmpty()) {
      return false;
    }
    String s = SeriesMembers.start(r);
    String first = SeriesMembers.originalStart(exchange.get(0));
    String last = SeriesMembers.originalStart(exchange.get(exchange.size() - 1));
    return s.compareTo(first) >= 0 && s.compareTo(last) <= 0;
  }

  private static boolean inSalesforceSpan(ExchangeItem e, List<SalesforceItem> salesforce) {
    String s = SeriesMembers.originalStart(e);
    String first = salesforce.stream().map(SeriesMembers::start).min(String::compareTo).orElse("");
    String last = salesforce.stream().map(SeriesMembers::start).max(String::compareTo).orElse("");
    return s.compareTo(first) >= 0 && s.compareTo(last) <= 0;
  }
}
