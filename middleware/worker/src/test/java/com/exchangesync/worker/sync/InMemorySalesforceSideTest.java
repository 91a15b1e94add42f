package com.exchangesync.worker.sync;

import java.util.Map;

/** The in-memory twin passes the Salesforce side's contract. */
class InMemorySalesforceSideTest extends SalesforceSideContract {

  private final InMemorySalesforce salesforce = InMemorySalesforce.contacts();

  @Override
  protected SalesforceSide side() {
    return salesforce;
  }

  @Override
  protected String rep() {
    return SyncBench.REP;
  }

  @Override
  protected String other() {
    return SyncBench.OTHER;
  }

  @Override
  protected String personCreates(String owner, Map<String, String> fields) {
    return salesforce.person(owner).create(fields);
  }

  @Override
  protected void personEdits(String id, Map<String, String> fields) {
    salesforce.person(salesforce.ownerOf(id)).edit(id, fields);
  }

  @Override
  protected void personDeletes(String id) {
    salesforce.person(salesforce.ownerOf(id)).delete(id);
  }

  @Override
  protected void letRepSee(String id) {
    salesforce.person(salesforce.ownerOf(id)).share(id, SyncBench.REP);
  }
}
