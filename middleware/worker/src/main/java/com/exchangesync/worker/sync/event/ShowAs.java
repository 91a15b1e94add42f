package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.sync.Mapped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Salesforce's "Show Time As" ({@code ShowAs}: {@code Busy}, {@code OutOfOffice},
 * {@code Free}) as Exchange's free/busy status ({@code Free}, {@code Tentative},
 * {@code Busy}, {@code OOF}, {@code WorkingElsewhere}). Canonically one of
 * {@code Free}, {@code Busy} and {@code OOF}, what both can say: Exchange's
 * {@code Tentative} and {@code WorkingElsewhere} read as {@code Busy} (the time is
 * taken), so a value read back after a write is the value written and nothing
 * moves twice. An Exchange item keeps its finer status until Salesforce's changes.
 */
record ShowAs(String salesforceField, ExchangeField exchangeField) implements Mapped {

  ShowAs() {
    this("ShowAs", ExchangeField.SHOW_AS);
  }

  @Override
  public String key() {
    return exchangeField.apiName();
  }

  @Override
  public List<String> salesforceFields() {
    return List.of(salesforceField);
  }

  @Override
  public List<ExchangeField> exchangeFields() {
    return List.of(exchangeField);
  }

  @Override
  public String fromSalesforce(Map<String, String> fields) {
    String v = fields.get(salesforceField);
    if (v == null || v.isBlank()) {
      return "Busy"; // what both sides default to
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "free" -> "Free";
      case "outofoffice", "out of office" -> "OOF";
      default -> "Busy";
    };
  }

  @Override
  public String fromExchange(Map<ExchangeField, String> values) {
    String v = values.get(exchangeField);
    if (v == null || v.isBlank()) {
      return "Busy";
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "free" -> "Free";
      case "oof" -> "OOF";
      default -> "Busy"; // Busy, Tentative, WorkingElsewhere, NoData
    };
  }

  @Override
  public Map<String, String> toSalesforce(String value) {
    Map<String, String> out = new HashMap<>();
    out.put(salesforceField, value == null ? null : "OOF".equals(value) ? "OutOfOffice" : value);
    return out;
  }

  @Override
  public Map<ExchangeField, String> toExchange(String value) {
    Map<ExchangeField, String> out = new HashMap<>();
    out.put(exchangeField, value == null ? "Busy" : value);
    return out;
  }
}
