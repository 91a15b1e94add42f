package com.exchangesync.worker.outbound;

import java.util.List;
import java.util.Map;

/**
 * One Outbound Message as Salesforce sends it: the organization, the workflow
 * action, and up to 100 notifications. The {@code SessionId} element is read
 * past and never kept: the worker has its own session and must not hold one
 * that Salesforce hands to any listener.
 *
 * @param organizationId the sending org's id, as sent (15 or 18 characters)
 * @param actionId the outbound message definition's id
 * @param partnerUrl the partner API endpoint of the org, if sent
 * @param notifications every notification in the message, in order
 */
public record OutboundMessage(String organizationId, String actionId, String partnerUrl, List<Notification> notifications) {

  /**
   * One notification.
   *
   * @param id the notification id (stable across Salesforce's retries of the same notification)
   * @param objectType the sObject's API name from {@code xsi:type}, e.g. {@code Contact} or
   *     {@code exsync__Exchange_Sync_Setup__c}
   * @param fields the fields the outbound message definition sends, by API name (always {@code Id})
   */
  public record Notification(String id, String objectType, Map<String, String> fields) {

    /** The record id ({@code Id} field), or null if the definition does not send it. */
    public String recordId() {
      return fields.get("Id");
    }
  }
}
