package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A quiet rep asks Salesforce nothing: the org's changes are read once per cycle for every rep
 * ({@code salesforce/OrgChanges}), so a quiet org's Salesforce calls do not grow with its reps; and a change made
 * while all was quiet still reaches the mailbox at the next cycle. The test bed's clock is moved on a quarter of an
 * hour before each cycle, as the poll would be with push healthy.
 */
class QuietOrgIT extends CycleTestBase {

  @Test
  void aQuietOrgsSalesforceCalls_doNotGrowWithItsReps_andAChangeStillArrives() throws Exception {
    String anns = contact(ANN, "Ann's", "Customer", "customer@ann.example.com");
    contact(BOB, "Bob's", "Customer", "customer@bob.example.com");
    cycle.run();
    Map<String, Long> twoReps = salesforceCallsOfAQuietCycle();

    // Cy owns no contact: a rep with nothing of a kind is quiet too (a first read leaves a watermark all the same).
    sf.sim.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "User")
        .put("User__c", CY));
    assertThat(cycle.run()).as("Cy syncs now").anySatisfy(o -> {
      assertThat(o.email()).isEqualTo("cy@corp.example.com");
      assertThat(o.state()).isEqualTo("synced");
    });
    Map<String, Long> threeReps = salesforceCallsOfAQuietCycle();

    assertThat(threeReps).as("a third quiet rep adds no Salesforce call").isEqualTo(twoReps);
    assertThat(twoReps.getOrDefault("query", 0L)).as("the org's reads, not the reps'").isPositive();

    sf.sim.update("Contact", anns, new JsonObject().put("Title", "Changed while all was quiet"));
    sf.sim.advanceClock(900);
    cycle.run();
    assertThat(ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync").encode())
        .contains("Changed while all was quiet");
  }
}
