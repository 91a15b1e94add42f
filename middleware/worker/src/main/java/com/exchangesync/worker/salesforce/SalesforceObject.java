package com.exchangesync.worker.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * A Salesforce object the engine syncs, as {@link SoapSalesforceRecords} reads and writes it.
 *
 * @param name the object's API name
 * @param creationKeyField the package's field holding the creation key (unique, external id)
 * @param alwaysRead the standard fields every read asks for besides the mapped ones
 * @param lastActivityField the object's last-activity date field, or null where it has none
 */
public record SalesforceObject(String name, String creationKeyField, List<String> alwaysRead, String lastActivityField) {

  /** Contacts, with their {@code LastActivityDate} (for the "most recent activity" preference). */
  public static final SalesforceObject CONTACT = new SalesforceObject("Contact", "Exchange_Sync_Key__c",
      List.of("Id", "OwnerId", "SystemModstamp", "LastModifiedDate", "CreatedDate", "LastActivityDate"), "LastActivityDate");

  /**
   * Events. The creation key is an activity field ({@code Exchange_Sync_Key__c} on
   * {@code Activity}), shared by events and tasks. Events have no last activity.
   */
  public static final SalesforceObject EVENT = new SalesforceObject("Event", "Exchange_Sync_Key__c",
      List.of("Id", "OwnerId", "SystemModstamp", "LastModifiedDate", "CreatedDate"), null);

  public SalesforceObject {
    Objects.requireNonNull(name);
    Objects.requireNonNull(creationKeyField);
    alwaysRead = List.copyOf(alwaysRead);
  }
}
