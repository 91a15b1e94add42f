package com.exchangesync.testbed.exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exception of a series: the properties one occurrence changed (by EWS
 * path, as {@link Item#fields}; a null value clears the master's), its own
 * extended properties, and when it changed. Everything it does not override it
 * takes from the master, so a later change of the master's subject reaches the
 * exceptions that kept theirs, as in Exchange.
 */
public final class ModifiedOccurrence {

  public final Map<String, String> fields = new TreeMap<>();
  public final Map<ExtendedKey, String> extended = new LinkedHashMap<>();
  public String bodyType;
  public Instant modified;

  public ModifiedOccurrence copy() {
    ModifiedOccurrence c = new ModifiedOccurrence();
    c.fields.putAll(fields);
    c.extended.putAll(extended);
    c.bodyType = bodyType;
    c.modified = modified;
    return c;
  }
}
