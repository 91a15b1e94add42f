package com.exchangesync.worker.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases: one holder per mailbox, taken over after expiry, never waited on. */
class MailboxLeasesIT {

  private static final Duration TTL = Duration.ofSeconds(30);
  private Vertx vertx;
  private TestDatabase db;
  private Pool pool;
  private MailboxLeases leases;
  private final List<MailboxKey> reps = IntStream.range(0, 20)
      .mapToObj(i -> new MailboxKey("00D1", "005" + i)).toList();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    db = TestDatabase.create("leases");
    pool = db.pool(vertx, 8);
    Blocking.await(Migrations.worker().migrate(pool));
    leases = new MailboxLeases(pool);
  }

  @AfterEach
  void stop() {
    Blocking.await(vertx.close());
    db.close();
  }

  @Test
  void workersTakingAtOnceNeverShareAMailbox() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<List<MailboxKey>>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String owner = "worker-" + w;
      workers.add(() -> leases.acquire(owner, reps, 8, TTL));
    }
    List<MailboxKey> all = new ArrayList<>();
    for (Future<List<MailboxKey>> f : pool.invokeAll(workers)) {
      all.addAll(f.get());
    }
    pool.shutdown();
    assertThat(all).doesNotHaveDuplicates().hasSize(20);
    assertThat(new HashSet<>(all)).containsExactlyInAnyOrderElementsOf(reps);
  }

  @Test
  void aHeldLeaseIsNotTaken_untilItExpiresOrIsReleased() {
    List<MailboxKey> mine = leases.acquire("a", reps.subList(0, 2), 10, Duration.ofSeconds(1));
    assertThat(mine).hasSize(2);
    assertThat(leases.acquire("b", reps.subList(0, 2), 10, TTL)).isEmpty();
    assertThat(leases.holder(reps.get(0))).isEqualTo("a");
    assertThat(leases.renew("a", reps.get(0), TTL)).isTrue();
    leases.release("a", reps.get(0));
    assertThat(leases.acquire("b", reps.subList(0, 2), 10, TTL)).containsExactly(reps.get(0));
    Blocking.await(this.pool.query("UPDATE mailbox_lease SET expires_at = now() - interval '1 second' WHERE owner = 'a'").execute());
    assertThat(leases.renew("a", reps.get(1), TTL)).as("an expired lease cannot be renewed").isFalse();
    assertThat(leases.acquire("b", reps.subList(0, 2), 10, TTL)).as("b holds both now")
        .containsExactlyInAnyOrder(reps.get(0), reps.get(1));
    assertThat(leases.holder(reps.get(1))).isEqualTo("b");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aLeaseBeingRenewed_isStillItsHolders_andNotAnotherWorkers() {
    assertThat(leases.acquire("a", reps.subList(0, 3), 3, TTL)).hasSize(3);
    io.vertx.sqlclient.SqlConnection renewing = Blocking.await(pool.getConnection());
    try {
      // The heartbeat's renewal (renewAll) caught in the middle: it has locked the rows, after the acquire's insert of
      // missing rows and before its update, which skips locked rows.
      io.vertx.sqlclient.Transaction tx = Blocking.await(renewing.begin());
      Blocking.await(renewing.query("SELECT 1 FROM mailbox_lease WHERE owner = 'a' FOR UPDATE").execute());
      assertThat(leases.acquire("a", List.of(reps.get(0)), 1, TTL)).as("a rep's pass takes its own lease").containsExactly(reps.get(0));
      assertThat(leases.acquire("a", reps.subList(0, 5), 4, TTL)).as("its own locked ones and free ones, no more than asked")
          .hasSize(4).contains(reps.get(3), reps.get(4));
      assertThat(leases.acquire("b", reps.subList(0, 3), 3, TTL)).as("another worker takes none of them").isEmpty();
      Blocking.await(tx.rollback());
    } finally {
      Blocking.await(renewing.close());
    }
    assertThat(leases.holder(reps.get(0))).isEqualTo("a");
  }

  @Test
  void aWorkerTakesNoMoreThanItAsksFor_andItsOwnAgain() {
    Set<MailboxKey> first = new HashSet<>(leases.acquire("a", reps, 5, TTL));
    assertThat(first).hasSize(5);
    List<MailboxKey> again = leases.acquire("a", new ArrayList<>(first), 5, TTL);
    assertThat(again).containsExactlyInAnyOrderElementsOf(first);
    assertThat(leases.acquire("a", Collections.emptyList(), 5, TTL)).isEmpty();
  }
}
