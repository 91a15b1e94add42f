package com.exchangesync.worker.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One getDeleted read per object serves the reps of a cycle, each answered for its own watermark. */
class OrgDeletionsTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  private static final String A = "003000000000001AAA";
  private static final String B = "003000000000002AAA";

  private final List<Instant> reads = new ArrayList<>();
  private final OrgDeletions deletions = new OrgDeletions();

  private OrgDeletions.DeletedWindow read(String object, Instant from) {
    reads.add(from);
    return new OrgDeletions.DeletedWindow(from, T, Map.of(A, T.minusSeconds(600), B, T.minusSeconds(30)), null, false);
  }

  @Test
  void repsOfOneCycle_shareOneRead_eachSeeingTheDeletionsSinceItsOwnWatermark() throws Exception {
    DeletedRecords ann = deletions.since("Contact", T.minusSeconds(120), this::read);
    DeletedRecords bob = deletions.since("Contact", T.minusSeconds(900), this::read);
    assertThat(reads).as("one read for both, starting before either watermark").hasSize(1);
    assertThat(ann.ids()).containsExactly(B);
    assertThat(ann.complete()).isTrue();
    assertThat(bob.ids()).containsExactlyInAnyOrder(A, B);

    deletions.since("Event", T.minusSeconds(120), this::read);
    assertThat(reads).as("each object is read once").hasSize(2);
  }

  @Test
  void repsAskingAtOnce_waitForOneRead() throws Exception {
    java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger slowReads = new java.util.concurrent.atomic.AtomicInteger();
    OrgDeletions.Reader slow = (object, from) -> {
      slowReads.incrementAndGet();
      reading.countDown();
      try {
        Thread.sleep(200); // long enough for the other reps to ask meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return read(object, from);
    };
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      List<java.util.concurrent.Future<DeletedRecords>> asked = new ArrayList<>();
      asked.add(pool.submit(() -> deletions.since("Contact", T.minusSeconds(120), slow)));
      reading.await();
      for (int i = 0; i < 3; i++) {
        asked.add(pool.submit(() -> deletions.since("Contact", T.minusSeconds(120), slow)));
      }
      for (var f : asked) {
        assertThat(f.get().ids()).containsExactly(B);
      }
    }
    assertThat(slowReads.get()).as("four reps at once, one read").isEqualTo(1);
  }

  @Test
  void aWatermarkBeforeTheSharedRead_orANewCycle_readsAgain() throws Exception {
    deletions.since("Contact", T.minusSeconds(120), this::read);
    deletions.since("Contact", T.minusSeconds(120).minus(OrgDeletions.SPAN).minusSeconds(1), this::read);
    assertThat(reads).hasSize(2);
    deletions.startCycle();
    deletions.since("Contact", T.minusSeconds(120), this::read);
    assertThat(reads).hasSize(3);
  }

  @Test
  void aWindowSalesforceNoLongerCovers_isAnsweredIncomplete() throws Exception {
    OrgDeletions.DeletedWindow trimmed = new OrgDeletions.DeletedWindow(T.minusSeconds(3600), T, Map.of(),
        T.minusSeconds(60), false);
    assertThat(trimmed.since(T.minusSeconds(120)).complete()).as("before earliestDateAvailable").isFalse();
    assertThat(trimmed.since(T.minusSeconds(30)).complete()).isTrue();
    OrgDeletions.DeletedWindow refused = new OrgDeletions.DeletedWindow(T, T, Map.of(), null, true);
    assertThat(refused.since(T).complete()).as("INVALID_REPLICATION_DATE").isFalse();
  }
}
