package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.sync.Mapped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce's {@code IsPrivate} as Exchange's sensitivity: canonically
 * {@code Private} or nothing. Exchange's {@code Private} and {@code Confidential}
 * are private; {@code Normal} and {@code Personal} are not (Outlook's "Private"
 * sets {@code Private}). Both sides read back the value written, so nothing moves
 * twice.
 */
record Privacy(String salesforceField, ExchangeField exchangeField) implements Mapped {

  static final String PRIVATE = "Private";

  Privacy() {
    this("IsPrivate", ExchangeField.SENSITIVITY);
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
    return Boolean.parseBoolean(fields.get(salesforceField)) ? PRIVATE : null;
  }

  @Override
  public String fromExchange(Map<ExchangeField, String> values) {
    return isPrivate(values.get(exchangeField)) ? PRIVATE : null;
  }

  /** Whether an Exchange sensitivity keeps an event from others' eyes. */
  static boolean isPrivate(String sensitivity) {
    return "Private".equalsIgnoreCase(sensitivity) || "Confidential".equalsIgnoreCase(sensitivity);
  }

  @Override
  public Map<String, String> toSalesforce(String value) {
    Map<String, String> out = new HashMap<>();
    out.put(salesforceField, Boolean.toString(value != null));
    return out;
  }

  @Override
  public Map<ExchangeField, String> toExchange(String value) {
    Map<ExchangeField, String> out = new HashMap<>();
    out.put(exchangeField, value != null ? PRIVATE : "Normal");
    return out;
  }
}
