package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.SalesforceIdMark;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.Blocking;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Creates in Exchange whose answers are lost after Exchange made the items (a 503
 * from a proxy, a dropped connection): after the cycle there is exactly one item
 * per Salesforce contact, linked in that cycle (the next writes nothing). Each
 * protocol's test arms its own fault on its own create operation.
 */
abstract class LostCreateAnswers extends CycleTestBase {

  static final String ANN_MAIL = ExchangeTestbedFixture.ANN;

  /** Arms {@code kind} ({@code http503AfterWrite}, {@code dropAfterWrite}) once, on the protocol's create of contacts. */
  abstract void armExchangeCreateFault(String kind) throws Exception;

  @Test
  void createsInExchangeAnswered503AfterTheWrite_leaveOneItemPerContact() throws Exception {
    exchangeCreatesLoseTheirAnswer("http503AfterWrite");
  }

  @Test
  void createsInExchangeWhoseConnectionDroppedAfterTheWrite_leaveOneItemPerContact() throws Exception {
    exchangeCreatesLoseTheirAnswer("dropAfterWrite");
  }

  private void exchangeCreatesLoseTheirAnswer(String kind) throws Exception {
    List<String> contacts = List.of(contact(ANN, "Lee", "Customer", "lee@customer.example.com"),
        contact(ANN, "Max", "Prospect", "max@customer.example.com"), contact(ANN, "Ada", "Buyer", "ada@customer.example.com"));
    armExchangeCreateFault(kind);

    assertThat(annContacts(cycle.run()).state()).as("Ann's contacts synced in this cycle").isEqualTo("synced");

    JsonArray items = ex.sim.contacts(ANN_MAIL, "Salesforce_Sync");
    assertThat(items.stream().map(i -> mark((JsonObject) i)).toList()).as("one item per Salesforce contact, each with its mark")
        .hasSize(3).doesNotContainNull().doesNotHaveDuplicates()
        .allSatisfy(m -> assertThat(contacts).anySatisfy(c -> assertThat(SalesforceId.same(c, m)).isTrue()));
    assertThat(annContacts(cycle.run()).report().orElseThrow().writes()).as("the pairs were made: nothing left to write").isZero();
    assertThat(ex.sim.contacts(ANN_MAIL, "Salesforce_Sync")).hasSize(3);
  }

  RepOutcome annContacts(List<RepOutcome> outcomes) {
    return outcomes.stream().filter(o -> o.email().equals(ANN_MAIL) && o.concerns(ItemKind.CONTACT)).findFirst().orElseThrow();
  }

  List<String> errorCodes() throws Exception {
    Blocking.await(drainer.drainOnce());
    return sf.sim.records("ExchangeSyncError__c").stream().map(o -> ((JsonObject) o).getString("Error_Code__c")).toList();
  }

  /** The Salesforce id an item carries in our extended property, or null. */
  static String mark(JsonObject item) {
    JsonArray props = item.getJsonArray("extendedProperties", new JsonArray());
    return props.stream().map(JsonObject.class::cast).filter(p -> SalesforceIdMark.NAME.equals(p.getString("name")))
        .map(p -> p.getString("value")).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
