package com.exchangesync.worker.salesforce;

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

  @Override
  protected void letRepSee(String id) {
    // Contacts are readable by everyone in this org (no private objects).
  }
}
