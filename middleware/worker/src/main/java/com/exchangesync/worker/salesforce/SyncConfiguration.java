package com.exchangesync.worker.salesforce;

/**
 * One {@code Exchange_Sync_Configuration__c}: what syncs, in which direction,
 * and who wins a conflict, for its members.
 *
 * @param id record id
 * @param name configuration name
 * @param active whether it applies
 * @param description free text
 * @param contactDirection contact sync direction (picklist value as stored)
 * @param contactConflict contact conflict behaviour
 * @param contactMatchPreference which Salesforce contact wins when several match
 * @param contactScope ownership filter (selected contacts + user's records, or all the rep can see)
 * @param contactUsersRecords whether the rep's own records are included
 * @param contactFilter optional field filter (Salesforce to Exchange only)
 * @param eventDirection event sync direction
 * @param eventConflict event conflict behaviour
 * @param syncPrivateEvents whether private events sync
 * @param eventFilter end-date filter ({@code TODAY}, {@code LAST MONTH}, {@code LAST N DAYS})
 * @param eventFilterDays N of {@code LAST N DAYS} (1 to 180), null otherwise
 */
public record SyncConfiguration(
    String id,
    String name,
    boolean active,
    String description,
    String contactDirection,
    String contactConflict,
    String contactMatchPreference,
    String contactScope,
    boolean contactUsersRecords,
    String contactFilter,
    String eventDirection,
    String eventConflict,
    boolean syncPrivateEvents,
    String eventFilter,
    Integer eventFilterDays) {}
