package com.exchangesync.worker.exchange;

/**
 * What went wrong with a mailbox, named so the engine can report it: each value
 * carries the code written to {@code ExchangeSyncError__c.Error_Code__c} and the
 * fix an admin can act on. Whether the whole mailbox or only one item is affected
 * follows from where the error appears (a thrown {@link MailboxException} or one
 * {@link ItemResult}).
 */
public enum MailboxError {
  BAD_CREDENTIALS("EXCHANGE_BAD_CREDENTIALS", true,
      "Check the service account user name (user@domain or domain\\user) and password in Exchange Sync Setup, "
          + "and that Basic authentication is enabled on EWS and Autodiscover."),
  IMPERSONATION_DENIED("EXCHANGE_IMPERSONATION_DENIED", true,
      "Give the service account the ApplicationImpersonation role for this rep's mailbox "
          + "(New-ManagementRoleAssignment with a scope that includes the rep)."),
  MAILBOX_NOT_FOUND("EXCHANGE_MAILBOX_NOT_FOUND", true,
      "Check that the rep's Salesforce email address is the primary SMTP address of an Exchange mailbox."),
  AUTODISCOVER_FAILED("EXCHANGE_AUTODISCOVER_FAILED", true,
      "Check that Autodiscover answers for the rep's email domain, or enter the EWS URL in Exchange Sync Setup."),
  UNREACHABLE("EXCHANGE_UNREACHABLE", true,
      "Check that the EWS URL is right and that the Exchange server is reachable over HTTPS from the middleware."),
  INSECURE_TRANSPORT("EXCHANGE_INSECURE_TRANSPORT", true,
      "Use an https:// EWS or Autodiscover URL."),
  FOLDER_MISSING("EXCHANGE_FOLDER_MISSING", true,
      "The folder was removed or renamed in the rep's mailbox; the next sync creates Salesforce_Sync again."),
  INVALID_SYNC_STATE("EXCHANGE_INVALID_SYNC_STATE", true,
      "Exchange no longer accepts the saved sync position; Reset Sync for this user re-reads the folder."),
  THROTTLED("EXCHANGE_THROTTLED", true,
      "Exchange stayed busy through every retry; the next cycle tries again. If it persists, raise the EWS "
          + "throttling policy (EWSMaxConcurrency) for the service account."),
  UNAVAILABLE("EXCHANGE_UNAVAILABLE", true,
      "Exchange answered with a server error; the next cycle tries again. If it persists, check the server's event log."),
  ITEM_NOT_FOUND("EXCHANGE_ITEM_NOT_FOUND", false,
      "The item was deleted in Exchange; the next sync removes the link."),
  CONFLICT("EXCHANGE_CONFLICT", false,
      "The item changed in Exchange while it was being written; the next sync reconciles both versions."),
  INVALID_PROPERTY_VALUE("EXCHANGE_INVALID_PROPERTY_VALUE", false,
      "Exchange refused a field value (too long, or the end before the start); correct it in Salesforce or adjust the field mapping."),
  UNEXPECTED("EXCHANGE_UNEXPECTED", true,
      "Exchange gave an answer the middleware does not know; see the message, and report it if it persists.");

  private final String code;
  private final boolean mailboxWide;
  private final String suggestion;

  MailboxError(String code, boolean mailboxWide, String suggestion) {
    this.code = code;
    this.mailboxWide = mailboxWide;
    this.suggestion = suggestion;
  }

  /** The code recorded in an error row. */
  public String code() {
    return code;
  }

  /** Whether it stops work on the whole mailbox rather than one item. */
  public boolean mailboxWide() {
    return mailboxWide;
  }

  /** What an admin can do about it. */
  public String suggestion() {
    return suggestion;
  }
}
