package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cycle whose Salesforce session expires half-way (the org ends it, as a timeout or a revoke would). */
class CycleSessionExpiryIT extends CycleTestBase {

  @Test
  void aSessionExpiringMidCycle_isRenewedWithAFreshToken_andTheCycleCompletes() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    ex.connector().open(ExchangeTestbedFixture.ANN).close();
    ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Outlook")
        .put("surname", "Only").put("email", "outlook@customer.example.com"));
    adapter.organizationId(); // signed in before the cycle, as a running worker is
    long tokensBefore = sf.sim.stats().getLong("tokenRequests");
    // The session ends when the cycle writes the Outlook contact to Salesforce, after it has read both sides.
    sf.sim.fault(new JsonObject().put("operation", "create").put("kind", "INVALID_SESSION_ID"));

    List<RepOutcome> outcomes = cycle.run();

    assertThat(outcomes.stream().filter(o -> o.email().equals("ann@corp.example.com")).findFirst().orElseThrow().state())
        .isEqualTo("synced");
    assertThat(sf.sim.records("Contact").stream().map(o -> ((JsonObject) o).getString("LastName")).toList())
        .as("the Outlook contact written once, after the fresh sign-in").containsOnlyOnce("Only").contains("Customer");
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync")).hasSize(2);
    assertThat(sf.sim.stats().getLong("tokenRequests") - tokensBefore).as("one fresh token").isEqualTo(1);
    assertThat(sf.sim.stats().getJsonObject("calls").getLong("login", 0L)).isZero();
  }
}
