package com.exchangesync.worker.sync;

import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncConfiguration;
import com.exchangesync.worker.salesforce.SyncMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who syncs, and under which configuration: the active users who are members of
 * an active configuration. An individual membership beats a profile membership.
 * The package's trigger keeps a user individually in one configuration only;
 * should data still hold two (written around the trigger), the configuration
 * with the lowest id wins, so every worker decides the same way. A rep is
 * <em>linked</em> only when the email domain is the service account's or one
 * of the additional domains; others are reported, and nothing of theirs is touched.
 */
public final class Membership {

  private Membership() {}

  /**
   * A rep and the configuration that applies.
   *
   * @param user the Salesforce user
   * @param configuration the configuration that applies
   * @param individually whether by an individual membership (else by profile)
   * @param linked whether the email domain is one the service account serves
   */
  public record Rep(SalesforceUser user, SyncConfiguration configuration, boolean individually, boolean linked) {}

  /**
   * The reps, in user id order.
   *
   * @param usersById every user named by a user membership
   * @param usersOfProfiles the active users of each profile named by a profile membership
   * @param domains the email domains the service account serves (lower case)
   */
  public static List<Rep> resolve(List<SyncConfiguration> configurations, List<SyncMember> members,
                                  Map<String, SalesforceUser> usersById, Map<String, List<SalesforceUser>> usersOfProfiles,
                                  Set<String> domains) {
    Map<String, SyncConfiguration> active = new HashMap<>();
    configurations.stream().filter(SyncConfiguration::active).forEach(c -> active.put(c.id(), c));
    Map<String, Rep> reps = new HashMap<>();
    List<SyncMember> ordered = members.stream().filter(m -> active.containsKey(m.configurationId()))
        .sorted(Comparator.comparing(SyncMember::configurationId)).toList();
    // Individual memberships first; the first (lowest configuration id) holds.
    for (SyncMember m : ordered) {
      if ("User".equalsIgnoreCase(m.memberType()) && m.userId() != null) {
        SalesforceUser u = usersById.get(m.userId());
        if (u != null && u.active() && !reps.containsKey(u.id())) {
          reps.put(u.id(), new Rep(u, active.get(m.configurationId()), true, linked(u, domains)));
        }
      }
    }
    for (SyncMember m : ordered) {
      if ("Profile".equalsIgnoreCase(m.memberType()) && m.profileId() != null) {
        for (SalesforceUser u : usersOfProfiles.getOrDefault(m.profileId(), List.of())) {
          if (u.active() && !reps.containsKey(u.id())) {
            reps.put(u.id(), new Rep(u, active.get(m.configurationId()), false, linked(u, domains)));
          }
        }
      }
    }
    List<Rep> out = new ArrayList<>(reps.values());
    out.sort(Comparator.comparing(r -> r.user().id()));
    return out;
  }

  private static boolean linked(SalesforceUser user, Set<String> domains) {
    return domainOf(user.email()).filter(domains::contains).isPresent();
  }

  /** The lower-case domain of an email address. */
  public static Optional<String> domainOf(String email) {
    if (email == null) {
      return Optional.empty();
    }
    int at = email.lastIndexOf('@');
    return at < 0 || at == email.length() - 1 ? Optional.empty()
        : Optional.of(email.substring(at + 1).trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The domains the service account serves: its own (for {@code user@domain};
   * a {@code domain&#92;user} name carries no email domain) and the additional ones.
   */
  public static Set<String> servedDomains(String serviceAccountUsername, List<String> additionalDomains) {
    Set<String> domains = new LinkedHashSet<>();
    if (serviceAccountUsername != null && serviceAccountUsername.contains("@")) {
      domainOf(serviceAccountUsername).ifPresent(domains::add);
    }
    for (String d : additionalDomains) {
      String t = d.trim().toLowerCase(Locale.ROOT);
      if (t.startsWith("@")) {
        t = t.substring(1);
      }
      if (!t.isEmpty()) {
        domains.add(t);
      }
    }
    return domains;
  }
}
