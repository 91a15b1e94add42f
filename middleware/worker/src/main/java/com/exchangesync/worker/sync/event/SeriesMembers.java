package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.ItemUpdate;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.sync.FieldMap;
import com.exchangesync.worker.sync.FieldMerge;
import com.exchangesync.worker.sync.Link;
import com.exchangesync.worker.sync.PassContext;
import com.exchangesync.worker.sync.RecordError;
import com.exchangesync.worker.sync.SalesforceItem;
import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.Side;
import com.exchangesync.worker.sync.SyncException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The occurrences of one series on both sides: paired by the start the pattern
 * gave them, merged pair by pair as single events are (an occurrence changed on
 * one side becomes an exception on the other), and a cancelled occurrence
 * cancelled on the other side. Writes go in one batch per side. An occurrence's
 * invitees are its series': they are not merged here.
 */
final class SeriesMembers {

  private final PassContext pass;
  private final FieldMap map;

  SeriesMembers(PassContext pass) {
    this.pass = pass;
    this.map = pass.rep().fields();
  }

  /** An occurrence pair to merge against its base. */
  record Merge(SalesforceItem sf, ExchangeItem ex, Map<String, String> base) {}

  /** Occurrences paired by their original start, and those left on each side. */
  record Pairing(List<Merge> pairs, List<SalesforceItem> salesforceLeft, List<ExchangeItem> exchangeLeft) {}

  Map<String, String> values(SalesforceItem sf) {
    Map<String, String> v = new HashMap<>(map.fromSalesforce(sf.fields()));
    v.remove(Invitees.KEY);
    return v;
  }

  Map<String, String> values(ExchangeItem ex) {
    Map<String, String> v = new HashMap<>(map.fromExchange(ex));
    v.remove(Invitees.KEY);
    return v;
  }

  /**
   * Pairs occurrences: an Exchange occurrence's original start with a Salesforce
   * occurrence that starts there and is no exception; Salesforce exceptions (moved,
   * their original start unknown to the API) with what is left, in order of start.
   *
   * @param base for each pair found, the base to merge against (the side just made, say)
   */
  Pairing pair(List<SalesforceItem> salesforce, List<ExchangeItem> exchange, java.util.function.Function<Merge, Map<String, String>> base) {
    Map<String, ExchangeItem> byStart = new LinkedHashMap<>();
    exchange.stream().sorted(Comparator.comparing(SeriesMembers::originalStart)).forEach(e -> byStart.put(originalStart(e), e));
    List<Merge> pairs = new ArrayList<>();
    List<SalesforceItem> exceptions = new ArrayList<>();
    List<SalesforceItem> sfLeft = new ArrayList<>();
    for (SalesforceItem sf : salesforce.stream().sorted(Comparator.comparing(SeriesMembers::start)).toList()) {
      ExchangeItem ex = Boolean.parseBoolean(sf.get("IsRecurrence2Exception")) ? null : byStart.remove(start(sf));
      if (ex != null) {
        Merge m = new Merge(sf, ex, Map.of());
        pairs.add(new Merge(sf, ex, base.apply(m)));
      } else if (Boolean.parseBoolean(sf.get("IsRecurrence2Exception"))) {
        exceptions.add(sf);
      } else {
        sfLeft.add(sf);
      }
    }
    List<ExchangeItem> exLeft = new ArrayList<>(byStart.values());
    for (SalesforceItem sf : exceptions) {
      if (exLeft.isEmpty()) {
        sfLeft.add(sf);
      } else {
        ExchangeItem ex = exLeft.stream().min(Comparator.comparing(e -> distance(e, sf))).orElseThrow();
        exLeft.remove(ex);
        Merge m = new Merge(sf, ex, Map.of());
        pairs.add(new Merge(sf, ex, base.apply(m)));
      }
    }
    return new Pairing(pairs, sfLeft, exLeft);
  }

  private static long distance(ExchangeItem ex, SalesforceItem sf) {
    return Math.abs(instant(originalStart(ex)).getEpochSecond() - instant(start(sf)).getEpochSecond());
  }

  /** An Exchange occurrence's start as its pattern set it. */
  static String originalStart(ExchangeItem ex) {
    String s = ex.values().get(ExchangeField.ORIGINAL_START);
    return normal(s == null ? ex.values().get(ExchangeField.START) : s);
  }

  /** A Salesforce occurrence's start (the pattern's, for one that is no exception). */
  static String start(SalesforceItem sf) {
    if (Boolean.parseBoolean(sf.get("IsAllDayEvent")) && sf.get("ActivityDate") != null) {
      return sf.get("ActivityDate").substring(0, 10);
    }
    return normal(sf.get("StartDateTime"));
  }

  private static String normal(String text) {
    if (text == null) {
      return "";
    }
    return text.length() == 10 ? text : Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A start as {@link #start} or {@link #originalStart} give it (an all-day one is a date: its day's start in UTC). */
  static Instant instant(String text) {
    return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
        : Instant.parse(text);
  }

  /**
   * Merges the pairs and writes the results, remembering each pair under the series.
   * Exchange's occurrences are written without a change key: each carries its
   * master's, which every write to the series moves.
   */
  Optional<String> merge(String seriesId, List<Merge> merges) throws SyncException {
    List<SalesforceSide.RecordUpdate> sfUpdates = new ArrayList<>();
    List<ItemUpdate> exUpdates = new ArrayList<>();
    Map<String, FieldMerge.Result> results = new HashMap<>();
    for (Merge m : merges) {
      FieldMerge.Result r = FieldMerge.merge(m.base(), values(m.sf()), values(m.ex()), pass.rep().direction(),
          pass.rep().winner());
      results.put(m.sf().id(), r);
      if (!r.toSalesforce().isEmpty()) {
        sfUpdates.add(new SalesforceSide.RecordUpdate(m.sf().id(), map.toSalesforce(r.toSalesforce())));
      }
      if (!r.toExchange().isEmpty()) {
        exUpdates.add(new ItemUpdate(m.ex().id(), Optional.empty(), map.toExchange(r.toExchange(), m.ex().values()),
            Optional.empty()));
      }
    }
    Map<String, SalesforceSide.WriteOutcome> sfOut = new HashMap<>();
    if (!sfUpdates.isEmpty()) {
      List<SalesforceSide.WriteOutcome> o = pass.salesforce().update(sfUpdates);
      for (int i = 0; i < sfUpdates.size(); i++) {
        sfOut.put(sfUpdates.get(i).id(), o.get(i));
      }
    }
    Map<String, ItemResult> exOut = new HashMap<>();
    if (!exUpdates.isEmpty()) {
      List<ItemResult> o = exchange(() -> pass.mailbox().update(ItemKind.EVENT, exUpdates));
      for (int i = 0; i < exUpdates.size(); i++) {
        exOut.put(exUpdates.get(i).id(), o.get(i));
      }
    }
    int sfWritten = 0;
    int exWritten = 0;
    for (Merge m : merges) {
      SalesforceSide.WriteOutcome s = sfOut.get(m.sf().id());
      ItemResult e = exOut.get(m.ex().id());
      boolean sfOk = s == null || s.succeeded();
      boolean exOk = e == null || e.succeeded();
      sfWritten += s != null && s.succeeded() ? 1 : 0;
      exWritten += e != null && e.succeeded() ? 1 : 0;
      pass.remember(new Link(m.sf().id(), m.ex().id(), sfOk && exOk ? results.get(m.sf().id()).agreed() : m.base(),
          m.ex().changeKey(), seriesId));
      if (!sfOk) {
        String code = s.errorCode().orElse("UNKNOWN");
        pass.failed(Side.SALESFORCE, m.sf().id(), new RecordError(Side.SALESFORCE, m.sf().id(), m.ex().id(), code, s.message(),
            com.exchangesync.worker.sync.SalesforceSuggestions.forCode(code)));
      }
      if (!exOk) {
        pass.failed(Side.SALESFORCE, m.sf().id(), new RecordError(Side.EXCHANGE, m.sf().id(), m.ex().id(),
            e.error().map(MailboxError::code).orElse("EXCHANGE_UNEXPECTED"), e.message(),
            e.error().map(MailboxError::suggestion).orElse("")));
      }
    }
    pass.report().count(0, exWritten, 0, sfWritten, 0);
    // Occurrences carry their master's change key: the last one written is the series' version now.
    return exOut.values().stream().filter(ItemResult::succeeded).map(ItemResult::changeKey).flatMap(Optional::stream)
        .reduce((a, b) -> b);
  }

  /** Cancels occurrences whose partner was cancelled, and forgets their pairs. */
  void cancel(List<String> salesforceIds, List<String> exchangeIds, List<Link> pairs) throws SyncException {
    pairs.forEach(pass::forget);
    if (!salesforceIds.isEmpty()) {
      pass.salesforce().delete(salesforceIds);
    }
    if (!exchangeIds.isEmpty()) {
      exchange(() -> pass.mailbox().delete(ItemKind.EVENT, exchangeIds));
    }
    pass.report().countDropped(0, salesforceIds.size() + exchangeIds.size(), 0);
  }

  @FunctionalInterface
  interface MailboxCall<T> {
    T run() throws MailboxException;
  }

  static <T> T exchange(MailboxCall<T> call) throws SyncException {
    try {
      return call.run();
    } catch (MailboxException e) {
      throw new SyncException(e.error().code(), e.getMessage(), e.error().suggestion(), e);
    }
  }
}
