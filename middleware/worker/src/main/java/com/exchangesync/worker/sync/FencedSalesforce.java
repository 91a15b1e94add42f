package com.exchangesync.worker.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Salesforce side whose every write batch first checks the pass's {@link Fence}; reads go straight through. */
final class FencedSalesforce implements SalesforceSide {

  /**
   * SOAP's limit on records per create, update or delete call: handing the side
   * batches of this size makes the fence checked before every call it sends.
   */
  static final int REQUEST_SIZE = 200;

  private final SalesforceSide salesforce;
  private final Fence fence;

  FencedSalesforce(SalesforceSide salesforce, Fence fence) {
    this.salesforce = salesforce;
    this.fence = fence;
  }

  @Override
  public Changes changedSince(Scope scope, Optional<String> watermark, LinkedIds watch, List<String> fields, int limit)
      throws SyncException {
    return salesforce.changedSince(scope, watermark, watch, fields, limit);
  }

  @Override
  public FirstRead firstRead(Scope scope, LinkedIds watch, List<String> fields, int limit, Lookups lookups)
      throws SyncException {
    return salesforce.firstRead(scope, watch, fields, limit, lookups);
  }

  @Override
  public List<SalesforceItem> find(Scope scope, List<String> fields) throws SyncException {
    return salesforce.find(scope, fields);
  }

  @Override
  public List<SalesforceItem> get(String repUserId, List<String> ids, List<String> fields) throws SyncException {
    return salesforce.get(repUserId, ids, fields);
  }

  @Override
  public Map<String, SalesforceItem> byCreationKey(List<String> keys, List<String> fields) throws SyncException {
    return salesforce.byCreationKey(keys, fields);
  }

  @Override
  public List<SalesforceItem> byValues(String repUserId, String field, Set<String> values, List<String> fields)
      throws SyncException {
    return salesforce.byValues(repUserId, field, values, fields);
  }

  @Override
  public Candidates byCreationKeyOrValues(List<String> keys, String repUserId, String field, Set<String> values,
                                          List<String> fields) throws SyncException {
    return salesforce.byCreationKeyOrValues(keys, repUserId, field, values, fields);
  }

  @Override
  public List<WriteOutcome> create(String repUserId, List<Map<String, String>> records, List<String> creationKeys)
      throws SyncException {
    List<WriteOutcome> outcomes = new ArrayList<>(records.size());
    for (int from = 0; from < records.size(); from += REQUEST_SIZE) {
      int to = Math.min(records.size(), from + REQUEST_SIZE);
      fence.check();
      outcomes.addAll(salesforce.create(repUserId, records.subList(from, to), creationKeys.subList(from, to)));
    }
    return outcomes;
  }

  @Override
  public List<WriteOutcome> update(List<RecordUpdate> updates) throws SyncException {
    List<WriteOutcome> outcomes = new ArrayList<>(updates.size());
    for (int from = 0; from < updates.size(); from += REQUEST_SIZE) {
      fence.check();
      outcomes.addAll(salesforce.update(updates.subList(from, Math.min(updates.size(), from + REQUEST_SIZE))));
    }
    return outcomes;
  }

  @Override
  public List<WriteOutcome> delete(List<String> ids) throws SyncException {
    List<WriteOutcome> outcomes = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += REQUEST_SIZE) {
      fence.check();
      outcomes.addAll(salesforce.delete(ids.subList(from, Math.min(ids.size(), from + REQUEST_SIZE))));
    }
    return outcomes;
  }
}
