package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.sync.SalesforceItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recurring series' pattern as each side states it, and what identifies a
 * series in Salesforce. Exchange states a series on its master (an RRULE, the
 * time zone, the first occurrence's start); Salesforce on every occurrence
 * record ({@code Recurrence2PatternText}, {@code …StartDate}, {@code …TimeZone},
 * the same on all of them: Salesforce gives no series id through its API, and
 * series starting at the same instant are told apart by {@link SeriesGroups}). Each
 * side's pattern is compared only with what that side said at the last sync, so
 * two ways of writing one rule never look like a change.
 */
final class SeriesPattern {

  static final List<String> SALESFORCE_FIELDS = List.of("IsRecurrence2", "Recurrence2PatternText",
      "Recurrence2PatternStartDate", "Recurrence2PatternTimeZone", "IsRecurrence2Exception");

  private SeriesPattern() {}

  /** Whether an Exchange item is a series' master. */
  static boolean isMaster(ExchangeItem item) {
    return "RecurringMaster".equals(item.values().get(ExchangeField.CALENDAR_ITEM_TYPE));
  }

  /** Whether a Salesforce event is an occurrence of a series. */
  static boolean isOccurrence(SalesforceItem record) {
    return Boolean.parseBoolean(record.get("IsRecurrence2"));
  }

  /** The master's pattern: rule, zone and first start. */
  static String ofExchange(ExchangeItem master) {
    String rule = master.values().get(ExchangeField.RECURRENCE);
    String canonical = Rrule.parse(rule).rule().map(Rrule::canonical).orElse(String.valueOf(rule));
    return canonical + "|" + master.values().get(ExchangeField.START_TIME_ZONE) + "|" + master.values().get(ExchangeField.START);
  }

  /** A Salesforce series' pattern, as its occurrences carry it. */
  static String ofSalesforce(SalesforceItem occurrence) {
    return rule(occurrence) + "|" + occurrence.get("Recurrence2PatternTimeZone") + "|" + start(occurrence);
  }

  /**
   * Whether a master and a Salesforce series found for it (not made from it) state one pattern: the same rule, zone
   * and first start, however each side writes them. Only a pairing compares across sides; a linked series compares
   * each side with what that side said last.
   */
  static boolean samePattern(ExchangeItem master, SalesforceItem occurrence) {
    Rrule.Parsed exchange = Rrule.parse(master.values().get(ExchangeField.RECURRENCE));
    Map<String, String> asSalesforce = salesforceFields(master);
    String exchangeStart = asSalesforce.get("Recurrence2PatternStartDate");
    String salesforceStart = start(occurrence);
    return exchange.rule().map(Rrule::canonical).orElse("").equals(rule(occurrence))
        && asSalesforce.get("Recurrence2PatternTimeZone").equals(salesforceZone(occurrence.get("Recurrence2PatternTimeZone")))
        && exchangeStart != null && salesforceStart != null
        && java.time.OffsetDateTime.parse(exchangeStart).toInstant().equals(Instant.parse(salesforceStart));
  }

  /** The RRULE of a Salesforce series, without its name. */
  static String rule(SalesforceItem occurrence) {
    String text = occurrence.get("Recurrence2PatternText");
    Rrule.Parsed p = Rrule.parse(text);
    return p.rule().map(Rrule::canonical).orElse(String.valueOf(text));
  }

  /** When a Salesforce series starts, as an instant. */
  static String start(SalesforceItem occurrence) {
    String s = occurrence.get("Recurrence2PatternStartDate");
    return s == null ? null : Instant.parse(s).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Where a Salesforce series starts: its start and its zone (other series may start there too: {@link SeriesGroups}). */
  static String key(SalesforceItem occurrence) {
    return start(occurrence) + "|" + occurrence.get("Recurrence2PatternTimeZone");
  }

  /** A series' first occurrence: the one made first (it keeps its id when the series is made again). */
  static SalesforceItem first(List<SalesforceItem> occurrences) {
    return occurrences.stream().min(Comparator.comparing(SalesforceItem::created).thenComparing(SalesforceItem::id))
        .orElseThrow();
  }

  /** The fields that make a Salesforce series of the master's pattern (on create, or on the first occurrence). */
  static Map<String, String> salesforceFields(ExchangeItem master) {
    Map<String, String> f = new HashMap<>();
    f.put("Recurrence2PatternText", "RRULE:" + master.values().get(ExchangeField.RECURRENCE));
    String start = master.values().get(ExchangeField.START);
    f.put("Recurrence2PatternStartDate", EventTime.isDate(start) ? LocalDate.parse(start) + "T00:00:00Z" : start);
    f.put("Recurrence2PatternTimeZone", salesforceZone(master.values().get(ExchangeField.START_TIME_ZONE)));
    return f;
  }

  private static final java.util.Set<String> UTC = java.util.Set.of("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Z", "Etc/Universal",
      "Universal", "Etc/Zulu", "Zulu");

  /**
   * A time zone as Salesforce names it ({@code TimeZoneSidKey}): tz database
   * names, but {@code GMT} for UTC; none given is UTC too.
   */
  static String salesforceZone(String iana) {
    return iana == null || iana.isBlank() || UTC.contains(iana) ? "GMT" : iana;
  }

  /** A Salesforce time zone as a tz database name: {@code GMT} is UTC ({@code Etc/UTC}). */
  static String ianaZone(String salesforce) {
    return salesforce == null || salesforce.isBlank() || UTC.contains(salesforce) ? "Etc/UTC" : salesforce;
  }

  /** The values that make an Exchange master of a Salesforce series' pattern. */
  static Map<ExchangeField, String> exchangeValues(SalesforceItem occurrence) {
    Map<ExchangeField, String> v = new HashMap<>();
    v.put(ExchangeField.RECURRENCE, rule(occurrence));
    v.put(ExchangeField.START_TIME_ZONE, ianaZone(occurrence.get("Recurrence2PatternTimeZone")));
    return v;
  }

  /** Why Salesforce cannot keep this master's pattern as a series, if it cannot. */
  static Optional<String> unstatableInSalesforce(ExchangeItem master) {
    Rrule.Parsed p = Rrule.parse(master.values().get(ExchangeField.RECURRENCE));
    if (p.rule().isEmpty()) {
      return Optional.of(p.problem());
    }
    if (!p.rule().get().ends()) {
      return Optional.of("the series has no end date, and a Salesforce series needs one");
    }
    return Optional.empty();
  }
}
