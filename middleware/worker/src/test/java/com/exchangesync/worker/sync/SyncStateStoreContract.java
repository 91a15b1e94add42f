package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ItemKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every sync state store keeps: run by the in-memory and the PostgreSQL stores. */
public abstract class SyncStateStoreContract {

  protected static final MailboxKey ANN = new MailboxKey("00D000000000001", "005000000000001");
  protected static final MailboxKey BOB = new MailboxKey("00D000000000001", "005000000000002");
  protected static final String OWNER = "worker-a";

  protected abstract SyncStateStore store();

  /** Makes {@code owner} hold (or not) the lease of {@code mailbox}. */
  protected abstract void lease(MailboxKey mailbox, String owner);

  @Test
  void savesAndLoadsLinksTombstonesAndCursors_perRepAndKind() throws Exception {
    lease(ANN, OWNER);
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange()
        .link(new Link("003A", "ex-1", Map.of("email", "a@x.com", "surname", "Lee"), "ck1"))
        .link(new Link("003B", "ex-2", Map.of(), null))
        .tombstone(new Tombstone(Side.SALESFORCE, "003C", "fp"))
        .cursor(Side.EXCHANGE, new Cursor("state-1", Direction.BOTH))
        .cursor(Side.SALESFORCE, new Cursor("2026-11-25T10:00:00Z", Direction.BOTH)));
    SyncState state = store().load(ANN, ItemKind.CONTACT);
    assertThat(state.links()).containsExactlyInAnyOrder(new Link("003A", "ex-1", Map.of("email", "a@x.com", "surname", "Lee"), "ck1"),
        new Link("003B", "ex-2", Map.of(), null));
    assertThat(state.tombstones()).containsExactly(new Tombstone(Side.SALESFORCE, "003C", "fp"));
    assertThat(state.cursor(Side.EXCHANGE, Direction.BOTH)).contains(new Cursor("state-1", Direction.BOTH));
    assertThat(state.cursor(Side.EXCHANGE, Direction.SALESFORCE_TO_EXCHANGE)).as("another direction reads afresh").isEmpty();
    assertThat(store().load(ANN, ItemKind.EVENT).links()).isEmpty();
    assertThat(store().load(BOB, ItemKind.CONTACT).links()).isEmpty();
  }

  @Test
  void aPageLooksUpOnlyTheLinksAndTombstonesOfTheRecordsItRead() throws Exception {
    lease(ANN, OWNER);
    lease(BOB, OWNER);
    Link a = new Link("003A", "ex-1", Map.of("email", "a@x.com"), "ck1");
    Link series = new Link("003S", "ex-s", Map.of(), "cks", null);
    Link occurrence = new Link("003O", "ex-o", Map.of("subject", "Standup"), "cko", "003S");
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().link(a).link(new Link("003B", "ex-2", Map.of(), null))
        .tombstone(new Tombstone(Side.EXCHANGE, "ex-9", "fp9"))
        .cursor(Side.EXCHANGE, new Cursor("state-1", Direction.BOTH))
        .retry(new Retry(Side.SALESFORCE, "003R", 1, java.time.Instant.parse("2026-11-25T12:00:00Z"))));
    store().save(ANN, ItemKind.EVENT, OWNER, new StateChange().link(series).link(occurrence));
    store().save(BOB, ItemKind.CONTACT, OWNER, new StateChange().link(new Link("003X", "ex-x", Map.of(), null)));

    SyncState start = store().start(ANN, ItemKind.CONTACT);
    assertThat(start.links()).as("a pass starts without the links").isEmpty();
    assertThat(start.tombstones()).isEmpty();
    assertThat(start.cursor(Side.EXCHANGE, Direction.BOTH)).contains(new Cursor("state-1", Direction.BOTH));
    assertThat(start.retries()).extracting(Retry::recordId).containsExactly("003R");

    assertThat(store().linksOfSalesforce(ANN, ItemKind.CONTACT, java.util.List.of("003A", "003X", "003none")))
        .as("only the rep's and kind's, only those asked").containsOnlyKeys("003A").containsEntry("003A", a);
    assertThat(store().linksOfExchange(ANN, ItemKind.CONTACT, java.util.List.of("ex-1", "ex-x", "ex-o")))
        .containsOnlyKeys("ex-1");
    assertThat(store().linksInSeries(ANN, ItemKind.EVENT, "003S")).containsExactly(occurrence);
    assertThat(store().linksInSeries(ANN, ItemKind.CONTACT, "003S")).isEmpty();
    assertThat(store().tombstones(ANN, ItemKind.CONTACT, Side.EXCHANGE, java.util.List.of("ex-9", "ex-1")))
        .containsExactly(Map.entry("ex-9", new Tombstone(Side.EXCHANGE, "ex-9", "fp9")));
    assertThat(store().tombstones(ANN, ItemKind.CONTACT, Side.SALESFORCE, java.util.List.of("ex-9"))).isEmpty();

    LinkedIds linked = store().linkedSalesforceIds(ANN, ItemKind.CONTACT);
    assertThat(linked.isEmpty()).isFalse();
    assertThat(linked.among(java.util.List.of("003A", "003X", "003B", "003none"))).containsExactlyInAnyOrder("003A", "003B");
    assertThat(linked.all()).containsExactlyInAnyOrder("003A", "003B");
    assertThat(store().linkedSalesforceIds(BOB, ItemKind.EVENT).isEmpty()).isTrue();
    assertThat(store().linkCount(ANN, ItemKind.CONTACT)).isEqualTo(2);
    assertThat(store().linkCount(ANN, ItemKind.EVENT)).isEqualTo(2);
    assertThat(store().linkCount(BOB, ItemKind.EVENT)).isZero();
  }

  @Test
  void relinkingAnExchangeItemDropsItsOldPair_andUnlinkForgets() throws Exception {
    lease(ANN, OWNER);
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().link(new Link("003A", "ex-1", Map.of(), "ck1")));
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().link(new Link("003Z", "ex-1", Map.of("f", "v"), "ck2")));
    assertThat(store().load(ANN, ItemKind.CONTACT).links()).containsExactly(new Link("003Z", "ex-1", Map.of("f", "v"), "ck2"));
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().unlink("003Z")
        .clearTombstone(new Tombstone(Side.EXCHANGE, "nothing", "x")));
    assertThat(store().load(ANN, ItemKind.CONTACT).links()).isEmpty();
  }

  @Test
  void retriesAreKeptUntilCleared() throws Exception {
    lease(ANN, OWNER);
    java.time.Instant at = java.time.Instant.parse("2026-11-25T12:00:00Z");
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().retry(new Retry(Side.EXCHANGE, "ex-1", 2, at)));
    assertThat(store().load(ANN, ItemKind.CONTACT).retries()).containsExactly(new Retry(Side.EXCHANGE, "ex-1", 2, at));
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().retry(new Retry(Side.EXCHANGE, "ex-1", 3, at.plusSeconds(60))));
    assertThat(store().load(ANN, ItemKind.CONTACT).retries()).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(3));
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().clearRetry(new Retry(Side.EXCHANGE, "ex-1", 3, at)));
    assertThat(store().load(ANN, ItemKind.CONTACT).retries()).isEmpty();
  }

  @Test
  void aWorkerWithoutTheLeaseCannotWrite() throws Exception {
    lease(ANN, "worker-b");
    assertThatThrownBy(() -> store().save(ANN, ItemKind.CONTACT, OWNER,
        new StateChange().link(new Link("003A", "ex-1", Map.of(), null)))).isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store().reset(ANN, OWNER)).isInstanceOf(LeaseLostException.class);
    assertThat(store().load(ANN, ItemKind.CONTACT).links()).isEmpty();
  }

  @Test
  void resetForgetsEverythingOfThatRepOnly() throws Exception {
    lease(ANN, OWNER);
    lease(BOB, OWNER);
    for (MailboxKey rep : new MailboxKey[] {ANN, BOB}) {
      for (ItemKind kind : ItemKind.values()) {
        store().save(rep, kind, OWNER, new StateChange().link(new Link("003A", "ex-1", Map.of(), null))
            .cursor(Side.EXCHANGE, new Cursor("t", Direction.BOTH)).tombstone(new Tombstone(Side.EXCHANGE, "ex-9", "f")));
      }
    }
    store().reset(ANN, OWNER);
    for (ItemKind kind : ItemKind.values()) {
      SyncState ann = store().load(ANN, kind);
      assertThat(ann.links()).isEmpty();
      assertThat(ann.tombstones()).isEmpty();
      assertThat(ann.cursors()).isEmpty();
      assertThat(store().load(BOB, kind).links()).hasSize(1);
    }
  }

  @Test
  void unlinkedItemsAreFoundByTheirMatchKey_untilTheyAreForgotten_orTheRepIsReset() throws Exception {
    lease(ANN, OWNER);
    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().unlinkedItem("AAMk1", "ann@x.com")
        .unlinkedItem("AAMk2", "bo@x.com").unlinkedItem("AAMk3", "ann@x.com"));
    assertThat(store().unlinkedItems(ANN, ItemKind.CONTACT, java.util.Set.of("ann@x.com", "cy@x.com")))
        .containsOnlyKeys("ann@x.com").satisfies(m -> assertThat(m.get("ann@x.com")).containsExactlyInAnyOrder("AAMk1", "AAMk3"));
    assertThat(store().unlinkedItems(ANN, ItemKind.EVENT, java.util.Set.of("ann@x.com"))).as("per kind").isEmpty();
    assertThat(store().unlinkedItems(BOB, ItemKind.CONTACT, java.util.Set.of("ann@x.com"))).as("per rep").isEmpty();

    store().save(ANN, ItemKind.CONTACT, OWNER, new StateChange().forgetUnlinkedItem("AAMk1").unlinkedItem("AAMk2", "bob@x.com"));
    assertThat(store().unlinkedItems(ANN, ItemKind.CONTACT, java.util.Set.of("ann@x.com", "bo@x.com", "bob@x.com")))
        .containsOnlyKeys("ann@x.com", "bob@x.com");
    store().reset(ANN, OWNER);
    assertThat(store().unlinkedItems(ANN, ItemKind.CONTACT, java.util.Set.of("ann@x.com", "bob@x.com"))).isEmpty();
  }
}
