package com.exchangesync.testbed.salesforce;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * SOQL's relative date literals ({@code TODAY}, {@code LAST_N_DAYS:30}, ...)
 * as half-open day ranges {@code [from, until)} in the org's time zone (UTC in
 * the test bed; weeks start on Sunday, as for an en_US org).
 * {@code LAST_N_DAYS:n} covers today and the n days before it;
 * {@code NEXT_N_DAYS:n} starts tomorrow.
 */
final class DateLiterals {

  /** A day range: {@code from} inclusive, {@code until} exclusive. */
  record Range(LocalDate from, LocalDate until) {}

  private static final Set<String> PLAIN = Set.of("YESTERDAY", "TODAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK", "NEXT_WEEK",
      "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "LAST_YEAR", "THIS_YEAR", "NEXT_YEAR");
  private static final Set<String> WITH_N = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS", "NEXT_N_WEEKS",
      "LAST_N_MONTHS", "NEXT_N_MONTHS", "LAST_N_YEARS", "NEXT_N_YEARS");

  private DateLiterals() {}

  static boolean known(String upperName) {
    return PLAIN.contains(upperName);
  }

  static boolean takesN(String upperName) {
    return WITH_N.contains(upperName);
  }

  /** The days {@code name} (with {@code n} for the {@code _N_} forms) covers when today is {@code today}. */
  static Range range(String name, Integer n, LocalDate today) {
    LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate month = today.withDayOfMonth(1);
    LocalDate year = today.withDayOfYear(1);
    int k = n == null ? 0 : n;
    return switch (name) {
      case "YESTERDAY" -> days(today.minusDays(1), 1);
      case "TODAY" -> days(today, 1);
      case "TOMORROW" -> days(today.plusDays(1), 1);
      case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
      case "THIS_WEEK" -> days(week, 7);
      case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
      case "LAST_MONTH" -> new Range(month.minusMonths(1), month);
      case "THIS_MONTH" -> new Range(month, month.plusMonths(1));
      case "NEXT_MONTH" -> new Range(month.plusMonths(1), month.plusMonths(2));
      case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
      case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
      case "LAST_YEAR" -> new Range(year.minusYears(1), year);
      case "THIS_YEAR" -> new Range(year, year.plusYears(1));
      case "NEXT_YEAR" -> new Range(year.plusYears(1), year.plusYears(2));
      case "LAST_N_DAYS" -> new Range(today.minusDays(k), today.plusDays(1));
      case "NEXT_N_DAYS" -> days(today.plusDays(1), k);
      case "N_DAYS_AGO" -> days(today.minusDays(k), 1);
      case "LAST_N_WEEKS" -> new Range(week.minusWeeks(k), week);
      case "NEXT_N_WEEKS" -> new Range(week.plusWeeks(1), week.plusWeeks(1 + k));
      case "LAST_N_MONTHS" -> new Range(month.minusMonths(k), month);
      case "NEXT_N_MONTHS" -> new Range(month.plusMonths(1), month.plusMonths(1 + k));
      case "LAST_N_YEARS" -> new Range(year.minusYears(k), year);
      case "NEXT_N_YEARS" -> new Range(year.plusYears(1), year.plusYears(1 + k));
      default -> throw new IllegalArgumentException("not a date literal: " + name);
    };
  }

  private static Range days(LocalDate from, int count) {
    return new Range(from, from.plusDays(count));
  }
}
