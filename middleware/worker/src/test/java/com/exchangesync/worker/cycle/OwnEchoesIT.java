package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cycle after a sync that made records in Salesforce reads none of them back: the org's feed takes a record the
 * worker created, and nobody saved since, for an echo of its own write ({@code salesforce/OrgFeedReader}). A
 * person's edit of such a record, and the worker's own later update of it, are changes: the owner's next pass
 * reads them. The test bed's clock moves on a quarter of an hour before each cycle, as the push poll would.
 */
class OwnEchoesIT extends CycleTestBase {

  private static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  @Test
  void theCycleAfterTheWorkerMadeContacts_readsNoneBack_andAPersonsEditOfOneStillArrives() throws Exception {
    contact(ANN, "Lee", "Customer", "lee@customer.example.com");
    contact(BOB, "Bob's", "Customer", "customer@bob.example.com");
    cycle.run();
    Map<String, Long> quiet = salesforceCallsOfAQuietCycle();

    ex.connector().open(ANN_MAIL).close();
    for (int i = 0; i < 30; i++) {
      ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Made" + i).put("surname", "InOutlook")
          .put("email", "made" + i + "@outlook.example.com"));
    }
    sf.sim.advanceClock(900);
    cycle.run();
    assertThat(contactsNamed("InOutlook")).as("made in Salesforce by the worker").hasSize(30);

    sf.sim.advanceClock(900);
    Map<String, Long> echoes = salesforceCallsOfACycle();
    assertThat(reads(echoes)).as("the cycle after: the org's feed alone, as in a quiet cycle").isEqualTo(reads(quiet));

    String made = contactsNamed("InOutlook").get(0).id();
    sf.sim.update("Contact", made, new JsonObject().put("Title", "Edited by a person"));
    sf.sim.advanceClock(900);
    cycle.run();
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").encode()).contains("Edited by a person");
  }

  @Test
  void aRecordTheWorkerUpdated_isReadByItsOwnersNextPass_soAnEditSavedJustBeforeTheUpdateIsNotLost() throws Exception {
    ex.connector().open(ANN_MAIL).close();
    ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", "Outlook")
        .put("email", "pat@acme.example.com"));
    cycle.run();
    String made = contactsNamed("Outlook").get(0).id();
    sf.sim.advanceClock(900);
    cycle.run();

    // A person's edit, then the worker's update (as a pass whose read came before the edit would make it): the
    // record was made by the worker and last saved by it, but it is not as the worker made it.
    sf.sim.update("Contact", made, new JsonObject().put("Phone", "+33 1 23 45 67 89"));
    adapter.update(List.of(SalesforceRecord.of("Contact", made, Map.of("Title", "Written by the worker"))));
    sf.sim.advanceClock(900);
    cycle.run();

    String item = ex.sim.contacts(ANN_MAIL, "Salesforce_Sync").encode();
    assertThat(item).as("the person's edit, saved before the worker's update").contains("+33 1 23 45 67 89");
    assertThat(item).contains("Written by the worker");
  }

  private List<SalesforceRecord> contactsNamed(String lastName) throws Exception {
    List<SalesforceRecord> found = new ArrayList<>();
    adapter.query("SELECT Id FROM Contact WHERE LastName = '" + lastName + "' ORDER BY Id", false, found::addAll);
    return found;
  }

  private static Map<String, Long> reads(Map<String, Long> calls) {
    Map<String, Long> reads = new TreeMap<>(calls);
    reads.keySet().retainAll(List.of("query", "queryMore", "retrieve"));
    return reads;
  }
}
