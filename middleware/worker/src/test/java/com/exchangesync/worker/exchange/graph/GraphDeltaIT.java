package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ExchangeField;
import com.exchangesync.worker.exchange.ExchangeItem;
import com.exchangesync.worker.exchange.ItemChanges;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.NewItem;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delta queries behind {@code changes}: an expired delta token is named as
 * an invalid sync state (on which the engine reads the folder afresh), the
 * calendar's window moves with the month by finishing the old round (a deletion
 * made meanwhile is still reported) and starting a new one that lists the window
 * again, a removed occurrence is never taken for a deleted single, a series that
 * became single again is a change (not a deletion), and a saved token survives a
 * moved Graph URL (links are kept relative).
 */
class GraphDeltaIT {

  private static final String ANN = ExchangeTestbedFixture.ANN;
  private GraphTestbedFixture fixture;
  private MutableClock windowClock;
  private Mailbox mailbox;

  /** A clock a test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
    windowClock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
    mailbox = fixture.connector(windowClock).open(ANN);
  }

  @AfterEach
  void stop() throws Exception {
    mailbox.close();
    fixture.close();
  }

  private static Map<ExchangeField, String> event(String subject, String start, String end) {
    return Map.of(ExchangeField.SUBJECT, subject, ExchangeField.START, start, ExchangeField.END, end);
  }

  private String created(Map<ExchangeField, String> values) throws Exception {
    return mailbox.create(ItemKind.EVENT, List.of(new NewItem(ItemKind.EVENT, values, Optional.empty()))).get(0).id().orElseThrow();
  }

  private ItemChanges drain(ItemKind kind, Optional<String> token) throws Exception {
    List<ExchangeItem> changed = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    ItemChanges page;
    do {
      page = mailbox.changes(kind, token);
      changed.addAll(page.changed());
      deleted.addAll(page.deletedIds());
      token = Optional.of(page.syncToken());
    } while (page.moreAvailable());
    return new ItemChanges(changed, deleted, page.syncToken(), false);
  }

  @Test
  void anExpiredDeltaToken_isAnInvalidSyncState_forContactsAndEvents() throws Exception {
    created(event("Once", "2026-07-01T08:00:00Z", "2026-07-01T09:00:00Z"));
    String events = drain(ItemKind.EVENT, Optional.empty()).syncToken();
    String contacts = drain(ItemKind.CONTACT, Optional.empty()).syncToken();
    fixture.fault(new JsonObject().put("operation", "*").put("kind", "expireDeltaTokens"));
    for (var kindAndToken : Map.of(ItemKind.EVENT, events, ItemKind.CONTACT, contacts).entrySet()) {
      assertThatThrownBy(() -> mailbox.changes(kindAndToken.getKey(), Optional.of(kindAndToken.getValue())))
          .isInstanceOfSatisfying(MailboxException.class, e -> {
            assertThat(e.error()).isEqualTo(MailboxError.INVALID_SYNC_STATE);
            assertThat(e.getMessage()).contains("410").contains("SyncStateNotFound");
          });
    }
    assertThat(drain(ItemKind.EVENT, Optional.empty()).changed()).as("a fresh read lists the calendar again")
        .extracting(i -> i.value(ExchangeField.SUBJECT).orElseThrow()).containsExactly("Once");
  }

  @Test
  void whenTheMonthTurns_theOldRoundIsFinished_andANewOneListsTheNewWindow() throws Exception {
    String keep = created(event("Stays", "2026-08-03T08:00:00Z", "2026-08-03T09:00:00Z"));
    String goes = created(event("Deleted as the month turns", "2026-08-04T08:00:00Z", "2026-08-04T09:00:00Z"));
    String token = drain(ItemKind.EVENT, Optional.empty()).syncToken();

    fixture.sim.deleteEvent(ANN, goes);
    windowClock.now = windowClock.now.plus(Duration.ofDays(31));
    ItemChanges moved = drain(ItemKind.EVENT, Optional.of(token));
    assertThat(moved.deletedIds()).as("the old round's last changes").containsExactly(goes);
    assertThat(moved.changed()).as("the new window's singles, listed again").extracting(ExchangeItem::id).containsExactly(keep);
    long deltaCalls = fixture.calls("calendarView.delta");

    ItemChanges quiet = drain(ItemKind.EVENT, Optional.of(moved.syncToken()));
    assertThat(quiet.size()).as("a quiet calendar in the new window").isZero();
    assertThat(fixture.calls("calendarView.delta") - deltaCalls).isOne();
  }

  @Test
  void aDeletedSeries_andOneMadeSingle_areTheirMastersChanges_neverDeletedSingles() throws Exception {
    Map<ExchangeField, String> series = new java.util.HashMap<>(event("Weekly", "2026-07-06T08:00:00Z", "2026-07-06T08:30:00Z"));
    series.put(ExchangeField.RECURRENCE, "FREQ=WEEKLY;BYDAY=MO;COUNT=4");
    String gone = created(series);
    String single = created(series);
    String lone = created(event("Lone", "2026-07-07T08:00:00Z", "2026-07-07T09:00:00Z"));
    String token = drain(ItemKind.EVENT, Optional.empty()).syncToken();

    fixture.sim.deleteEvent(ANN, gone);
    Map<ExchangeField, String> noRule = new java.util.HashMap<>();
    noRule.put(ExchangeField.RECURRENCE, null);
    mailbox.update(ItemKind.EVENT, List.of(new com.exchangesync.worker.exchange.ItemUpdate(single, Optional.empty(), noRule,
        Optional.empty())));
    fixture.sim.deleteEvent(ANN, lone);
    ItemChanges changes = drain(ItemKind.EVENT, Optional.of(token));
    assertThat(changes.deletedIds()).as("the deleted series (its master), the deleted single; no occurrence")
        .containsExactlyInAnyOrder(gone, lone);
    assertThat(changes.changed()).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo(single);
      assertThat(i.values()).containsEntry(ExchangeField.CALENDAR_ITEM_TYPE, "Single");
    });
  }

  @Test
  void aSavedPositionKeepsItsLinksRelativeToGraphsUrl_soAMovedUrlDoesNotStrandIt() throws Exception {
    created(event("Before", "2026-07-01T08:00:00Z", "2026-07-01T09:00:00Z"));
    String token = drain(ItemKind.EVENT, Optional.empty()).syncToken();
    String decoded = new String(java.util.Base64.getUrlDecoder().decode(token));
    assertThat(decoded).doesNotContain(fixture.graph.baseUrl()).contains("\"link\":\"/users/");
    created(event("After", "2026-07-02T08:00:00Z", "2026-07-02T09:00:00Z"));
    assertThat(drain(ItemKind.EVENT, Optional.of(token)).changed()).extracting(i -> i.value(ExchangeField.SUBJECT).orElseThrow())
        .containsExactly("After");
  }
}
