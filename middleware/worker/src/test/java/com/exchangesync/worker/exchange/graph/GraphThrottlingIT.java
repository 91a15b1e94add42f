package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.ItemResult;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling is waiting, not failing: Graph's {@code 429} and {@code 503} are
 * waited out for the {@code Retry-After} they name (recorded here, not slept),
 * inside a {@code $batch} only the refused requests go again, nothing is written
 * twice, and only a mailbox still throttled after every attempt fails, as
 * {@code THROTTLED}. Many tasks on one mailbox never have more than four
 * requests in flight, so Graph never has to refuse one for concurrency.
 */
class GraphThrottlingIT {

  private static final String ANN = ExchangeTestbedFixture.ANN;
  private GraphTestbedFixture fixture;
  private MailboxConnector connector;

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
    connector = fixture.connector();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static List<NewItem> contacts(int n, String prefix) {
    List<NewItem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new NewItem(ItemKind.CONTACT, Map.of(ExchangeField.GIVEN_NAME, prefix + i, ExchangeField.SURNAME, "Busy",
          ExchangeField.EMAIL, prefix.toLowerCase() + i + "@x.example.com"), Optional.of("003T" + prefix + i)));
    }
    return out;
  }

  @Test
  void a429WaitsTheRetryAfterGraphNames_andOnlyTheRefusedRequestsOfABatchGoAgain() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      fixture.fault(new JsonObject().put("operation", "contacts.create").put("kind", "http429").put("count", 3)
          .put("retryAfterSeconds", 7));
      List<ItemResult> results = m.create(ItemKind.CONTACT, contacts(25, "T"));
      assertThat(results).hasSize(25).allSatisfy(r -> assertThat(r.succeeded()).as(r.message()).isTrue());
      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(7));
      assertThat(fixture.sim.contacts(ANN, GraphFolders.SYNC_FOLDER)).as("nothing written twice").hasSize(25);
      assertThat(fixture.calls("contacts.create")).as("25 creates and the 3 refused again").isEqualTo(28);
      assertThat(fixture.calls("batch")).as("two batches of 20 and 5, then one of the 3 refused").isEqualTo(3);
      assertThat(fixture.stats.throttleWaits()).isOne();
    }
  }

  @Test
  void a503OnReadsIsWaitedOut_andAMailboxStillBusyAfterEveryAttemptFailsAsThrottled() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      m.create(ItemKind.CONTACT, contacts(3, "R"));
      fixture.fault(new JsonObject().put("operation", "contacts.delta").put("kind", "http503").put("count", 2)
          .put("retryAfterSeconds", 2));
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).changed()).hasSize(3);
      assertThat(fixture.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));

      fixture.fault(new JsonObject().put("operation", "*").put("kind", "http429").put("count", -1).put("retryAfterSeconds", 1));
      assertThatThrownBy(() -> m.changes(ItemKind.CONTACT, Optional.empty()))
          .isInstanceOfSatisfying(MailboxException.class, e -> {
            assertThat(e.error()).isEqualTo(MailboxError.THROTTLED);
            assertThat(e.getMessage()).contains("still throttling after 4 attempts").contains("ApplicationThrottled");
          });
    }
  }

  @Test
  void sixTasksOnOneMailbox_neverHaveMoreThanFourRequestsInFlight() throws Exception {
    try (Mailbox m = connector.open(ANN)) {
      m.create(ItemKind.CONTACT, contacts(10, "C"));
    }
    // Slow answers keep every task's requests in flight together.
    for (String operation : List.of("contactFolders.list", "contacts.delta")) {
      fixture.fault(new JsonObject().put("operation", operation).put("kind", "latency").put("ms", 300).put("count", -1));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        tasks.add(pool.submit(() -> {
          try (Mailbox m = connector.open(ANN)) {
            int n = m.changes(ItemKind.CONTACT, Optional.empty()).changed().size();
            return n + m.findBySalesforceIds(ItemKind.CONTACT, List.of("003TC1", "003TC2")).size();
          }
        }));
      }
      for (Future<Integer> task : tasks) {
        assertThat(task.get()).isEqualTo(12);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fixture.graphStats().getLong("throttled")).as("requests Graph refused for a fifth in flight").isZero();
    assertThat(fixture.waits).isEmpty();
  }
}
