package com.exchangesync.worker.exchange;

/**
 * The mark that says which Salesforce org syncs a mailbox: the org's 18-character
 * id in a string extended property named {@value #NAME}, in the product's property
 * set ({@link SalesforceIdMark#PROPERTY_SET}), on the rep's main calendar folder.
 *
 * <p>Why there: the mark must live in the mailbox itself, so that workers of two
 * orgs, each with its own database, both see it. The main calendar cannot be
 * deleted or renamed by the rep (the {@code Salesforce_Sync} folder can, and would
 * take the mark with it), and Exchange Online's app reaches it with the
 * {@code Calendars.ReadWrite} permission it already has (the mailbox root would need
 * {@code Mail.ReadWrite}). EWS and Microsoft Graph address the same MAPI named
 * property on the same folder, so an org on either protocol sees the other's mark.
 * Never change the name: mailboxes in the field carry it.
 */
public final class SyncingOrgMark {

  /** The property's name within the product's property set. */
  public static final String NAME = "ExchangeSyncOrgId";

  private SyncingOrgMark() {}
}
