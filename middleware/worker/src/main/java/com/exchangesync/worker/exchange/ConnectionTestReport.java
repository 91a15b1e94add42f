package com.exchangesync.worker.exchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The result of a connection test for one rep, in check order. Its JSON form
 * ({@code [{"name","status","message","suggestion"}]}) is what the middleware
 * writes to {@code Exchange_Sync_Connection_Test__c.Results__c}.
 */
public record ConnectionTestReport(String smtp, List<ConnectionCheck> checks) {

  /** The checks of Exchange Server (EWS), in order, as the Setup page shows them. */
  public static final List<String> CHECK_NAMES = List.of(
      "Autodiscover", "Service account logon", "Impersonation", "Contacts folder", "Salesforce_Sync folder", "Calendar");

  /** The checks of Exchange Online (Microsoft Graph), in order, as the Setup page shows them. */
  public static final List<String> GRAPH_CHECK_NAMES = List.of(
      "Token", "Permissions", "Mailbox in scope", "Contacts folder", "Calendar");

  public ConnectionTestReport {
    checks = List.copyOf(checks);
  }

  /** Whether no check failed. */
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.status() == ConnectionCheck.Status.FAILED);
  }

  /** The JSON array stored in {@code Results__c}. */
  public JsonArray toJson() {
    JsonArray array = new JsonArray();
    for (ConnectionCheck c : checks) {
      array.add(new JsonObject().put("name", c.name()).put("status", c.status().name())
          .put("message", c.message()).put("suggestion", c.suggestion()));
    }
    return array;
  }
}
