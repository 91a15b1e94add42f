package com.exchangesync.worker.salesforce;

import com.exchangesync.worker.retry.AnswerLostException;
import com.exchangesync.worker.retry.RetriedCreates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates of records that each carry a unique creation key (the package's
 * {@code Exchange_Sync_Key__c}), never sent again blindly. A create call whose
 * answer was lost ({@link SalesforceClient#callNotRepeated}: an HTTP 503 page a proxy
 * gave after the org saved the records, a dropped connection) is followed, after a
 * pause, by one query for the records by key: those found are taken as created and
 * the others alone are sent again. A record found under the key but owned by someone
 * other than the owner the create named is not ours to take: it fails as
 * {@code DUPLICATE_VALUE}, which is what the org would have answered the create.
 */
final class KeyedCreates {

  /** One create call; a result per record, or the lost answer. */
  @FunctionalInterface
  interface Send {
    List<WriteResult> send(List<SalesforceRecord> records) throws SalesforceException, AnswerLostException;
  }

  private final SalesforceAdapter adapter;
  private final SalesforceClient client;
  private final String keyField;

  /** @param keyField the logical name of the creation key field, set on every record */
  KeyedCreates(SalesforceAdapter adapter, SalesforceClient client, String keyField) {
    this.adapter = adapter;
    this.client = client;
    this.keyField = keyField;
  }

  /** Creates {@code records} (one call's worth) through {@code send}; one result per record, in order. */
  List<WriteResult> create(List<SalesforceRecord> records, Send send) throws SalesforceException {
    for (SalesforceRecord r : records) {
      if (r.get(keyField) == null || r.get(keyField).isEmpty()) {
        throw new IllegalArgumentException("a keyed create needs " + keyField + " on every record");
      }
      if (!r.type().equals(records.get(0).type())) {
        throw new IllegalArgumentException("a keyed create is of one object");
      }
    }
    return new RetriedCreates<SalesforceRecord, WriteResult, SalesforceException>("create of " + records.size() + " "
        + (records.isEmpty() ? "" : records.get(0).type()) + " records", client.maxRetries() + 1, send::send, this::find,
        client::pause, (message, last) -> new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "ANSWER_LOST", message, last))
        .create(records);
  }

  /** The records saved under the keys of {@code records}: one result per record, null where none is. */
  private List<WriteResult> find(List<SalesforceRecord> records) throws SalesforceException {
    List<String> keys = records.stream().map(r -> r.get(keyField)).distinct().toList();
    Map<String, SalesforceRecord> byKey = new HashMap<>();
    for (List<String> chunk : SalesforceAdapter.chunks(keys, SalesforceAdapter.ACCESS_CHUNK)) {
      for (SalesforceRecord found : adapter.queryList(adapter.select(records.get(0).type(), List.of("Id", "OwnerId", keyField))
          .where(Soql.in(adapter.api(keyField), chunk)).build())) {
        byKey.put(found.get(keyField), found);
      }
    }
    List<WriteResult> out = new ArrayList<>();
    for (SalesforceRecord r : records) {
      SalesforceRecord found = byKey.get(r.get(keyField));
      if (found == null) {
        out.add(null);
      } else if (r.get("OwnerId") != null && found.get("OwnerId") != null && !SalesforceId.same(r.get("OwnerId"), found.get("OwnerId"))) {
        out.add(WriteResult.failed(List.of(new RecordError("DUPLICATE_VALUE", "duplicate value found: " + keyField
            + " duplicates value on record with id: " + found.id(), List.of(keyField)))));
      } else {
        out.add(WriteResult.ok(SalesforceId.canonical(found.id()).orElse(found.id()), true));
      }
    }
    return out;
  }
}
