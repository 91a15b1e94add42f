package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.FieldType.BOOLEAN;
import static com.exchangesync.testbed.salesforce.FieldType.DATETIME;
import static com.exchangesync.testbed.salesforce.FieldType.ID;
import static com.exchangesync.testbed.salesforce.FieldType.PICKLIST;
import static com.exchangesync.testbed.salesforce.FieldType.STRING;

import java.time.Instant;

/**
 * The {@code Organization} object: one row, the org itself, whose id is the
 * org id. Clients read it to learn which org a connection reached (its name,
 * edition, whether it is a sandbox) before they trust a setup row or write a
 * watermark. The test bed plays an Enterprise Edition production org on one
 * instance, in English and UTC, so only the id and name vary (from
 * {@code /sim/org}). Nobody may create, update or delete it through the API.
 */
final class Organization {

  static final String NAME = "Organization";
  static final int NAME_LENGTH = 80;
  static final String EDITION = "Enterprise Edition";
  static final String INSTANCE = "NA1";

  private Organization() {}

  /** The object's fields, every one read-only; no IsDeleted, as the org has none on this object. */
  static SObjectType type() {
    return new SObjectType(NAME, "00D", false, false).asReadOnlyEntity()
        .add(FieldDef.readOnly("Id", ID))
        .add(FieldDef.of("Name", STRING, NAME_LENGTH).asReadOnly())
        .add(FieldDef.of("OrganizationType", PICKLIST, 40).asReadOnly())
        .add(FieldDef.readOnly("IsSandbox", BOOLEAN))
        .add(FieldDef.of("InstanceName", STRING, 5).asReadOnly())
        .add(FieldDef.of("DefaultLocaleSidKey", PICKLIST, 40).asReadOnly())
        .add(FieldDef.of("TimeZoneSidKey", PICKLIST, 40).asReadOnly())
        .add(FieldDef.of("LanguageLocaleKey", PICKLIST, 40).asReadOnly())
        .add(FieldDef.readOnly("CreatedDate", DATETIME))
        .add(FieldDef.reference("CreatedById", "User", "CreatedBy").asReadOnly())
        .add(FieldDef.readOnly("LastModifiedDate", DATETIME))
        .add(FieldDef.reference("LastModifiedById", "User", "LastModifiedBy").asReadOnly())
        .add(FieldDef.readOnly("SystemModstamp", DATETIME));
  }

  /** The org's row, set up at {@code now}. */
  static Row row(SObjectType type, String orgId, String name, Instant now) {
    Row r = new Row(type, orgId);
    r.values.put("Id", orgId);
    r.values.put("Name", name);
    r.values.put("OrganizationType", EDITION);
    r.values.put("IsSandbox", Boolean.FALSE);
    r.values.put("InstanceName", INSTANCE);
    r.values.put("DefaultLocaleSidKey", "en_US");
    r.values.put("TimeZoneSidKey", "GMT");
    r.values.put("LanguageLocaleKey", "en_US");
    r.values.put("CreatedDate", now);
    r.values.put("LastModifiedDate", now);
    r.values.put("SystemModstamp", now);
    return r;
  }
}
