package com.exchangesync.worker.status;

import com.exchangesync.worker.salesforce.SalesforceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rep's row of {@code Exchange_Sync_User_Status__c} as the worker computes
 * it (the guide's tables 4 and 5). Rows are upserted by {@code User_Key__c} (the
 * user id), and only when a value differs from what Salesforce holds, to save
 * API calls.
 */
public final class UserStatus {

  private final String userId;
  private final Map<String, String> fields = new LinkedHashMap<>();

  public UserStatus(String userId) {
    this.userId = Objects.requireNonNull(userId);
    fields.put("User__c", userId);
    fields.put("User_Key__c", userId);
  }

  /** Sets a field (logical name); null clears it. */
  public UserStatus set(String field, Object value) {
    fields.put(field, value == null ? null : value.toString());
    return this;
  }

  public String userId() {
    return userId;
  }

  public String get(String field) {
    return fields.get(field);
  }

  /** Whether {@code current} (the row as read from Salesforce) already holds every value. */
  public boolean sameAs(SalesforceRecord current) {
    if (current == null) {
      return false;
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (e.getKey().equals("User__c") || e.getKey().equals("User_Key__c")) {
        continue;
      }
      if (!equal(e.getValue(), current.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(String mine, String theirs) {
    String a = mine == null || mine.isEmpty() ? null : mine;
    String b = theirs == null || theirs.isEmpty() ? null : theirs;
    if (a == null || b == null) {
      return a == b || ("false".equals(a) && b == null) || ("false".equals(b) && a == null);
    }
    if (a.equals(b)) {
      return true;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b); // 3 and 3.0
    } catch (NumberFormatException e) {
      return a.equalsIgnoreCase(b);
    }
  }

  /** The row to upsert. */
  public SalesforceRecord toRecord() {
    return SalesforceRecord.of("Exchange_Sync_User_Status__c", null, fields);
  }
}
