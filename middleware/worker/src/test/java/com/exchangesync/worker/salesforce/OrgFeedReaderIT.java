package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.testkit.ManualClock;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The org feed's read leaves the worker's own untouched creates out in Salesforce, through the package's formula
 * (in a managed install's namespace here): after the integration user made 2,500 contacts the read returns none
 * and costs one query (it paged through them all before), while a record a person then edited, one the worker
 * updated in a later second, and one a person made are still read, and not as echoes. An org whose package lacks
 * the formula (not upgraded yet) refuses the filtered query; the reader then reads it whole, and for an hour asks
 * no more.
 */
class OrgFeedReaderIT {

  private SalesforceTestbedFixture sf;
  private SalesforceAdapter adapter;

  /** Starts the org on the package in {@code root}/force-app. */
  private void start(Path root) throws Exception {
    sf = new SalesforceTestbedFixture("exsync", new JsonObject(), root);
    adapter = sf.adapter();
  }

  @AfterEach
  void stop() throws Exception {
    if (sf != null) {
      adapter.client().close();
      sf.close();
    }
  }

  @Test
  void theWorkersOwnCreates_areLeftOutByTheServer_whileLaterSavesAreStillRead() throws Exception {
    start(SalesforceTestbedFixture.projectRoot());
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

  @Test
  void anOrgWithoutTheFormula_isReadWhole_andAskedForItAgainOnlyAnHourLater(@TempDir Path old) throws Exception {
    start(packageWithout(old, "main/default/objects/Contact/fields/" + OrgFeedReader.SAVED_SINCE_CREATED + ".field-meta.xml"));
    Instant before = adapter.serverNow().minusSeconds(60);
    String integrationUser = adapter.client().session().userId();
    String filtered = OrgFeedReader.query(adapter, "Contact", before, OrgChanges.MOST, integrationUser);
    String whole = OrgFeedReader.query(adapter, "Contact", before, OrgChanges.MOST, null);
    assertThat(filtered).as("the filter is asked for").contains(adapter.api(OrgFeedReader.SAVED_SINCE_CREATED));
    assertThatThrownBy(() -> adapter.queryList(filtered)).as("what the org answers the filter, as a real one does")
        .isInstanceOfSatisfying(SalesforceException.class, e -> assertThat(e.code()).isEqualTo("INVALID_FIELD"));

    adapter.create(IntStream.range(0, 3).mapToObj(i -> SalesforceRecord.of("Contact", null,
        Map.of("LastName", "Made" + i, "OwnerId", SalesforceTestbedFixture.ANN))).toList());
    sf.sim.create("Contact", new JsonObject().put("LastName", "Made by a person").put("OwnerId", SalesforceTestbedFixture.ANN));
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    OrgFeedReader reader = new OrgFeedReader(adapter, "Contact", clock);

    List<Boolean> echoes = new ArrayList<>();
    assertThat(queriesOf(() -> assertThat(reader.read(before, OrgChanges.MOST, (owner, stamp, echo) -> echoes.add(echo))).isTrue()))
        .as("the filtered query, refused, then the whole read").containsExactly(filtered, whole);
    assertThat(echoes).as("the worker's three creates, echoes, and the person's record").containsExactlyInAnyOrder(true, true, true, false);

    clock.advance(OrgFeedReader.ASK_AGAIN_AFTER.minus(Duration.ofMinutes(1)));
    assertThat(queriesOf(() -> reader.read(before, OrgChanges.MOST, (owner, stamp, echo) -> { })))
        .as("within the hour: read whole at once, no second refusal").containsExactly(whole);

    clock.advance(Duration.ofMinutes(2));
    assertThat(queriesOf(() -> reader.read(before, OrgChanges.MOST, (owner, stamp, echo) -> { })))
        .as("an hour on: the filter is asked for again").containsExactly(filtered, whole);
  }

  /** A copy of this repository's package in {@code root}/force-app without {@code file} (a path under force-app). */
  private static Path packageWithout(Path root, String file) throws IOException {
    Path from = SalesforceTestbedFixture.projectRoot().resolve("force-app");
    assertThat(from.resolve(file)).as("the file left out is in the package").isRegularFile();
    Path to = root.resolve("force-app");
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path copy = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(copy);
        } else if (!p.equals(from.resolve(file))) {
          Files.copy(p, copy);
        }
      }
    }
    return root;
  }

  @FunctionalInterface
  private interface Read {
    void run() throws Exception;
  }

  /** The SOQL statements the org was sent while {@code read} ran. */
  private List<String> queriesOf(Read read) throws Exception {
    int seen = sf.sim.queries().size();
    read.run();
    List<String> all = sf.sim.queries();
    return all.subList(seen, all.size());
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
