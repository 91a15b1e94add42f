package com.exchangesync.worker.sync.event;

import com.exchangesync.worker.sync.SyncException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses one pass has asked Salesforce about, and who is behind them:
 * an attendee becomes an invitee only when a contact, lead or user the rep can
 * see has the address. Filled in batches ({@link #learn}) before values are
 * compared, so comparing costs no call; an address met later is asked about then.
 */
final class PeopleDirectory {

  private final String repUserId;
  private SalesforcePeople people;
  private final Map<String, Optional<Person>> known = new HashMap<>();

  PeopleDirectory(String repUserId) {
    this.repUserId = repUserId;
  }

  /** Connects the directory to Salesforce for a pass. */
  void use(SalesforcePeople salesforcePeople) {
    this.people = salesforcePeople;
  }

  /** Asks about every address not asked about yet, in one go. */
  void learn(Set<String> emails) throws SyncException {
    Set<String> unknown = new HashSet<>();
    for (String e : emails) {
      String key = e.trim().toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && !known.containsKey(key)) {
        unknown.add(key);
      }
    }
    if (unknown.isEmpty() || people == null) {
      return;
    }
    Map<String, Person> found = people.byEmail(repUserId, unknown);
    for (String e : unknown) {
      known.put(e, Optional.ofNullable(found.get(e)));
    }
  }

  /** Tells who a person is, learnt from an invitee row. */
  void remember(Person person) {
    known.put(person.email(), Optional.of(person));
  }

  /** The person behind an address, asking Salesforce if it was not asked before. */
  Optional<Person> find(String email) {
    String key = email.trim().toLowerCase(Locale.ROOT);
    if (!known.containsKey(key)) {
      try {
        learn(Set.of(key));
      } catch (SyncException e) {
        // Unknown stays unknown: the attendee is kept in Exchange and not invited in Salesforce.
        return Optional.empty();
      }
    }
    return known.getOrDefault(key, Optional.empty());
  }
}
