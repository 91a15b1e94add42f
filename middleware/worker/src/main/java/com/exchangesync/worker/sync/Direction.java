package com.exchangesync.worker.sync;

import java.util.Locale;

/** Which way a configuration syncs one kind of record, as its picklist says. */
public enum Direction {
  NONE("Don't sync"),
  SALESFORCE_TO_EXCHANGE("Salesforce to Exchange"),
  EXCHANGE_TO_SALESFORCE("Exchange to Salesforce"),
  BOTH("Both directions");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  /** The picklist value in Salesforce. */
  public String label() {
    return label;
  }

  /** Whether Salesforce changes flow to Exchange. */
  public boolean toExchange() {
    return this == SALESFORCE_TO_EXCHANGE || this == BOTH;
  }

  /** Whether Exchange changes flow to Salesforce. */
  public boolean toSalesforce() {
    return this == EXCHANGE_TO_SALESFORCE || this == BOTH;
  }

  /** The direction a picklist value names; blank or unknown is {@link #NONE}, which writes nothing. */
  public static Direction fromLabel(String label) {
    if (label == null) {
      return NONE;
    }
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (Direction d : values()) {
      if (d.label.toLowerCase(Locale.ROOT).equals(l)) {
        return d;
      }
    }
    return NONE;
  }
}
