package com.exchangesync.worker.sync;

import java.util.List;
import java.util.Objects;

/**
 * Which Salesforce records of a kind belong in a rep's mailbox (Salesforce to
 * Exchange): the records the rep owns, or every record the rep can see, narrowed
 * by conditions that must all hold (the admin's field filters, and the kind's own:
 * an event window, no invitee copies).
 *
 * @param repUserId the rep
 * @param allVisible every record the rep can see (the contacts' "All Contacts"),
 *     rather than the records the rep owns
 * @param filters the conditions
 */
public record Scope(String repUserId, boolean allVisible, List<FieldFilter> filters) {

  public Scope {
    Objects.requireNonNull(repUserId);
    filters = filters == null ? List.of() : List.copyOf(filters);
  }

  /** Whether the scope is every record the rep owns, with no condition: a whole read of it lists all of them. */
  public boolean everyOwnedRecord() {
    return !allVisible && filters.isEmpty();
  }

  /** The same scope with one more condition. */
  public Scope and(FieldFilter filter) {
    List<FieldFilter> all = new java.util.ArrayList<>(filters);
    all.add(filter);
    return new Scope(repUserId, allVisible, all);
  }
}
