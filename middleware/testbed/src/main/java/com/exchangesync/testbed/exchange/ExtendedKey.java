package com.exchangesync.testbed.exchange;

import java.util.Locale;

/**
 * Names an extended (MAPI) property: a property set and a name or id, and a
 * type. Property-set GUIDs compare case-insensitively, as in Exchange.
 */
public record ExtendedKey(String propertySet, String name, String type) {

  public ExtendedKey {
    propertySet = propertySet == null ? "" : propertySet.toLowerCase(Locale.ROOT);
    type = type == null || type.isEmpty() ? "String" : type;
  }
}
