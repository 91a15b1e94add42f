package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.salesforce.SalesforceUser;
import com.exchangesync.worker.salesforce.SyncSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is linked: the service account's domain on Exchange Server; on Exchange Online, Setup's domains or everyone. */
class ServedDomainsTest {

  private static final List<SalesforceUser> REPS = List.of(user("ann@corp.example.com"), user("dee@elsewhere.example.com"));

  private static SalesforceUser user(String email) {
    return new SalesforceUser("005" + Math.abs(email.hashCode()), email, email, email, "00e", true, "Europe/Berlin");
  }

  private static SyncSetup setup(SyncSetup.ExchangeType type, List<String> additional) {
    return new SyncSetup("a00", true, type == SyncSetup.ExchangeType.EWS ? "svc@corp.example.com" : null, additional, null, null,
        type, "contoso.onmicrosoft.com", "app");
  }

  @Test
  void exchangeServer_servesTheServiceAccountsDomainAndTheAdditionalOnes() {
    assertThat(ServedDomains.of(setup(SyncSetup.ExchangeType.EWS, List.of("@Sales.Example.com")), REPS))
        .containsExactly("corp.example.com", "sales.example.com");
  }

  @Test
  void exchangeOnline_servesSetupsDomains_orEveryRepWhenItNamesNone_neverTheTenantsOwnDomain() {
    assertThat(ServedDomains.of(setup(SyncSetup.ExchangeType.GRAPH, List.of("corp.example.com")), REPS))
        .containsExactly("corp.example.com");
    assertThat(ServedDomains.of(setup(SyncSetup.ExchangeType.GRAPH, List.of()), REPS))
        .containsExactlyInAnyOrder("corp.example.com", "elsewhere.example.com");
  }
}
