package com.exchangesync.worker.status;

import java.util.List;

/**
 * The status fields of one kind of record (the guide's tables 3 to 6): on the
 * rep's {@code Exchange_Sync_User_Status__c} and on the org's
 * {@code Exchange_Sync_System_Status__c}.
 *
 * @param toExchange the Salesforce-to-Exchange status
 * @param toSalesforce the Exchange-to-Salesforce status
 * @param inSync records in sync
 * @param lastSync when this rep's records last moved
 * @param folderFound whether the kind's mailbox folder was found
 * @param syncedLast60Minutes the org's records synced in the last hour
 * @param syncedLast24Hours the org's records synced in the last day
 * @param lastActivity when the org's records last moved
 */
public record KindStatusFields(String toExchange, String toSalesforce, String inSync, String lastSync, String folderFound,
                               String syncedLast60Minutes, String syncedLast24Hours, String lastActivity) {

  /** Contacts (tables 2, 4 and 5). */
  public static final KindStatusFields CONTACTS = new KindStatusFields("Contacts_To_Exchange_Status__c",
      "Contacts_To_Salesforce_Status__c", "Contacts_In_Sync__c", "Last_Contact_Sync__c", "Folder_Found__c",
      "Contacts_Synced_Last_60_Minutes__c", "Contacts_Synced_Last_24_Hours__c", "Last_Contact_Sync_Activity__c");

  /** Events (tables 3 and 6). */
  public static final KindStatusFields EVENTS = new KindStatusFields("Events_To_Exchange_Status__c",
      "Events_To_Salesforce_Status__c", "Events_In_Sync__c", "Last_Event_Sync__c", "Calendar_Folder_Found__c",
      "Events_Synced_Last_60_Minutes__c", "Events_Synced_Last_24_Hours__c", "Last_Event_Sync_Activity__c");

  /** The user-status fields a pass decides. */
  public List<String> userFields() {
    return List.of(toExchange, toSalesforce, inSync, lastSync, folderFound);
  }

  /** The system-status fields. */
  public List<String> systemFields() {
    return List.of(syncedLast60Minutes, syncedLast24Hours, lastActivity);
  }
}
