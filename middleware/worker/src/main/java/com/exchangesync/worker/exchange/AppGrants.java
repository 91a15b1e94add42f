package com.exchangesync.worker.exchange;

/**
 * How an admin gives the Exchange Online app its access, in the words both the
 * error suggestions and Graph's refusals use, so the two always agree. Microsoft
 * offers two grants, and they add up: RBAC for Applications in Exchange Online
 * (role assignments limited to a management scope, checked by Exchange at each
 * request and never shown in the token) and Microsoft Graph application
 * permissions with admin consent in Microsoft Entra ID (every mailbox of the
 * tenant, shown in the token's {@code roles}). The first is the one to use.
 */
public final class AppGrants {

  /** Microsoft's recommended grant: only the mailboxes of a management scope. */
  public static final String RBAC = "assign the app the RBAC for Applications roles Application Contacts.ReadWrite and "
      + "Application Calendars.ReadWrite with a management scope that includes this mailbox (check with "
      + "Test-ServicePrincipalAuthorization)";

  /** The unscoped alternative, with its risk named. */
  public static final String ENTRA = "give the app registration the Microsoft Graph application permissions "
      + "Contacts.ReadWrite and Calendars.ReadWrite in the Microsoft Entra admin center and grant admin consent; "
      + "that reaches every mailbox of the tenant, whatever the management scope says";

  private AppGrants() {}

  /** The RBAC role that grants Graph's application permission {@code permission}, as Exchange Online names it. */
  public static String role(String permission) {
    return "Application " + permission;
  }
}
