package com.exchangesync.worker.salesforce;

import static com.exchangesync.worker.salesforce.CannedSalesforce.ok;
import static com.exchangesync.worker.salesforce.CannedSalesforce.saveResults;
import static com.exchangesync.worker.salesforce.CannedSalesforce.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.metrics.Metrics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creates whose HTTP 503 may follow the work: looked up by creation key, never repeated blindly; updates repeat as before. */
class KeyedCreatesTest {

  private static final String REP = "005000000000001AAA";
  private static final String OTHER_REP = "005000000000002AAA";
  private static final String KEY = "Exchange_Sync_Key__c";

  private CannedSalesforce sf;
  private SalesforceAdapter adapter;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sf = new CannedSalesforce();
    SalesforceSettings settings = new SalesforceSettings(URI.create(sf.loginUrl()), CannedSalesforce.CREDENTIALS,
        "exsync", true, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(100), () -> 0));
    adapter = new SalesforceAdapter(new SalesforceClient(settings, new Metrics(), waits::add), new SalesforceNames("exsync"));
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private static SalesforceRecord contact(String lastName, String key) {
    return SalesforceRecord.of("Contact", null, Map.of("LastName", lastName, "OwnerId", REP, KEY, key));
  }

  private static CannedSalesforce.Response found(String... idOwnerKey) {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < idOwnerKey.length; i += 3) {
      records.append("<records xsi:type=\"sf:sObject\"><sf:type>Contact</sf:type><sf:Id>").append(idOwnerKey[i])
          .append("</sf:Id><sf:OwnerId>").append(idOwnerKey[i + 1]).append("</sf:OwnerId><sf:exsync__Exchange_Sync_Key__c>")
          .append(idOwnerKey[i + 2]).append("</sf:exsync__Exchange_Sync_Key__c></records>");
    }
    return ok("<queryResponse><result xsi:type=\"QueryResult\"><done>true</done><queryLocator xsi:nil=\"true\"/>" + records
        + "<size>" + idOwnerKey.length / 3 + "</size></result></queryResponse>");
  }

  @Test
  void aCreateAnswered503_isLookedUpByKey_theRecordsFoundAreTakenAsCreated_andOnlyTheOthersAreSentAgain() throws Exception {
    sf.then("create", unavailable(), saveResults("create", "003000000000002AAA"));
    sf.then("query", found("003000000000001AAA", REP, "item-1"));

    List<WriteResult> results = adapter.create(KEY, List.of(contact("Lee", "item-1"), contact("Max", "item-2")));

    assertThat(results).extracting(WriteResult::id).containsExactly("003000000000001AAA", "003000000000002AAA");
    assertThat(sf.count("create")).isEqualTo(2);
    String again = sf.all("create").get(1).body();
    assertThat(again).as("only the record not found is sent again").contains("item-2").doesNotContain("item-1");
    String lookup = sf.all("query").get(0).body();
    assertThat(lookup).contains("exsync__Exchange_Sync_Key__c IN (").contains("'item-1'").contains("'item-2'");
    assertThat(waits).as("a pause before looking").hasSize(1);
  }

  @Test
  void aRecordFoundUnderTheKeyButOwnedByAnother_isNotTaken_itFailsAsTheDuplicateSalesforceWouldCallIt() throws Exception {
    sf.then("create", unavailable());
    sf.then("query", found("003000000000009AAA", OTHER_REP, "meeting-uid"));

    List<WriteResult> results = adapter.create(KEY, List.of(contact("Review", "meeting-uid")));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.success()).isFalse();
      assertThat(r.statusCode()).isEqualTo("DUPLICATE_VALUE");
    });
    assertThat(sf.count("create")).isEqualTo(1);
  }

  @Test
  void aCreateWithoutKeys_answered503_isNotSentAgain_andFailsAsAnAnswerLost() {
    sf.then("create", unavailable());

    assertThatThrownBy(() -> adapter.create(List.of(SalesforceRecord.of("Contact", null, Map.of("LastName", "Series")))))
        .isInstanceOfSatisfying(SalesforceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
          assertThat(e.code()).isEqualTo("ANSWER_LOST");
        });
    assertThat(sf.count("create")).isEqualTo(1);
  }

  @Test
  void anUpdateAnswered503_isStillSentAgain_forWritingItTwiceChangesNothing() throws Exception {
    sf.then("update", unavailable(), saveResults("update", "003000000000001AAA"));

    assertThat(adapter.update(List.of(SalesforceRecord.of("Contact", "003000000000001AAA", Map.of("LastName", "Lee")))))
        .singleElement().satisfies(r -> assertThat(r.success()).isTrue());
    assertThat(sf.count("update")).isEqualTo(2);
    assertThat(sf.count("query")).as("nothing to look up").isZero();
  }
}
