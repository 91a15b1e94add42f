package com.exchangesync.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void rendersCountersAndGauges_inPrometheusTextFormat() {
    Metrics metrics = new Metrics();
    Metrics.Counter calls = metrics.counter("exsync_soap_calls_total", "SOAP calls by operation", "operation");
    calls.inc("query");
    calls.add(2, "create");
    metrics.counter("exsync_notifications_received_total", "Notifications received").inc();
    metrics.gauge("exsync_mailboxes_leased", "Mailboxes this worker holds", () -> 3);
    assertThat(metrics.render()).isEqualTo("""
        # HELP exsync_mailboxes_leased Mailboxes this worker holds
        # TYPE exsync_mailboxes_leased gauge
        exsync_mailboxes_leased 3
        # HELP exsync_notifications_received_total Notifications received
        # TYPE exsync_notifications_received_total counter
        exsync_notifications_received_total 1
        # HELP exsync_soap_calls_total SOAP calls by operation
        # TYPE exsync_soap_calls_total counter
        exsync_soap_calls_total{operation="create"} 2
        exsync_soap_calls_total{operation="query"} 1
        """);
  }

  @Test
  void escapesLabelValues_andShowsAnUnlabelledCounterAtZero() {
    Metrics metrics = new Metrics();
    metrics.counter("a_total", "A").value();
    metrics.counter("errors_total", "Errors", "code").inc("BAD \"QUOTE\"\n");
    assertThat(metrics.render()).contains("a_total 0\n").contains("errors_total{code=\"BAD \\\"QUOTE\\\"\\n\"} 1");
  }

  @Test
  void rendersLabelledGauges_readAtEachScrape_andNaNForAnUnknownValue() {
    Metrics metrics = new Metrics();
    Map<List<String>, Double> ages = new HashMap<>();
    metrics.gauge("exsync_age_seconds", "Age by kind", List.of("kind"), () -> ages);
    ages.put(List.of("events"), 1.5);
    ages.put(List.of("contacts"), 60.0);
    metrics.gauge("exsync_unknown", "Not known yet", () -> Double.NaN);
    assertThat(metrics.render()).isEqualTo("""
        # HELP exsync_age_seconds Age by kind
        # TYPE exsync_age_seconds gauge
        exsync_age_seconds{kind="contacts"} 60
        exsync_age_seconds{kind="events"} 1.5
        # HELP exsync_unknown Not known yet
        # TYPE exsync_unknown gauge
        exsync_unknown NaN
        """);
    ages.remove(List.of("events"));
    assertThat(metrics.render()).doesNotContain("events");
  }

  @Test
  void refusesWrongLabelCountsAndNegativeAmounts() {
    Metrics metrics = new Metrics();
    Metrics.Counter c = metrics.counter("c_total", "C", "kind");
    assertThatThrownBy(() -> c.inc()).hasMessageContaining("takes labels [kind]");
    assertThatThrownBy(() -> c.add(-1, "x")).hasMessageContaining("only goes up");
    assertThatThrownBy(() -> metrics.counter("c_total", "C", "other")).hasMessageContaining("declared differently");
  }
}
