package com.exchangesync.worker.sync;

/** Which side wins a field both sides changed since the last sync ("Salesforce wins" / "Exchange wins"). */
public enum Winner {
  SALESFORCE("Salesforce wins"),
  EXCHANGE("Exchange wins");

  private final String label;

  Winner(String label) {
    this.label = label;
  }

  /** The picklist value in Salesforce. */
  public String label() {
    return label;
  }

  /** The winner a picklist value names; blank or unknown is Salesforce, the guide's default. */
  public static Winner fromLabel(String label) {
    return label != null && label.trim().equalsIgnoreCase(EXCHANGE.label) ? EXCHANGE : SALESFORCE;
  }
}
