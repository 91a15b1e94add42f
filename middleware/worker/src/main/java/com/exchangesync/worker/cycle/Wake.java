package com.exchangesync.worker.cycle;

import com.exchangesync.worker.sync.Membership;
import com.exchangesync.worker.sync.SyncKind;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which reps a cycle syncs: everyone (the first cycle, the poll, an admin's change, a notification that names
 * nobody), or only the reps that queued work names. An Outbound Message names the record's owner and the reps
 * holding a link to the record (an earlier owner, an "All Contacts" rep); a push notification from Exchange
 * names the mailbox; and a change of an object that a rep's configuration reads beyond the records the rep owns
 * ("All Contacts") wakes that rep too, since any such record may be one the rep can see.
 *
 * @param everyone whether every rep syncs
 * @param userIds the reps named by their Salesforce user ids (canonical, 18 characters)
 * @param emails the reps named by their mailbox address (lower case)
 * @param objects the Salesforce objects (logical names: {@code Contact}, {@code Event}) whose records changed
 */
public record Wake(boolean everyone, Set<String> userIds, Set<String> emails, Set<String> objects) {

  /** Every rep syncs. */
  public static final Wake EVERYONE = new Wake(true, Set.of(), Set.of(), Set.of());
  /** Nobody: the queued work named no rep of this org (or nothing was queued). */
  public static final Wake NOBODY = new Wake(false, Set.of(), Set.of(), Set.of());

  public Wake {
    userIds = Set.copyOf(userIds);
    emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    objects = Set.copyOf(objects);
  }

  /** The reps named by id, by address, and those reading beyond their own records of {@code objects}. */
  public static Wake of(Set<String> userIds, Set<String> emails, Set<String> objects) {
    return new Wake(false, userIds, emails, objects);
  }

  /** Whether nobody is to sync. */
  public boolean nobody() {
    return !everyone && userIds.isEmpty() && emails.isEmpty() && objects.isEmpty();
  }

  /** Both wakes' reps (work that arrived while a cycle ran is added to what is still to do). */
  public Wake and(Wake other) {
    if (everyone || other.everyone) {
      return EVERYONE;
    }
    Set<String> ids = new HashSet<>(userIds);
    ids.addAll(other.userIds);
    Set<String> addresses = new HashSet<>(emails);
    addresses.addAll(other.emails);
    Set<String> changed = new HashSet<>(objects);
    changed.addAll(other.objects);
    return new Wake(false, ids, addresses, changed);
  }

  /** Whether {@code rep} syncs in a cycle of this wake, given the kinds the worker syncs. */
  public boolean includes(Membership.Rep rep, List<SyncKind> kinds) {
    if (everyone || userIds.contains(rep.user().id())
        || (rep.user().email() != null && emails.contains(rep.user().email().toLowerCase(Locale.ROOT)))) {
      return true;
    }
    return kinds.stream().anyMatch(k -> objects.contains(k.salesforceObject().name())
        && k.readsBeyondOwnRecords(rep.configuration()));
  }

  @Override
  public String toString() {
    return everyone ? "every rep" : userIds.size() + " rep(s) by id, " + emails.size() + " by mailbox"
        + (objects.isEmpty() ? "" : ", and those reading others' " + String.join(", ", new java.util.TreeSet<>(objects)));
  }
}
