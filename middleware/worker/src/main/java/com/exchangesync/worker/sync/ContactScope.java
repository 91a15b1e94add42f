package com.exchangesync.worker.sync;

import java.util.Objects;

/**
 * Which Salesforce contacts go to a rep's mailbox (Salesforce to Exchange): the
 * configuration's ownership filter, and its field filters as a SOQL condition
 * already built from validated parts (never from raw text).
 *
 * @param repUserId the rep
 * @param allContacts "All Contacts" (every contact the rep can see) rather than
 *     "Selected Contacts" with "User's Records" (the contacts the rep owns)
 * @param filterCondition the field filters as a SOQL boolean expression, or empty
 */
public record ContactScope(String repUserId, boolean allContacts, String filterCondition) {

  public ContactScope {
    Objects.requireNonNull(repUserId);
    filterCondition = filterCondition == null ? "" : filterCondition;
  }
}
