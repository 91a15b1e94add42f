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

  @org.junit.jupiter.api.Test
  void firstRead_asksOnceForTheFeedAndTheLookups_butLeavesThemToTheMatchWhenItIsNotWhole() throws Exception {
    // Another's contact first: in the statement's order it comes before the rep's, in a page of them.
    String other = personCreates(other(), new java.util.HashMap<>(Map.of("LastName", "Cy", "Email", "cy@customer.example.com")));
    for (int i = 0; i < 5; i++) {
      personCreates(rep(), new java.util.HashMap<>(Map.of("LastName", "Own" + i, "Email", "own" + i + "@customer.example.com")));
    }
    com.exchangesync.worker.sync.SalesforceSide.Lookups lookups = new com.exchangesync.worker.sync.SalesforceSide.Lookups(
        java.util.List.of(), "Email", java.util.Set.of("cy@customer.example.com"));
    java.util.List<String> fields = java.util.List.of("LastName", "Email");
    int before = sf.sim.queries().size();
    com.exchangesync.worker.sync.SalesforceSide.FirstRead whole = side.firstRead(
        new com.exchangesync.worker.sync.Scope(rep(), false, java.util.List.of()),
        com.exchangesync.worker.sync.LinkedIds.of(java.util.Set.of()), fields, 100, lookups);
    assertThat(sf.sim.queries().subList(before, sf.sim.queries().size()).stream().filter(q -> q.contains("FROM Contact")))
        .as("one query of contacts").singleElement().satisfies(q -> assertThat(q).contains("OwnerId", " OR ", "Email IN"));
    assertThat(whole.changes().inScope()).hasSize(5);
    assertThat(whole.found()).hasValueSatisfying(f -> assertThat(f.byValue())
        .extracting(com.exchangesync.worker.sync.SalesforceItem::id).containsExactly(other));

    // A page that stops at its limit could leave candidates to a later page: the match reads them itself.
    com.exchangesync.worker.sync.SalesforceSide.FirstRead paged = side.firstRead(
        new com.exchangesync.worker.sync.Scope(rep(), false, java.util.List.of()),
        com.exchangesync.worker.sync.LinkedIds.of(java.util.Set.of()), fields, 3, lookups);
    assertThat(paged.changes().more()).isTrue();
    assertThat(paged.found()).isEmpty();
    java.util.List<String> read = new java.util.ArrayList<>(paged.changes().inScope().stream()
        .map(com.exchangesync.worker.sync.SalesforceItem::id).toList());
    com.exchangesync.worker.sync.SalesforceSide.Changes rest = side.changedSince(
        new com.exchangesync.worker.sync.Scope(rep(), false, java.util.List.of()), java.util.Optional.of(paged.changes().watermark()),
        com.exchangesync.worker.sync.LinkedIds.of(java.util.Set.of()), fields, 100);
    rest.inScope().forEach(i -> read.add(i.id()));
    assertThat(read).as("the feed from where the page stopped: every record of the rep's once, no one else's")
        .doesNotHaveDuplicates().hasSize(5).doesNotContain(other);
  }

  @Override
  protected void letRepSee(String id) {
    // Contacts are readable by everyone in this org (no private objects).
  }
}
