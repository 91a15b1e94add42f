package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling is waiting: as long as Exchange asks, within bounds, and nothing is written twice. */
class EwsThrottlingIT {

  private ExchangeTestbedFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void serverBusyIsWaitedOutForTheBackOffExchangeNames() throws Exception {
    try (Mailbox mailbox = fixture.connector().open(ExchangeTestbedFixture.ANN)) {
      fixture.sim.fault(new JsonObject().put("operation", "SyncFolderItems").put("kind", "serverBusy")
          .put("backOffMilliseconds", 1234).put("count", 2));
      assertThat(mailbox.changes(ItemKind.CONTACT, Optional.empty()).size()).isZero();
    }
    assertThat(fixture.waits).containsExactly(Duration.ofMillis(1234), Duration.ofMillis(1234));
    assertThat(fixture.stats.throttleWaits()).isEqualTo(2);
    assertThat(fixture.metrics.render()).contains("exsync_ews_throttle_wait_milliseconds_total 2468");
  }

  @Test
  void http503BacksOffWithGrowingWaits() throws Exception {
    try (Mailbox mailbox = fixture.connector().open(ExchangeTestbedFixture.ANN)) {
      fixture.sim.fault(new JsonObject().put("operation", "CreateItem").put("kind", "http503").put("count", 2));
      assertThat(mailbox.create(ItemKind.CONTACT, List.of(new NewItem(ItemKind.CONTACT,
          Map.of(ExchangeField.SURNAME, "Once"), Optional.of("003ONCE"))))).singleElement()
          .satisfies(r -> assertThat(r.succeeded()).isTrue());
    }
    assertThat(fixture.waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(fixture.sim.contacts(ExchangeTestbedFixture.ANN, EwsFolders.SYNC_FOLDER)).as("written once").hasSize(1);
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsAsThrottled() throws Exception {
    try (Mailbox mailbox = fixture.connector().open(ExchangeTestbedFixture.ANN)) {
      fixture.sim.fault(new JsonObject().put("operation", "GetItem").put("kind", "serverBusy")
          .put("backOffMilliseconds", 60000).put("count", 10));
      assertThatThrownBy(() -> mailbox.get(ItemKind.CONTACT, List.of("AAMkAnything=")))
          .isInstanceOfSatisfying(MailboxException.class, e -> {
            assertThat(e.error()).isEqualTo(MailboxError.THROTTLED);
            assertThat(e.getMessage()).contains("still busy after 4 attempts");
          });
    }
    assertThat(fixture.waits).as("capped at the policy's longest wait").containsOnly(Duration.ofSeconds(30)).hasSize(3);
  }

  @Test
  void aServerErrorIsNotRetried_andIsNamed() throws Exception {
    try (Mailbox mailbox = fixture.connector().open(ExchangeTestbedFixture.ANN)) {
      fixture.sim.fault(new JsonObject().put("operation", "SyncFolderItems").put("kind", "http500"));
      assertThatThrownBy(() -> mailbox.changes(ItemKind.CONTACT, Optional.empty()))
          .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.UNAVAILABLE));
      assertThat(mailbox.changes(ItemKind.CONTACT, Optional.empty()).size()).isZero();
    }
    assertThat(fixture.waits).isEmpty();
  }
}
