package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.metrics.Metrics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which changed records the org's feed takes for echoes of the worker's own creates. */
class OrgFeedReaderTest {

  private static final String WORKER = "005000000000009AAA";
  private static final String ANN = "005000000000001AAA";

  private static SalesforceRecord record(String createdBy, String created, String modifiedBy, String stamp) {
    Map<String, String> f = new HashMap<>();
    f.put("OwnerId", ANN);
    f.put("CreatedById", createdBy);
    f.put("CreatedDate", created);
    f.put("LastModifiedById", modifiedBy);
    f.put("SystemModstamp", stamp);
    return SalesforceRecord.of("Contact", "003000000000001AAA", f);
  }

  @Test
  void theQuery_leavesTheWorkersUntouchedCreatesOut_throughThePackagesFormula_inTheNamespace() {
    SalesforceSettings settings = new SalesforceSettings(URI.create("http://127.0.0.1:9"), CannedSalesforce.CREDENTIALS,
        "exsync", true, 2, Duration.ofSeconds(5), Duration.ofSeconds(10), 2, new Backoff(Duration.ZERO, Duration.ZERO, () -> 0));
    SalesforceAdapter adapter = new SalesforceAdapter(new SalesforceClient(settings, new Metrics(), d -> { }), new SalesforceNames("exsync"));
    Instant after = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(OrgFeedReader.query(adapter, "Contact", after, 50_000, WORKER)).isEqualTo("SELECT OwnerId, SystemModstamp, CreatedById,"
        + " CreatedDate, LastModifiedById FROM Contact WHERE (SystemModstamp > 2026-12-01T10:00:00.000Z AND (CreatedById != '" + WORKER
        + "' OR exsync__Exchange_Sync_Saved_Since_Created__c = true)) LIMIT 50001");
    assertThat(OrgFeedReader.query(adapter, "Contact", after, 10, null)).as("no integration user known: no filter")
        .isEqualTo("SELECT OwnerId, SystemModstamp, CreatedById, CreatedDate, LastModifiedById FROM Contact"
            + " WHERE SystemModstamp > 2026-12-01T10:00:00.000Z LIMIT 11");
    assertThat(OrgFeedReader.query(adapter, "Event", after, 10, WORKER)).as("events: judged by their stamps, unfiltered")
        .isEqualTo("SELECT OwnerId, SystemModstamp, CreatedById, CreatedDate, LastModifiedById FROM Event"
            + " WHERE SystemModstamp > 2026-12-01T10:00:00.000Z LIMIT 11");
  }

  @Test
  void aRecordTheWorkerMadeAndNobodySavedSince_isAnEcho() {
    assertThat(OrgFeedReader.ownCreation(record(WORKER, "2026-12-01T10:00:00.000Z", WORKER, "2026-12-01T10:00:00.000Z"), WORKER))
        .isTrue();
    assertThat(OrgFeedReader.ownCreation(record(WORKER, "2026-12-01T10:00:00.000Z", "005000000000009", "2026-12-01T10:00:00.400Z"),
        WORKER)).as("a 15-character id, and a stamp within the same second").isTrue();
  }

  @Test
  void aRecordAnyoneSavedAfterItsCreation_isAChange() {
    assertThat(OrgFeedReader.ownCreation(record(WORKER, "2026-12-01T10:00:00.000Z", ANN, "2026-12-01T10:00:05.000Z"), WORKER))
        .as("a person edited it").isFalse();
    assertThat(OrgFeedReader.ownCreation(record(WORKER, "2026-12-01T10:00:00.000Z", WORKER, "2026-12-01T10:00:05.000Z"), WORKER))
        .as("the worker updated it later: a person's edit may hide behind that, and other reps may hold it").isFalse();
    assertThat(OrgFeedReader.ownCreation(record(ANN, "2026-12-01T10:00:00.000Z", ANN, "2026-12-01T10:00:00.000Z"), WORKER))
        .as("a person made it").isFalse();
    assertThat(OrgFeedReader.ownCreation(record(ANN, "2026-12-01T10:00:00.000Z", WORKER, "2026-12-01T10:00:09.000Z"), WORKER))
        .as("the worker updated a person's record").isFalse();
  }
}
