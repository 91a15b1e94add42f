package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SalesforceRecordTest {

  private static Instant read(String text) {
    return SalesforceRecord.of("Contact", null, Map.of("SystemModstamp", text)).instant("SystemModstamp");
  }

  @Property
  void theAdaptersDatetimes_readAsTheGeneralParserReadsThem(
      @ForAll @LongRange(min = 0L, max = 253_402_300_799_999L) long epochMilli) {
    String text = Soql.datetime(Instant.ofEpochMilli(epochMilli));
    assertThat(read(text)).isEqualTo(OffsetDateTime.parse(text).toInstant()).isEqualTo(Instant.ofEpochMilli(epochMilli));
  }

  @Test
  void otherFormsAndImpossibleDates_goToTheGeneralParser() {
    assertThat(read("2026-01-02T03:04:05Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(read("2026-01-02T04:04:05.000+01:00")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(read("2024-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    assertThatThrownBy(() -> read("2026-02-30T00:00:00.000Z")).isInstanceOf(java.time.DateTimeException.class);
    assertThatThrownBy(() -> read("2026-01-02T03:04:5x.000Z")).isInstanceOf(java.time.DateTimeException.class);
    assertThat(read("")).isNull();
  }
}
