package com.exchangesync.worker.salesforce;

import java.util.List;
import java.util.Locale;

/**
 * The one {@code Exchange_Sync_Setup__c} row. The service account password is
 * deliberately not part of it: the worker reads it only when it connects to
 * Exchange Server (see {@link SalesforceAdapter#readServiceAccountPassword}); the
 * key or secret of an Exchange Online app never is in Salesforce at all (it stays
 * with the worker).
 *
 * @param id the row's id
 * @param enabled whether sync is switched on
 * @param serviceAccountUsername {@code user@domain} or {@code domain\\user} (Exchange Server)
 * @param additionalDomains rep email domains beyond the service account's
 * @param exchangeEndpoint a fixed EWS URL, or null to use Autodiscover (Exchange Server)
 * @param serviceAccountStatus the status last written by the worker
 * @param exchangeType which Exchange the reps' mailboxes are on ({@code Exchange_Type__c})
 * @param tenantId the Microsoft Entra tenant (a GUID or a verified domain) of an Exchange Online org
 * @param applicationId the Application (client) ID of the app registered for Exchange Sync (Exchange Online)
 */
public record SyncSetup(String id, boolean enabled, String serviceAccountUsername, List<String> additionalDomains,
                        String exchangeEndpoint, String serviceAccountStatus, ExchangeType exchangeType, String tenantId,
                        String applicationId) {

  /** The setup of an Exchange Server org, as rows saved before Exchange Online could be chosen read. */
  public SyncSetup(String id, boolean enabled, String serviceAccountUsername, List<String> additionalDomains,
                   String exchangeEndpoint, String serviceAccountStatus) {
    this(id, enabled, serviceAccountUsername, additionalDomains, exchangeEndpoint, serviceAccountStatus, ExchangeType.EWS, null,
        null);
  }

  /** {@code Exchange_Type__c}'s two values. */
  public enum ExchangeType {
    /** {@code Exchange Server (EWS)}: on premises, through EWS with a service account. */
    EWS("Exchange Server (EWS)"),
    /** {@code Exchange Online (Microsoft Graph)}: through Microsoft Graph as an app registered in Entra ID. */
    GRAPH("Exchange Online (Microsoft Graph)");

    private final String label;

    ExchangeType(String label) {
      this.label = label;
    }

    /** The picklist value. */
    public String label() {
      return label;
    }

    /** The type a picklist value names; blank (rows saved before the field existed) is Exchange Server. */
    public static ExchangeType fromLabel(String value) {
      if (value == null || value.isBlank()) {
        return EWS;
      }
      String v = value.trim().toLowerCase(Locale.ROOT);
      return v.contains("graph") || v.contains("online") ? GRAPH : EWS;
    }
  }

  /** Whether the org is on Exchange Online, reached through Microsoft Graph. */
  public boolean usesGraph() {
    return exchangeType == ExchangeType.GRAPH;
  }
}
