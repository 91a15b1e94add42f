package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whole cycles in which creates lose their answers after the server made the
 * records, on Exchange Server (EWS {@code CreateItem}) and on Salesforce (SOAP
 * {@code create}, through force-wsc over the JDK's HTTP client): exactly one record
 * per source item afterwards, paired in the same cycle, without an error row.
 */
class LostCreateAnswersIT extends LostCreateAnswers {

  @Override
  void armExchangeCreateFault(String kind) {
    ex.sim.fault(new JsonObject().put("operation", "CreateItem").put("kind", kind));
  }

  @Test
  void createsInSalesforceAnswered503AfterTheWrite_leaveOneRecordPerItem_sentOnce() throws Exception {
    salesforceCreatesLoseTheirAnswer("http503AfterWrite");
  }

  /**
   * Without the worker's own transport, the JDK's {@code HttpURLConnection} would send the
   * dropped create again by itself, beneath force-wsc, and the second would be refused as
   * a duplicate of the creation key.
   */
  @Test
  void createsInSalesforceWhoseConnectionDroppedAfterTheWrite_leaveOneRecordPerItem_sentOnce() throws Exception {
    salesforceCreatesLoseTheirAnswer("dropAfterWrite");
  }

  private void salesforceCreatesLoseTheirAnswer(String kind) throws Exception {
    cycle.run(); // Salesforce_Sync and the status rows exist: the next create calls are the contacts'
    for (String surname : List.of("Stone", "Rivers", "Hill")) {
      ex.sim.createContact(ANN_MAIL, "Salesforce_Sync", new JsonObject().put("givenName", "Pat").put("surname", surname)
          .put("email", surname.toLowerCase() + "@outlook.example.com"));
    }
    long creates = sf.calls("create");
    sf.sim.fault(new JsonObject().put("operation", "create").put("kind", kind));

    assertThat(annContacts(cycle.run()).state()).isEqualTo("synced");

    List<JsonObject> made = sf.sim.records("Contact").stream().map(JsonObject.class::cast)
        .filter(c -> Set.of("Stone", "Rivers", "Hill").contains(c.getString("LastName"))).toList();
    assertThat(made).as("one Salesforce contact per Exchange contact").hasSize(3);
    JsonArray items = ex.sim.contacts(ANN_MAIL, "Salesforce_Sync");
    assertThat(items.stream().map(i -> mark((JsonObject) i)).toList()).as("each item paired, in this cycle, with its record")
        .containsExactlyInAnyOrderElementsOf(made.stream().map(c -> c.getString("Id")).toList());
    assertThat(errorCodes()).as("no error row: the lost answer was resolved by the creation key").isEmpty();
    assertThat(sf.calls("create") - creates).as("one create call reached Salesforce, never a second").isEqualTo(1);
  }
}
