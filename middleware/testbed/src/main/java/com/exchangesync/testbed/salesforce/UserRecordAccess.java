package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.FieldType.BOOLEAN;
import static com.exchangesync.testbed.salesforce.FieldType.ID;
import static com.exchangesync.testbed.salesforce.FieldType.PICKLIST;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code UserRecordAccess} object: what one user may do with given
 * records. As in the org, a query must name one user ({@code UserId = '…'})
 * and the records ({@code RecordId = '…'} or {@code RecordId IN (…)}, at most
 * 200); its rows are computed from the org's sharing: the owner of a live
 * record and System Administrators have all access ({@code MaxAccessLevel}
 * "All": read, edit, delete, transfer, share); anyone else gets what the
 * object's org-wide default grants ({@link OrgWideDefault}: "None", "Read" or
 * "Edit", never delete). Inactive users and deleted or unknown records get
 * "None".
 */
final class UserRecordAccess {

  static final String NAME = "UserRecordAccess";
  static final int MAX_RECORD_IDS = 200;

  private UserRecordAccess() {}

  /** The object's fields; the key prefix is not base-62, so no id ever resolves to it. */
  static SObjectType type() {
    return new SObjectType(NAME, "*ua", false, false)
        .add(FieldDef.readOnly("RecordId", ID))
        .add(FieldDef.reference("UserId", "User", "User").asReadOnly())
        .add(FieldDef.readOnly("HasReadAccess", BOOLEAN))
        .add(FieldDef.readOnly("HasEditAccess", BOOLEAN))
        .add(FieldDef.readOnly("HasDeleteAccess", BOOLEAN))
        .add(FieldDef.readOnly("HasTransferAccess", BOOLEAN))
        .add(FieldDef.readOnly("HasAllAccess", BOOLEAN))
        .add(FieldDef.readOnly("MaxAccessLevel", PICKLIST));
  }

  /** One row per record the query's filter names, for the user it names. */
  static List<Row> rows(SObjectType type, SoqlQuery.Condition where, RecordStore store) {
    String userId = null;
    Set<String> recordIds = new LinkedHashSet<>();
    List<SoqlQuery.Condition> parts = where instanceof SoqlQuery.And and ? and.parts() : where == null ? List.of() : List.of(where);
    for (SoqlQuery.Condition c : parts) {
      if (c instanceof SoqlQuery.Compare cmp && cmp.op().equals("=") && cmp.value() instanceof SoqlQuery.Text t) {
        if (cmp.path().text().equalsIgnoreCase("UserId")) {
          userId = id(t);
        } else if (cmp.path().text().equalsIgnoreCase("RecordId")) {
          recordIds.add(id(t));
        }
      } else if (c instanceof SoqlQuery.In in && !in.negated() && in.path().text().equalsIgnoreCase("RecordId")) {
        for (SoqlQuery.Literal l : in.values()) {
          if (l instanceof SoqlQuery.Text t) {
            recordIds.add(id(t));
          }
        }
      }
    }
    if (userId == null || recordIds.isEmpty()) {
      throw SoqlException.malformed(0, "UserRecordAccess queries must filter on UserId = '<id>' and RecordId = '<id>' or"
          + " RecordId IN (<ids>), joined by AND");
    }
    if (recordIds.size() > MAX_RECORD_IDS) {
      throw SoqlException.malformed(0, "UserRecordAccess queries take at most " + MAX_RECORD_IDS + " record ids");
    }
    List<Row> out = new ArrayList<>();
    for (String recordId : recordIds) {
      out.add(row(type, userId, recordId, store));
    }
    return out;
  }

  private static Row row(SObjectType type, String userId, String recordId, RecordStore store) {
    Row user = store.row(userId);
    Row record = store.row(recordId);
    boolean live = user != null && Boolean.TRUE.equals(user.get("IsActive")) && record != null && !record.deleted();
    boolean full = false;
    OrgWideDefault others = OrgWideDefault.PRIVATE;
    if (live) {
      Row profile = store.row(String.valueOf(user.get("ProfileId")));
      boolean admin = profile != null && "System Administrator".equals(profile.get("Name"));
      full = admin || userId.equals(record.get("OwnerId"));
      others = store.org().sharing(record.type.name);
    }
    boolean read = live && (full || others.othersRead);
    boolean edit = live && (full || others.othersEdit);
    Row r = new Row(type, recordId);
    r.values.put("RecordId", recordId);
    r.values.put("UserId", userId);
    r.values.put("HasReadAccess", read);
    r.values.put("HasEditAccess", edit);
    r.values.put("HasDeleteAccess", full);
    r.values.put("HasTransferAccess", full);
    r.values.put("HasAllAccess", full);
    r.values.put("MaxAccessLevel", !live ? "None" : full ? "All" : others.othersMaxAccessLevel);
    return r;
  }

  /** Whether {@code userId} can read {@code record} (owner, System Administrator, or an org-wide default that lets others read). */
  static boolean canRead(String userId, Row record, RecordStore store) {
    return Boolean.TRUE.equals(row(store.schema.type(NAME), userId, record.id, store).get("HasReadAccess"));
  }

  private static String id(SoqlQuery.Text t) {
    String id = SalesforceIds.canonical(t.value());
    if (id == null) {
      throw new SoqlException("INVALID_QUERY_FILTER_OPERATOR", t.offset(), "invalid ID field: " + t.value());
    }
    return id;
  }
}
