package com.exchangesync.worker.cycle;

import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncSetup;
import com.exchangesync.worker.sync.Membership;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The rep email domains an org's Exchange serves, which decide who is "linked".
 * Exchange Server: the service account's domain and the additional domains.
 * Exchange Online has no service account: the additional domains when Setup
 * names any; else every rep is linked, and the app's own scope (RBAC for
 * Applications) decides, a rep outside it being reported by name. (The Tenant ID
 * is no guide: a tenant's {@code onmicrosoft.com} domain is rarely its reps'.)
 */
final class ServedDomains {

  private ServedDomains() {}

  static Set<String> of(SyncSetup setup, Collection<SalesforceUser> candidates) {
    if (!setup.usesGraph()) {
      return Membership.servedDomains(setup.serviceAccountUsername(), setup.additionalDomains());
    }
    Set<String> domains = Membership.servedDomains(null, setup.additionalDomains());
    if (!domains.isEmpty()) {
      return domains;
    }
    Set<String> everyone = new LinkedHashSet<>();
    candidates.forEach(u -> Membership.domainOf(u.email()).ifPresent(everyone::add));
    return everyone;
  }
}
