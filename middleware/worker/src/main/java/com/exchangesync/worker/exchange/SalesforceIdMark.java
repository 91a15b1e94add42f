package com.exchangesync.worker.exchange;

import java.util.UUID;

/**
 * The mark this product leaves on every item it writes: the Salesforce record id
 * in a string extended property named {@value #NAME} in the product's own property
 * set {@link #PROPERTY_SET}. EWS and Microsoft Graph address the same MAPI named
 * property, so an item written through one protocol is found through the other;
 * never change either value (items in the field carry them).
 */
public final class SalesforceIdMark {

  /** The product's property-set GUID. */
  public static final UUID PROPERTY_SET = UUID.fromString("5b3f0c1e-8a47-4d2b-9e61-3c7a2f4d9b10");

  /** The property's name within the set. */
  public static final String NAME = "ExchangeSyncSalesforceId";

  private SalesforceIdMark() {}
}
