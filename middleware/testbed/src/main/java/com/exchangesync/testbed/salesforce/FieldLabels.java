package com.exchangesync.testbed.salesforce;

import java.util.Map;

/**
 * Field labels, which an org puts in the messages of most per-record save errors
 * ("Last Name: data value too large: …", "Mailing City: data value too large: …",
 * "Lead Status: bad value for restricted picklist field: …") while the error's
 * {@code fields} name the API names. The standard fields' labels are those a
 * current org's describe gives; a custom field's is its {@code <label>} in
 * {@code force-app}; a field with neither gets one made from its API name
 * ({@code MailingCity} → "Mailing City", {@code AccountId} → "Account ID",
 * {@code Sync_Key__c} → "Sync Key").
 */
final class FieldLabels {

  private static final Map<String, String> COMMON = Map.ofEntries(
      Map.entry("Id", "Record ID"), Map.entry("IsDeleted", "Deleted"), Map.entry("CreatedDate", "Created Date"),
      Map.entry("CreatedById", "Created By ID"), Map.entry("LastModifiedDate", "Last Modified Date"),
      Map.entry("LastModifiedById", "Last Modified By ID"), Map.entry("SystemModstamp", "System Modstamp"),
      Map.entry("OwnerId", "Owner ID"), Map.entry("FirstName", "First Name"), Map.entry("LastName", "Last Name"),
      Map.entry("LastActivityDate", "Last Activity"));

  private static final Map<String, Map<String, String>> STANDARD = Map.of(
      "Contact", Map.ofEntries(Map.entry("Id", "Contact ID"), Map.entry("Name", "Full Name"), Map.entry("Phone", "Business Phone"),
          Map.entry("Fax", "Business Fax"), Map.entry("Birthday", "Birthdate"), Map.entry("AccountId", "Account ID"),
          Map.entry("MailingState", "Mailing State/Province"), Map.entry("MailingPostalCode", "Mailing Zip/Postal Code"),
          Map.entry("OtherState", "Other State/Province"), Map.entry("OtherPostalCode", "Other Zip/Postal Code"),
          Map.entry("Description", "Contact Description")),
      "Lead", Map.of("Id", "Lead ID", "Name", "Full Name", "Status", "Lead Status", "Description", "Description"),
      "Account", Map.of("Id", "Account ID", "Name", "Account Name", "Phone", "Account Phone", "Description", "Account Description"),
      "Event", Map.ofEntries(Map.entry("Id", "Activity ID"), Map.entry("StartDateTime", "Start Date Time"),
          Map.entry("EndDateTime", "End Date Time"), Map.entry("ActivityDateTime", "Due Date Time"),
          Map.entry("ActivityDate", "Due Date Only"), Map.entry("DurationInMinutes", "Duration"),
          Map.entry("IsAllDayEvent", "All-Day Event"), Map.entry("IsPrivate", "Private"), Map.entry("ShowAs", "Show Time As"),
          Map.entry("WhoId", "Name ID"), Map.entry("WhatId", "Related To ID"), Map.entry("OwnerId", "Assigned To ID"),
          Map.entry("Recurrence2PatternText", "Recurrence Pattern"),
          Map.entry("Recurrence2PatternTimeZone", "Recurrence Pattern Time Zone Reference")),
      "User", Map.of("Id", "User ID", "Name", "Full Name", "Username", "Username", "Email", "Email", "ProfileId", "Profile ID"));

  private FieldLabels() {}

  /** The label of the standard field {@code field} of {@code type}, or one made from its API name. */
  static String standard(String type, String field) {
    String own = STANDARD.getOrDefault(type, Map.of()).get(field);
    if (own != null) {
      return own;
    }
    String common = COMMON.get(field);
    return common != null ? common : fromApiName(field);
  }

  /** "MailingCity" → "Mailing City", "AccountId" → "Account ID", "ns__Sync_Key__c" → "Sync Key". */
  static String fromApiName(String apiName) {
    String name = apiName.endsWith("__c") ? apiName.substring(0, apiName.length() - 3) : apiName;
    int namespace = name.indexOf("__");
    if (namespace >= 0) {
      name = name.substring(namespace + 2);
    }
    if (name.contains("_")) {
      return name.replace('_', ' ').trim();
    }
    if (name.endsWith("Id") && name.length() > 2) {
      return fromApiName(name.substring(0, name.length() - 2)) + " ID";
    }
    return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
  }
}
