package com.exchangesync.worker.errors;

import java.time.Instant;

/**
 * One failure an admin should see as an {@code ExchangeSyncError__c} row: what
 * failed (user, object, direction, records), why (code, message) and what to do
 * about it (suggestion).
 *
 * @param orgId the org the row belongs to (any id form; stored canonical)
 * @param userId the rep's user id, if the failure concerns one rep
 * @param objectType {@code Contact}, {@code Event}, or the logical name of a setup object
 * @param direction {@code Salesforce to Exchange}, {@code Exchange to Salesforce}, or null
 * @param salesforceRecordId the Salesforce record concerned, if any
 * @param exchangeItemId the Exchange item concerned, if any
 * @param code a stable code an admin can search for
 * @param message what happened
 * @param suggestion what the admin can do
 * @param occurredAt when it happened
 * @param configurationId the configuration concerned, if any
 */
public record SyncError(
    String orgId,
    String userId,
    String objectType,
    String direction,
    String salesforceRecordId,
    String exchangeItemId,
    String code,
    String message,
    String suggestion,
    Instant occurredAt,
    String configurationId) {}
