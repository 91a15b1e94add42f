package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The org feed's read leaves the worker's own untouched creates out in Salesforce, through the package's formula
 * (in a managed install's namespace here): after the integration user made 2,500 contacts the read returns none
 * and costs one query (it paged through them all before), while a record a person then edited, one the worker
 * updated in a later second, and one a person made are still read, and not as echoes.
 */
class OrgFeedReaderIT {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    sf = new SalesforceTestbedFixture("exsync", new JsonObject());
    adapter = sf.adapter();
  }

  @AfterEach
  void stop() throws Exception {
    adapter.client().close();
    sf.close();
  }

  @Test
  void theWorkersOwnCreates_areLeftOutByTheServer_whileLaterSavesAreStillRead() throws Exception {
    Instant before = adapter.serverNow().minusSeconds(60);
    List<SalesforceRecord> made = IntStream.range(0, 2_500).mapToObj(i -> SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Made" + i, "OwnerId", SalesforceTestbedFixture.ANN))).toList();
    List<String> ids = adapter.create(made).stream().map(WriteResult::id).toList();
    assertThat(ids).hasSize(2_500).doesNotContainNull();

    Map<String, Boolean> read = readFeed(before);
    assertThat(read.size()).as("records read of the 2,500 the worker made, as it made them").isZero();
    assertThat(lastReadCalls).as("one query, no queryMore (2,500 rows paged once before)")
        .containsExactlyInAnyOrderEntriesOf(Map.of("query", 1L, "queryMore", 0L));

    sf.sim.update("Contact", ids.get(0), new JsonObject().put("Title", "Edited by a person"));
    sf.sim.advanceClock(1);
    adapter.update(List.of(SalesforceRecord.of("Contact", ids.get(1), Map.of("Title", "Updated by the worker later"))));
    String persons = sf.sim.create("Contact", new JsonObject().put("LastName", "Made by a person")
        .put("OwnerId", SalesforceTestbedFixture.ANN)).getString("Id");

    read = readFeed(before);
    assertThat(read.keySet()).as("by owner's record: the edited, the updated and the person's own")
        .containsExactlyInAnyOrder(SalesforceId.canonical(ids.get(0)).orElseThrow(), SalesforceId.canonical(ids.get(1)).orElseThrow(),
            SalesforceId.canonical(persons).orElseThrow());
    assertThat(read.values()).as("none of them an echo").containsOnly(false);
    assertThat(lastReadCalls).containsExactlyInAnyOrderEntriesOf(Map.of("query", 1L, "queryMore", 0L));
  }

  private Map<String, Long> lastReadCalls = Map.of();

  /** What one read of the feed after {@code after} found, by record id (the reader hands over owners; ids come from a stamp match). */
  private Map<String, Boolean> readFeed(Instant after) throws Exception {
    long queries = sf.calls("query");
    long more = sf.calls("queryMore");
    List<Instant> stamps = new ArrayList<>();
    List<Boolean> echoes = new ArrayList<>();
    boolean whole = new OrgFeedReader(adapter, "Contact").read(after, OrgChanges.MOST, (owner, stamp, echo) -> {
      stamps.add(stamp);
      echoes.add(echo);
    });
    assertThat(whole).isTrue();
    lastReadCalls = Map.of("query", sf.calls("query") - queries, "queryMore", sf.calls("queryMore") - more);
    // The reader reports owners and stamps only: the same query, with ids, names the records it found.
    Map<String, Boolean> byId = new LinkedHashMap<>();
    List<SalesforceRecord> rows = adapter.queryList(OrgFeedReader.query(adapter, "Contact", after, OrgChanges.MOST,
        adapter.client().session().userId()).replaceFirst("^SELECT ", "SELECT Id, "));
    assertThat(rows).hasSameSizeAs(stamps);
    for (int i = 0; i < rows.size(); i++) {
      byId.put(rows.get(i).id(), echoes.get(i));
    }
    return byId;
  }
}
