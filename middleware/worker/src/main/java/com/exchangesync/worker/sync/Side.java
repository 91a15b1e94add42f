package com.exchangesync.worker.sync;

/** The two systems kept in sync. */
public enum Side {
  SALESFORCE,
  EXCHANGE
}
