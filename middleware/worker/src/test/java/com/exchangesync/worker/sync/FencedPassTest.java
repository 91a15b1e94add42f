package com.exchangesync.worker.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.NewItem;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every write request of a pass is fenced by the mailbox's lease: once the fence
 * stops holding, the pass sends no further request to either side, saves no
 * state, and the next pass (by whoever holds the lease) finishes the work with
 * nothing doubled.
 */
class FencedPassTest {

  /** A fence that holds for the first {@code checks} write requests, then never again. */
  private static Fence holdingFor(int checks, AtomicInteger asked) {
    return () -> asked.incrementAndGet() <= checks;
  }

  @Test
  void aFenceThatStopsHolding_stopsThePassBeforeItsNextWriteRequest_andSavesNothing() throws Exception {
    SyncBench bench = new SyncBench();
    int perSide = FencedSalesforce.REQUEST_SIZE + 50; // two Salesforce calls, three Exchange requests
    for (int i = 0; i < perSide; i++) {
      bench.ui().create(SyncBench.sf("Sf" + i, "Person", "sf" + i + "@x.com"));
      bench.outlook().create(ItemKind.CONTACT, SyncBench.ex("Ex" + i, "Person", "ex" + i + "@x.com"));
    }
    int itemsBefore = bench.items().size();
    AtomicInteger asked = new AtomicInteger();
    try (Mailbox mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      SyncPass pass = new SyncPass(mailbox, bench.salesforce, bench.store, "worker-1", bench.clock, holdingFor(1, asked));
      assertThatThrownBy(() -> pass.run(bench.context())).isInstanceOf(LeaseLostException.class);
    }
    assertThat(asked).as("stopped at the second write request").hasValue(2);
    int written = bench.items().size() - itemsBefore + bench.salesforce.snapshot().size() - perSide;
    assertThat(written).as("exactly one request's worth was written").isBetween(1, FencedSalesforce.REQUEST_SIZE);
    assertThat(bench.store.load(new MailboxKey(SyncBench.ORG, SyncBench.REP), bench.context().rules().itemKind()).links())
        .as("nothing saved").isEmpty();

    bench.sync();
    assertThat(bench.items()).as("the next pass finished without doubling").hasSize(2 * perSide);
    assertThat(bench.salesforce.snapshot()).hasSize(2 * perSide);
    assertThat(bench.sync().writes()).isZero();
  }

  @Test
  void aCreateSentAfterTheLeaseWasLost_undoesTheItemsItDoubled_andKeepsThoseThatAreAlone() throws Exception {
    SyncBench bench = new SyncBench();
    String synced = bench.ui().create(SyncBench.sf("Lee", "Synced", "lee@x.com"));
    bench.sync(); // the worker that took the mailbox over made Lee's item and linked it
    String fresh = bench.ui().create(SyncBench.sf("Kim", "Fresh", "kim@x.com"));
    int itemsBefore = bench.items().size();

    // The stalled worker's create passed its fence check, then was sent once it resumed, lease gone.
    AtomicInteger asked = new AtomicInteger();
    try (Mailbox mailbox = bench.exchange.open(SyncBench.EMAIL)) {
      FencedMailbox late = new FencedMailbox(mailbox, holdingFor(1, asked));
      assertThatThrownBy(() -> late.create(ItemKind.CONTACT, List.of(
          new NewItem(ItemKind.CONTACT, SyncBench.ex("Lee", "Synced", "lee@x.com"), Optional.of(synced)),
          new NewItem(ItemKind.CONTACT, SyncBench.ex("Kim", "Fresh", "kim@x.com"), Optional.of(fresh)))))
          .isInstanceOf(Fence.FencedOut.class);
    }
    assertThat(asked).as("checked before and after the request").hasValue(2);
    assertThat(bench.items()).as("Lee's second item deleted again; Kim's, alone, kept").hasSize(itemsBefore + 1);
    assertThat(bench.items()).filteredOn(i -> i.salesforceId().equals(Optional.of(synced))).hasSize(1);

    bench.sync();
    assertThat(bench.items()).as("the next pass links Kim's item by its mark instead of making another").hasSize(2);
    assertThat(bench.salesforce.snapshot()).hasSize(2);
    assertThat(bench.sync().writes()).isZero();
  }
}
