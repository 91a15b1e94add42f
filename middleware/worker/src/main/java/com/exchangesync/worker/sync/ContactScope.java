package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Objects;

/**
 * Which Salesforce contacts go to a rep's mailbox (Salesforce to Exchange): the
 * configuration's ownership filter and its field filters (all must hold).
 *
 * @param repUserId the rep
 * @param allContacts "All Contacts" (every contact the rep can see) rather than
 *     "Selected Contacts" with "User's Records" (the contacts the rep owns)
 * @param filters the field filters
 */
public record ContactScope(String repUserId, boolean allContacts, List<FieldFilter> filters) {

  public ContactScope {
    Objects.requireNonNull(repUserId);
    filters = filters == null ? List.of() : List.copyOf(filters);
  }
}
