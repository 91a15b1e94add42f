package com.exchangesync.worker.sync;

/** What an admin can do about a record Salesforce refused, by its status code. */
final class SalesforceSuggestions {

  private SalesforceSuggestions() {}

  static String forCode(String statusCode) {
    return switch (statusCode) {
      case "REQUIRED_FIELD_MISSING" -> "Fill in the missing field on the Exchange contact (Salesforce requires a last name), "
          + "or map an Exchange field to it.";
      case "STRING_TOO_LONG" -> "Shorten the value in Exchange, or map it to a longer Salesforce field.";
      case "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> "A validation rule in your org refused the contact: correct the contact "
          + "or relax the rule for the Exchange Sync integration user.";
      case "DUPLICATES_DETECTED" -> "A duplicate rule blocked the contact: merge the duplicates or allow the integration user to save them.";
      case "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" ->
          "Give the Exchange Sync integration user edit access to this contact (the Exchange_Sync_Integration permission set and sharing).";
      case "INVALID_EMAIL_ADDRESS" -> "Correct the email address on the Exchange contact.";
      case "ENTITY_IS_DELETED" -> "The contact was deleted in Salesforce; the next sync unlinks it.";
      default -> "See the message; correct the contact on the side it came from. The sync tries again on its next change "
          + "or after a back-off.";
    };
  }
}
