package com.exchangesync.worker.salesforce;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps the package's logical names (as written in {@code force-app}, e.g.
 * {@code Exchange_Sync_Setup__c}, {@code Enabled__c}, {@code Configuration__r.Name})
 * to the API names of an org, and back. In a managed install every custom
 * object, field and relationship carries the namespace prefix
 * ({@code exsync__Enabled__c}); standard names ({@code Contact},
 * {@code OwnerId}) never do, and names that already carry a namespace are left
 * alone.
 */
public final class SalesforceNames {

  /** The package's objects, by logical name. */
  public static final String SETUP = "Exchange_Sync_Setup__c";
  /** Sync configurations. */
  public static final String CONFIGURATION = "Exchange_Sync_Configuration__c";
  /** Configuration members (users and profiles). */
  public static final String MEMBER = "Exchange_Sync_Member__c";
  /** Field mappings of a configuration. */
  public static final String FIELD_MAPPING = "Exchange_Sync_Field_Mapping__c";
  /** Per-user sync status. */
  public static final String USER_STATUS = "Exchange_Sync_User_Status__c";
  /** The one system status row. */
  public static final String SYSTEM_STATUS = "Exchange_Sync_System_Status__c";
  /** Connection test requests and results. */
  public static final String CONNECTION_TEST = "Exchange_Sync_Connection_Test__c";
  /** Error report rows. */
  public static final String ERROR = "ExchangeSyncError__c";

  private static final Pattern CUSTOM = Pattern.compile("[A-Za-z][A-Za-z0-9_]*__(c|r|mdt|e|x|b)");
  private static final Pattern ALREADY_NAMESPACED = Pattern.compile("[A-Za-z][A-Za-z0-9]*__[A-Za-z][A-Za-z0-9_]*__(c|r|mdt|e|x|b)");

  private final String prefix;

  /** Names for a package installed with {@code namespace} (empty: unmanaged, no prefix). */
  public SalesforceNames(String namespace) {
    if (namespace == null || namespace.isEmpty()) {
      this.prefix = "";
    } else if (namespace.matches("[A-Za-z][A-Za-z0-9]{0,14}")) {
      this.prefix = namespace + "__";
    } else {
      throw new IllegalArgumentException("not a namespace prefix: '" + namespace + "'");
    }
  }

  /** The namespace prefix with its {@code __}, or empty. */
  public String prefix() {
    return prefix;
  }

  /**
   * The API name of a logical object, field or dotted field path: each custom
   * segment gains the prefix, standard segments stay as they are.
   */
  public String api(String logical) {
    if (logical.indexOf('.') >= 0) {
      return Arrays.stream(logical.split("\\.", -1)).map(this::segment).collect(Collectors.joining("."));
    }
    return segment(logical);
  }

  /** The logical name of an API name (the prefix removed if it is this org's prefix). */
  public String logical(String api) {
    if (!prefix.isEmpty() && api.regionMatches(true, 0, prefix, 0, prefix.length()) && CUSTOM.matcher(api).matches()) {
      return api.substring(prefix.length());
    }
    return api;
  }

  private String segment(String name) {
    if (prefix.isEmpty() || !CUSTOM.matcher(name).matches() || ALREADY_NAMESPACED.matcher(name).matches()) {
      return name;
    }
    return prefix + name;
  }
}
