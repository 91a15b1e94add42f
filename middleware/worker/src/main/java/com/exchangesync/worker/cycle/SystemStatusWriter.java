package com.exchangesync.worker.cycle;

import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.Soql;
import com.exchangesync.worker.salesforce.SyncSetup;
import com.exchangesync.worker.status.KindStatusFields;
import com.exchangesync.worker.status.StatusValues;
import com.exchangesync.worker.status.UserStatus;
import com.exchangesync.worker.store.SyncActivity;
import com.exchangesync.worker.sync.SyncKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org's one {@code Exchange_Sync_System_Status__c} row (the guide's table 1
 * and each kind's counts) and the setup's service-account status, written only
 * when a value changed. The counts come from {@code sync_activity} in
 * PostgreSQL, so every worker adds to one figure.
 */
final class SystemStatusWriter {

  private final SalesforceAdapter salesforce;
  private final SyncActivity activity;
  private final List<SyncKind> kinds;
  private final Clock clock;

  SystemStatusWriter(SalesforceAdapter salesforce, SyncActivity activity, List<SyncKind> kinds, Clock clock) {
    this.salesforce = salesforce;
    this.activity = activity;
    this.kinds = kinds;
    this.clock = clock;
  }

  /**
   * @param provided whether the org's Exchange credentials are provided: a service account (Exchange Server); the
   *     tenant, the application and the worker's certificate or secret (Exchange Online)
   */
  void write(String orgId, Optional<SyncSetup> setup, boolean provided, boolean recognized, int reps, int linked)
      throws SalesforceException {
    Instant now = clock.instant();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Service_Account_Provided__c", Boolean.toString(provided));
    fields.put("Service_Account_Recognized__c", Boolean.toString(provided && recognized));
    fields.put("Users_In_Active_Configurations__c", Integer.toString(reps));
    fields.put("Users_With_Linked_Addresses__c", Integer.toString(linked));
    for (SyncKind kind : kinds) {
      KindStatusFields f = kind.statusFields();
      String name = kind.itemKind().name();
      fields.put(f.syncedLast60Minutes(), Long.toString(activity.since(orgId, name, now.minus(Duration.ofMinutes(60)))));
      fields.put(f.syncedLast24Hours(), Long.toString(activity.since(orgId, name, now.minus(Duration.ofHours(24)))));
      activity.last(orgId, name).ifPresent(t -> fields.put(f.lastActivity(), Soql.datetime(t)));
    }
    List<String> read = new ArrayList<>(List.of("Id"));
    read.addAll(fields.keySet());
    kinds.forEach(k -> read.add(k.statusFields().lastActivity()));
    List<SalesforceRecord> current = salesforce.queryList(salesforce.select("Exchange_Sync_System_Status__c",
        read.stream().distinct().toList()).orderBy("CreatedDate", "Id").limit(1).build());
    UserStatus asRow = new UserStatus("system");
    fields.forEach(asRow::set);
    if (current.isEmpty() || !asRow.sameAs(current.get(0))) {
      // The row just read is the one to update: no second read for its id.
      salesforce.writeSystemStatus(current.stream().findFirst().map(SalesforceRecord::id), fields);
    }
    if (setup.isPresent()) {
      String value = !provided ? StatusValues.NOT_PROVIDED : recognized ? StatusValues.RECOGNIZED : StatusValues.NOT_RECOGNIZED;
      if (!value.equals(setup.get().serviceAccountStatus())) {
        salesforce.update(List.of(SalesforceRecord.of("Exchange_Sync_Setup__c", setup.get().id(),
            Map.of("Service_Account_Status__c", value))));
      }
    }
  }
}
