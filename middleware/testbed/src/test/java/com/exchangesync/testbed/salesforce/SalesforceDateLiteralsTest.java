package com.exchangesync.testbed.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SalesforceDateLiteralsTest {

  private static final LocalDate WEDNESDAY = LocalDate.of(2024, 5, 15);

  private static DateLiterals.Range r(String name, Integer n) {
    return DateLiterals.range(name, n, WEDNESDAY);
  }

  @Test
  void days() {
    assertThat(r("TODAY", null)).isEqualTo(new DateLiterals.Range(WEDNESDAY, WEDNESDAY.plusDays(1)));
    assertThat(r("YESTERDAY", null).from()).isEqualTo(LocalDate.of(2024, 5, 14));
    assertThat(r("LAST_N_DAYS", 7)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 5, 8), LocalDate.of(2024, 5, 16)));
    assertThat(r("NEXT_N_DAYS", 2)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 5, 16), LocalDate.of(2024, 5, 18)));
    assertThat(r("N_DAYS_AGO", 3)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 5, 12), LocalDate.of(2024, 5, 13)));
  }

  @Test
  void weeksStartOnSunday_monthsAndYearsOnTheFirst() {
    assertThat(r("THIS_WEEK", null)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 5, 12), LocalDate.of(2024, 5, 19)));
    assertThat(r("LAST_WEEK", null).from()).isEqualTo(LocalDate.of(2024, 5, 5));
    assertThat(r("LAST_MONTH", null)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1)));
    assertThat(r("NEXT_N_MONTHS", 2)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 1)));
    assertThat(r("THIS_YEAR", null)).isEqualTo(new DateLiterals.Range(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
    assertThat(DateLiterals.known("LAST_90_DAYS")).isTrue();
    assertThat(DateLiterals.takesN("LAST_N_DAYS")).isTrue();
    assertThat(DateLiterals.known("LAST_N_DAYS")).isFalse();
  }
}
