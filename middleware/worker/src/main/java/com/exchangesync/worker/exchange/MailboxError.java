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
      "Check that the EWS URL is right and that the Exchange server is reachable over HTTPS from the middleware "
          + "(Exchange Online: that the worker reaches EXSYNC_GRAPH_URL and EXSYNC_GRAPH_LOGIN_URL)."),
  INSECURE_TRANSPORT("EXCHANGE_INSECURE_TRANSPORT", true,
      "Use an https:// EWS or Autodiscover URL."),
  FOLDER_MISSING("EXCHANGE_FOLDER_MISSING", true,
      "The folder was removed or renamed in the rep's mailbox; the next sync creates Salesforce_Sync again."),
  INVALID_SYNC_STATE("EXCHANGE_INVALID_SYNC_STATE", true,
      "Exchange no longer accepts the saved sync position; Reset Sync for this user re-reads the folder."),
  THROTTLED("EXCHANGE_THROTTLED", true,
      "Exchange stayed busy through every retry; the next cycle tries again. If it persists, raise the EWS "
          + "throttling policy (EWSMaxConcurrency) for the service account; Exchange Online's limits cannot be raised, "
          + "so there lengthen the worker's EXSYNC_POLL_INTERVAL_SECONDS."),
  UNAVAILABLE("EXCHANGE_UNAVAILABLE", true,
      "Exchange answered with a server error; the next cycle tries again. If it persists, check the server's event log."),
  ITEM_NOT_FOUND("EXCHANGE_ITEM_NOT_FOUND", false,
      "The item was deleted in Exchange; the next sync removes the link."),
  CONFLICT("EXCHANGE_CONFLICT", false,
      "The item changed in Exchange while it was being written; the next sync reconciles both versions."),
  INVALID_PROPERTY_VALUE("EXCHANGE_INVALID_PROPERTY_VALUE", false,
      "Exchange refused a field value (too long, or the end before the start); correct it in Salesforce or adjust the field mapping."),
  APP_SIGN_IN_REFUSED("EXCHANGE_APP_SIGN_IN_REFUSED", true,
      "Check the Tenant ID and Application (Client) ID in Exchange Sync Setup, and that the certificate of the worker's "
          + "EXSYNC_GRAPH_CERTIFICATE_FILE is uploaded to that app registration (Certificates & secrets), or that "
          + "EXSYNC_GRAPH_CLIENT_SECRET is one of its secrets and has not expired."),
  APP_PERMISSION_MISSING("EXCHANGE_APP_PERMISSION_MISSING", true,
      "The app holds the permission for this mailbox in neither of Microsoft's two ways. Recommended: in Exchange "
          + "Online PowerShell, " + AppGrants.RBAC + ". Or, for every mailbox, " + AppGrants.ENTRA
          + " (consent that was revoked must be granted again)."),
  MAILBOX_OUT_OF_SCOPE("EXCHANGE_MAILBOX_OUT_OF_SCOPE", true,
      "Exchange Online keeps the app out of this mailbox. Recommended: in Exchange Online PowerShell, " + AppGrants.RBAC
          + ". Where the app instead has admin consent in Microsoft Entra ID limited by an application access policy, "
          + "add the mailbox to the policy's group. Or remove the rep from the Exchange Sync configuration."),
  MAILBOX_NOT_ENABLED("EXCHANGE_MAILBOX_NOT_ENABLED", true,
      "The user has no active Exchange Online mailbox: assign a license that includes Exchange Online, or restore the "
          + "mailbox; a mailbox still on premises is reached through Exchange Server (EWS), not Microsoft Graph."),
  MEETING_WOULD_NOTIFY("EXCHANGE_MEETING_WOULD_NOTIFY", false,
      "This is a meeting with attendees, and Exchange Online emails them whenever a meeting is changed or cancelled "
          + "through Microsoft Graph; Exchange Sync never sends meeting messages, so it left the meeting as it is. "
          + "Make the change in Outlook if the attendees should hear of it."),
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
