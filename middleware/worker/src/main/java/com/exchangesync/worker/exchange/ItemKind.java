package com.exchangesync.worker.exchange;

/** The two kinds of mailbox item the product syncs, each living in its own folder. */
public enum ItemKind {
  /** Contacts, read from and written to the {@code Salesforce_Sync} folder under Contacts. */
  CONTACT,
  /** Calendar items, read from and written to the rep's main calendar only. */
  EVENT
}
