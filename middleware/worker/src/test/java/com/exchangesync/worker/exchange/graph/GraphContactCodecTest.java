package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ExchangeField;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Graph's contact JSON: lists and the address are replaced whole, so what the sync does not map is carried over. */
class GraphContactCodecTest {

  private static JsonObject pat() {
    return new JsonObject().put("id", "AAMkC").put("changeKey", "k").put("givenName", "Pat").put("surname", "Jones")
        .put("emailAddresses", new JsonArray().add(new JsonObject().put("address", "pat@x.example.com").put("name", "Pat Jones"))
            .add(new JsonObject().put("address", "pj@home.example.com").put("name", "pj@home.example.com")))
        .put("businessPhones", new JsonArray().add("+1 415 555 0100").add("+1 415 555 0199"))
        .put("homePhones", new JsonArray())
        .put("businessAddress", new JsonObject().put("street", "1 Main St").put("city", "Lyon").put("countryOrRegion", "France"))
        .put("personalNotes", "Met at the fair");
  }

  @Test
  void aContactReads_itsFirstPhonesAndAddressesInOrder() {
    assertThat(GraphContactCodec.read(pat()).values()).containsEntry(ExchangeField.EMAIL, "pat@x.example.com")
        .containsEntry(ExchangeField.EMAIL2, "pj@home.example.com").containsEntry(ExchangeField.BUSINESS_PHONE, "+1 415 555 0100")
        .containsEntry(ExchangeField.CITY, "Lyon").containsEntry(ExchangeField.NOTES, "Met at the fair")
        .doesNotContainKeys(ExchangeField.HOME_PHONE, ExchangeField.EMAIL3, ExchangeField.STATE);
  }

  @Test
  void anUpdate_keepsTheSecondPhone_theOtherAddressParts_andAnUnchangedAddresssName() {
    Map<ExchangeField, String> changes = new HashMap<>();
    changes.put(ExchangeField.BUSINESS_PHONE, "+1 415 555 0111");
    changes.put(ExchangeField.CITY, null);
    changes.put(ExchangeField.EMAIL2, "pat.jones@home.example.com");
    changes.put(ExchangeField.JOB_TITLE, "Buyer");
    JsonObject patch = GraphContactCodec.update(pat(), changes);
    assertThat(patch.getJsonArray("businessPhones")).containsExactly("+1 415 555 0111", "+1 415 555 0199");
    assertThat(patch.getJsonObject("businessAddress").getMap()).containsOnly(Map.entry("street", "1 Main St"),
        Map.entry("countryOrRegion", "France"));
    assertThat(patch.getJsonArray("emailAddresses").encode()).isEqualTo("[{\"address\":\"pat@x.example.com\",\"name\":\"Pat Jones\"},"
        + "{\"address\":\"pat.jones@home.example.com\",\"name\":\"pat.jones@home.example.com\"}]");
    assertThat(patch.getString("jobTitle")).isEqualTo("Buyer");
    assertThat(patch.fieldNames()).containsExactlyInAnyOrder("businessPhones", "businessAddress", "emailAddresses", "jobTitle");
  }
}
