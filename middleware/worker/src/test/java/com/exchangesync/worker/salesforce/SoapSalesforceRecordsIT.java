package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.sync.SalesforceSide;
import com.exchangesync.worker.sync.SalesforceSideContract;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The SOAP adapter's Salesforce side passes the same contract as the in-memory
 * twin, against the Salesforce test bed loaded with this repository's package
 * (contacts readable org-wide, so another user's contact is one the rep can see).
 */
class SoapSalesforceRecordsIT extends SalesforceSideContract {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;
  private SoapSalesforceRecords side;

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture("", new JsonObject().put("privateObjects", new JsonArray()));
    adapter = sf.adapter();
    side = new SoapSalesforceRecords(adapter, SalesforceObject.CONTACT);
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    sf.close();
  }

  @Override
  protected SalesforceSide side() {
    return side;
  }

  @Override
  protected String rep() {
    return SalesforceTestbedFixture.ANN;
  }

  @Override
  protected String other() {
    return SalesforceTestbedFixture.BOB;
  }

  @Override
  protected String personCreates(String owner, Map<String, String> fields) {
    JsonObject record = new JsonObject().put("OwnerId", owner);
    fields.forEach(record::put);
    return sf.sim.create("Contact", record).getString("Id");
  }

  @Override
  protected void personEdits(String id, Map<String, String> fields) {
    JsonObject changes = new JsonObject();
    fields.forEach(changes::put);
    sf.sim.update("Contact", id, changes);
  }

  @Override
  protected void personDeletes(String id) {
    sf.sim.delete("Contact", id);
  }

  @org.junit.jupiter.api.Test
  void byCreationKeyOrValues_asksOnceWhenBothListsFitOneIn_andTwiceWhenTogetherTheyWouldNot() throws Exception {
    String ann = personCreates(rep(), new java.util.HashMap<>(Map.of("LastName", "Lee", "Email", "ann@customer.example.com")));
    java.util.List<String> fewKeys = java.util.List.of("AAMkItemNo");
    java.util.Set<String> fewValues = java.util.Set.of("ann@customer.example.com");
    int before = sf.sim.queries().size();
    assertThat(side.byCreationKeyOrValues(fewKeys, rep(), "Email", fewValues, java.util.List.of("LastName", "Email")).byValue())
        .extracting(com.exchangesync.worker.sync.SalesforceItem::id).containsExactly(ann);
    assertThat(sf.sim.queries().subList(before, sf.sim.queries().size()).stream().filter(q -> q.contains("FROM Contact")))
        .as("one query of contacts for both short lists (then the rep's access to the candidates)").hasSize(1);

    // Each list alone fits one IN; together they would take a statement past what one IN may hold.
    java.util.List<String> keys = new java.util.ArrayList<>();
    java.util.Set<String> values = new java.util.HashSet<>();
    for (int i = 0; i < 700; i++) {
      keys.add("AAMkAGI2TG93AAA" + "x".repeat(30) + i);
      values.add("someone-" + "y".repeat(30) + i + "@customer.example.com");
    }
    values.add("ann@customer.example.com");
    before = sf.sim.queries().size();
    assertThat(side.byCreationKeyOrValues(keys, rep(), "Email", values, java.util.List.of("LastName", "Email")).byValue())
        .extracting(com.exchangesync.worker.sync.SalesforceItem::id).containsExactly(ann);
    java.util.List<String> ran = sf.sim.queries().subList(before, sf.sim.queries().size()).stream()
        .filter(q -> q.contains("FROM Contact")).toList();
    assertThat(ran).as("one read by key, one by value").hasSize(2)
        .allSatisfy(q -> assertThat(q.length()).isLessThan(SoapSalesforceRecords.IN_LIST_CHARS + 5_000));
  }

  @Override
  protected void letRepSee(String id) {
    // Contacts are readable by everyone in this org (no private objects).
  }
}
