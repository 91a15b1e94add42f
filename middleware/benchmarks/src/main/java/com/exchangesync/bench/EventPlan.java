package com.exchangesync.bench;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The events a benchmark makes for one rep on one side: a few weekly series of
 * {@value #OCCURRENCES} occurrences (two from 40 events on, one from 10), the rest
 * single events, every fifth of them all day; spread over the next 300 days, in
 * Berlin time, each with a subject of its own (so none matches another by subject
 * and start). A series counts as its occurrences: one event record each in
 * Salesforce, one occurrence each in Outlook.
 *
 * @param series the number of series
 * @param singles the number of single events
 */
record EventPlan(int series, int singles) {

  static final int OCCURRENCES = 5;
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR"};

  /** The plan for {@code events} events. */
  static EventPlan of(int events) {
    int series = events >= 40 ? 2 : events >= 10 ? 1 : 0;
    return new EventPlan(series, events - series * OCCURRENCES);
  }

  /** Events in the calendar: the singles and every occurrence. */
  int events() {
    return singles + series * OCCURRENCES;
  }

  /** Records a sync must create for these on the other side: one per single, one per series (the org makes the occurrences). */
  int creates() {
    return singles + series;
  }

  /** As a person makes them in Salesforce, owned by {@code owner}. */
  List<SalesforceRecord> salesforce(String owner, String tag, LocalDate today) {
    List<SalesforceRecord> out = new ArrayList<>();
    for (int i = 0; i < singles; i++) {
      Map<String, String> f = new HashMap<>();
      f.put("Subject", "Salesforce " + tag + " event " + i);
      f.put("OwnerId", owner);
      f.put("Location", "Room " + (i % 12));
      if (allDay(i)) {
        f.put("IsAllDayEvent", "true");
        f.put("ActivityDate", day(today, i).toString());
        f.put("DurationInMinutes", "1440");
      } else {
        f.put("StartDateTime", start(today, i).toInstant().toString());
        f.put("EndDateTime", start(today, i).plusMinutes(45).toInstant().toString());
      }
      out.add(SalesforceRecord.of("Event", null, f));
    }
    for (int s = 0; s < series; s++) {
      Map<String, String> f = new HashMap<>();
      ZonedDateTime first = seriesStart(today, s);
      f.put("Subject", "Salesforce " + tag + " weekly " + s);
      f.put("OwnerId", owner);
      f.put("StartDateTime", first.toInstant().toString());
      f.put("EndDateTime", first.plusMinutes(30).toInstant().toString());
      f.put("IsRecurrence2", "true");
      f.put("Recurrence2PatternText", "RRULE:" + rule(s));
      f.put("Recurrence2PatternTimeZone", ZONE.getId());
      out.add(SalesforceRecord.of("Event", null, f));
    }
    return out;
  }

  /** As a person makes them in Outlook. */
  List<NewItem> exchange(String tag, LocalDate today) {
    List<NewItem> out = new ArrayList<>();
    for (int i = 0; i < singles; i++) {
      Map<ExchangeField, String> v = new HashMap<>();
      v.put(ExchangeField.SUBJECT, "Outlook " + tag + " event " + i);
      v.put(ExchangeField.LOCATION, "Room " + (i % 12));
      v.put(ExchangeField.START_TIME_ZONE, ZONE.getId());
      if (allDay(i)) {
        v.put(ExchangeField.IS_ALL_DAY, "true");
        v.put(ExchangeField.START, day(today, i).toString());
        v.put(ExchangeField.END, day(today, i).plusDays(1).toString());
      } else {
        v.put(ExchangeField.START, start(today, i).toInstant().toString());
        v.put(ExchangeField.END, start(today, i).plusMinutes(45).toInstant().toString());
      }
      out.add(new NewItem(ItemKind.EVENT, v, Optional.empty()));
    }
    for (int s = 0; s < series; s++) {
      ZonedDateTime first = seriesStart(today, s);
      out.add(new NewItem(ItemKind.EVENT, Map.of(ExchangeField.SUBJECT, "Outlook " + tag + " weekly " + s,
          ExchangeField.START, first.toInstant().toString(), ExchangeField.END, first.plusMinutes(30).toInstant().toString(),
          ExchangeField.START_TIME_ZONE, ZONE.getId(), ExchangeField.RECURRENCE, rule(s)), Optional.empty()));
    }
    return out;
  }

  private static boolean allDay(int i) {
    return i % 5 == 4;
  }

  private static LocalDate day(LocalDate today, int i) {
    return today.plusDays(1 + (i * 7L) % 300);
  }

  private static ZonedDateTime start(LocalDate today, int i) {
    return day(today, i).atTime(8 + i % 9, (i % 4) * 15).atZone(ZONE);
  }

  /** Series {@code s} starts on a weekday of its own in week {@code 1 + 7s}, at 10:00. */
  private static ZonedDateTime seriesStart(LocalDate today, int s) {
    LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(7L * s);
    return monday.plusDays(s % DAYS.length).atTime(10, 0).atZone(ZONE);
  }

  private static String rule(int s) {
    return String.format(Locale.ROOT, "FREQ=WEEKLY;BYDAY=%s;COUNT=%d", DAYS[s % DAYS.length], OCCURRENCES);
  }
}
