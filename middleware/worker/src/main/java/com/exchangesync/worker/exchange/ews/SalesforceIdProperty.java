package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.SalesforceIdMark;
import java.util.Optional;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;

/**
 * The extended property that carries the Salesforce record id on an item this
 * product wrote. It lives in a property set of our own (a fixed GUID, never to
 * change: items in the field carry it), so no other product's data collides with it
 * and a retried create can search for it instead of making a duplicate.
 */
final class SalesforceIdProperty {

  /** The product's property-set GUID ({@link SalesforceIdMark}, shared with the Graph adapter). */
  static final UUID PROPERTY_SET = SalesforceIdMark.PROPERTY_SET;

  /** The property's name within the set. */
  static final String NAME = SalesforceIdMark.NAME;

  static final ExtendedPropertyDefinition DEFINITION = definition();

  private SalesforceIdProperty() {}

  private static ExtendedPropertyDefinition definition() {
    try {
      return new ExtendedPropertyDefinition(PROPERTY_SET, NAME, MapiPropertyType.String);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The Salesforce id on {@code item}, if it carries ours. */
  static Optional<String> read(Item item) throws Exception {
    for (ExtendedProperty property : item.getExtendedProperties()) {
      ExtendedPropertyDefinition d = property.getPropertyDefinition();
      if (PROPERTY_SET.equals(d.getPropertySetId()) && NAME.equals(d.getName()) && property.getValue() != null) {
        return Optional.of(property.getValue().toString());
      }
    }
    return Optional.empty();
  }
}
