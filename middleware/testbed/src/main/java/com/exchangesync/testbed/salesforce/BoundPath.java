package com.exchangesync.testbed.salesforce;

import java.util.List;

/**
 * A field path resolved against the schema: the reference fields it follows
 * ({@code OwnerId} for {@code Owner.Email}) and the field it ends at. A
 * polymorphic reference ({@code Who}) leads to the {@link PolymorphicName}
 * entity, as in an org.
 */
record BoundPath(List<FieldDef> hops, FieldDef leaf) {

  /** The value at the end of the path for {@code row}; null when a parent on the way is missing or deleted. */
  Object value(Row row, RecordStore store) {
    Row current = row;
    for (FieldDef hop : hops) {
      Object id = current.get(hop.name());
      current = id == null ? null : store.row(id.toString());
      if (current == null || current.deleted()) {
        return null;
      }
      if (PolymorphicName.polymorphic(hop)) {
        current = PolymorphicName.view(current);
      }
    }
    return current.get(leaf.name());
  }

  /**
   * Resolves {@code path} from {@code type}: every part but the last names a
   * relationship, the last a field. Unknown names fail as the org fails them.
   */
  static BoundPath resolve(SoqlQuery.Path path, SObjectType type, Schema schema) {
    List<String> parts = path.parts();
    if (parts.size() > 1 && parts.get(0).equalsIgnoreCase(type.name) && type.relationship(parts.get(0)) == null) {
      parts = parts.subList(1, parts.size()); // Contact.LastName FROM Contact
    }
    List<FieldDef> hops = new java.util.ArrayList<>();
    SObjectType current = type;
    for (int i = 0; i < parts.size() - 1; i++) {
      FieldDef ref = current.relationship(parts.get(i));
      if (ref == null) {
        throw new SoqlException("INVALID_FIELD", path.offset(), "Didn't understand relationship '" + parts.get(i)
            + "' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom"
            + " relationship name. Please reference your WSDL or the describe call for the appropriate names.");
      }
      hops.add(ref);
      current = PolymorphicName.polymorphic(ref) ? PolymorphicName.TYPE : schema.type(ref.referenceTo().get(0));
    }
    String last = parts.get(parts.size() - 1);
    FieldDef leaf = current.field(last);
    if (leaf == null) {
      throw new SoqlException("INVALID_FIELD", path.offset(), "No such column '" + last + "' on entity '" + current.name
          + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please"
          + " reference your WSDL or the describe call for the appropriate names.");
    }
    return new BoundPath(List.copyOf(hops), leaf);
  }
}
