package com.exchangesync.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that both test beds hold one consistent world after syncing: per rep,
 * every Salesforce contact the rep owns has exactly one item in Salesforce_Sync
 * and the reverse, each pair agrees on the demo fields, and no contact was
 * created twice.
 */
final class SyncedWorld {

  private SyncedWorld() {}

  static void assertConverged(SalesforceSimClient sf, ExchangeSimClient ex, Map<String, String> repEmailsById,
                              Map<String, String> expectedTitles) {
    JsonArray contacts = sf.records("Contact");
    Map<String, JsonObject> byId = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Object o : contacts) {
      JsonObject c = (JsonObject) o;
      byId.put(c.getString("Id"), c);
      String key = c.getString("Exchange_Sync_Key__c");
      if (key != null) {
        assertThat(keys.add(key)).as("two contacts created from one item " + key).isTrue();
      }
    }
    Map<String, String> titleSeen = new HashMap<>();
    for (Map.Entry<String, String> rep : repEmailsById.entrySet()) {
      List<JsonObject> owned = byId.values().stream().filter(c -> c.getString("OwnerId").startsWith(rep.getKey())).toList();
      JsonArray items = ex.contacts(rep.getValue(), "Salesforce_Sync");
      Map<String, Integer> marks = new HashMap<>();
      for (Object o : items) {
        JsonObject item = (JsonObject) o;
        String sfId = salesforceId(item);
        assertThat(sfId).as("item " + item.getString("surname") + " of " + rep.getValue() + " is linked").isNotNull();
        marks.merge(sfId, 1, Integer::sum);
        JsonObject contact = byId.get(sfId);
        assertThat(contact).as("the contact of item " + item.getString("surname")).isNotNull();
        assertThat(item.getString("surname")).isEqualTo(contact.getString("LastName"));
        assertThat(item.getString("email")).isEqualToIgnoringCase(contact.getString("Email"));
        assertThat(item.getString("jobTitle")).isEqualTo(contact.getString("Title"));
        if (contact.getString("Title") != null) {
          titleSeen.put(contact.getString("LastName"), contact.getString("Title"));
        }
      }
      assertThat(marks.values()).as("no contact of " + rep.getValue() + " has two items").allMatch(n -> n == 1);
      assertThat(items.size()).as(rep.getValue() + ": one item per contact").isEqualTo(owned.size());
    }
    expectedTitles.forEach((lastName, title) ->
        assertThat(titleSeen.get(lastName)).as("the edit of " + lastName + " survived").isEqualTo(title));
  }

  static String salesforceId(JsonObject item) {
    JsonArray props = item.getJsonArray("extendedProperties");
    if (props == null) {
      return null;
    }
    for (Object o : props) {
      JsonObject p = (JsonObject) o;
      if ("ExchangeSyncSalesforceId".equals(p.getString("name"))) {
        return p.getString("value");
      }
    }
    return null;
  }
}
