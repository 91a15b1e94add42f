package com.exchangesync.testbed.salesforce;

import static com.exchangesync.testbed.salesforce.FieldType.EMAIL;
import static com.exchangesync.testbed.salesforce.FieldType.ID;
import static com.exchangesync.testbed.salesforce.FieldType.PHONE;
import static com.exchangesync.testbed.salesforce.FieldType.STRING;

/**
 * The {@code Name} entity an org answers a polymorphic relationship with
 * ({@code Who}, which is a contact or a lead): SOQL paths through it ({@code
 * Who.Name}, {@code Who.Type}, {@code Who.Email}) may name only the fields
 * every target shares, which the {@code Name} object holds, and anything else
 * is "No such column 'Company' on entity 'Name'"; {@code Type} is the target's
 * object name. Query results write such a parent as an sObject of type
 * {@code Name}. ({@code TYPEOF} reaches a target's own fields; see
 * {@link SoqlQuery.TypeOf}.)
 */
final class PolymorphicName {

  /** The entity; not in the schema's types (a query {@code FROM Name} is not served). */
  static final SObjectType TYPE = new SObjectType("Name", "000", false, false)
      .add(FieldDef.readOnly("Id", ID))
      .add(FieldDef.readOnly("Type", STRING))
      .add(FieldDef.readOnly("Name", STRING))
      .add(FieldDef.readOnly("FirstName", STRING))
      .add(FieldDef.readOnly("LastName", STRING))
      .add(FieldDef.readOnly("Email", EMAIL))
      .add(FieldDef.readOnly("Phone", PHONE))
      .add(FieldDef.readOnly("Title", STRING));

  private PolymorphicName() {}

  /** Whether a reference may point at objects of more than one type (its SOQL paths go through {@link #TYPE}). */
  static boolean polymorphic(FieldDef reference) {
    return reference.referenceTo().size() > 1;
  }

  /** The {@code Name} view of {@code target}: its id, its object's name as {@code Type}, and the shared fields it has. */
  static Row view(Row target) {
    Row name = new Row(TYPE, target.id);
    for (FieldDef f : TYPE.fields()) {
      if (f.name().equals("Type")) {
        name.values.put("Type", target.type.name);
      } else if (target.type.field(f.name()) != null) {
        name.values.put(f.name(), target.get(f.name()));
      }
    }
    name.deletedAt = target.deletedAt;
    return name;
  }
}
