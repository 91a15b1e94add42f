package com.exchangesync.worker.sync;

/** What an admin can do about a record Salesforce refused, by its status code, in words that fit every kind. */
public final class SalesforceSuggestions {

  private SalesforceSuggestions() {}

  public static String forCode(String statusCode) {
    return switch (statusCode) {
      case "REQUIRED_FIELD_MISSING" -> "Fill in the missing field on the Exchange item (a contact needs a last name, an "
          + "event an end), or map an Exchange field to it.";
      case "STRING_TOO_LONG" -> "Shorten the value in Exchange, or map it to a longer Salesforce field.";
      case "FIELD_INTEGRITY_EXCEPTION" -> "Salesforce refused the record's values (an event longer than 14 days, an end "
          + "before its start, a series it cannot keep): correct the item in Exchange.";
      case "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> "A validation rule in your org refused the record: correct it "
          + "or relax the rule for the Exchange Sync integration user.";
      case "DUPLICATES_DETECTED" -> "A duplicate rule blocked the record: merge the duplicates or allow the integration user to save them.";
      case "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" ->
          "Give the Exchange Sync integration user edit access to this record (the Exchange_Sync_Integration permission set and sharing).";
      case "INVALID_EMAIL_ADDRESS" -> "Correct the email address on the Exchange contact.";
      case "ENTITY_IS_DELETED" -> "The record was deleted in Salesforce; the next sync unlinks it.";
      default -> "See the message; correct the record on the side it came from. The sync tries again on its next change "
          + "or after a back-off.";
    };
  }
}
