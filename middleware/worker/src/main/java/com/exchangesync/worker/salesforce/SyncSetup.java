package com.exchangesync.worker.salesforce;

import java.util.List;

/**
 * The one {@code Exchange_Sync_Setup__c} row. The service account password is
 * deliberately not part of it: the worker reads it only when it connects to
 * Exchange (see {@link SalesforceAdapter#readServiceAccountPassword}).
 *
 * @param id the row's id
 * @param enabled whether sync is switched on
 * @param serviceAccountUsername {@code user@domain} or {@code domain\\user}
 * @param additionalDomains rep email domains beyond the service account's
 * @param exchangeEndpoint a fixed EWS URL, or null to use Autodiscover
 * @param serviceAccountStatus the status last written by the worker
 */
public record SyncSetup(String id, boolean enabled, String serviceAccountUsername, List<String> additionalDomains,
                        String exchangeEndpoint, String serviceAccountStatus) {}
