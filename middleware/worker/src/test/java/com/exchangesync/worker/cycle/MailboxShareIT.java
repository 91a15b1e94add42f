package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.MailboxLeases;
import com.exchangesync.worker.store.Migrations;
import com.exchangesync.worker.store.WorkerPresence;
import com.exchangesync.worker.sync.MailboxKey;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three workers' shares of one org's 300 mailboxes in one database: claimed in turn they settle at 100 each, a
 * dead worker's 100 go to the two others (150 each), and a worker that leaves in order hands its share over at
 * the others' next claim. A worker's death is its rows expiring, as they do one lease after its last heartbeat.
 */
class MailboxShareIT {

  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final List<MailboxKey> MAILBOXES = IntStream.range(0, 300)
      .mapToObj(i -> new MailboxKey("00D1", String.format("005%04d", i))).toList();

  private Vertx vertx;
  private TestDatabase db;
  private Pool pool;
  private MailboxLeases leases;
  private WorkerPresence presence;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    db = TestDatabase.create("shares");
    pool = db.pool(vertx, 4);
    Blocking.await(Migrations.worker().migrate(pool));
    leases = new MailboxLeases(pool);
    presence = new WorkerPresence(pool);
  }

  @AfterEach
  void stop() {
    Blocking.await(vertx.close());
    db.close();
  }

  private MailboxShare worker(String id) {
    return new MailboxShare(leases, presence, id, LEASE);
  }

  @Test
  void threeWorkersSettleAtAHundredEach_andTwoSurvivorsTakeADeadOnesHundred() {
    MailboxShare a = worker("a");
    MailboxShare b = worker("b");
    MailboxShare c = worker("c");
    assertThat(a.claim("00D1", MAILBOXES)).as("a worker alone takes every mailbox").hasSize(300);
    assertThat(b.claim("00D1", MAILBOXES)).as("a newcomer takes nothing from a live worker").isEmpty();
    assertThat(c.claim("00D1", MAILBOXES)).isEmpty();

    Set<MailboxKey> ofA = a.claim("00D1", MAILBOXES);
    Set<MailboxKey> ofB = b.claim("00D1", MAILBOXES);
    Set<MailboxKey> ofC = c.claim("00D1", MAILBOXES);
    assertThat(List.of(ofA, ofB, ofC)).as("300 on 3 workers: exactly 100 each").allSatisfy(s -> assertThat(s).hasSize(100));
    assertThat(union(ofA, ofB, ofC)).as("every mailbox held, none twice").hasSize(300);
    assertThat(a.claim("00D1", MAILBOXES)).as("a settled share stays put").isEqualTo(ofA);

    die("c");
    Set<MailboxKey> afterA = a.claim("00D1", MAILBOXES);
    Set<MailboxKey> afterB = b.claim("00D1", MAILBOXES);
    assertThat(afterA).hasSize(150).containsAll(ofA);
    assertThat(afterB).hasSize(150).containsAll(ofB);
    assertThat(union(afterA, afterB)).as("the survivors hold every mailbox, none twice").hasSize(300);
    assertThat(leases.held("c", "00D1")).isEmpty();

    // b stops in order (WorkerHeartbeat.close): it leaves and gives its leases back, a takes them at its next claim.
    presence.leave("b");
    leases.releaseAll("b");
    assertThat(a.claim("00D1", MAILBOXES)).hasSize(300);
  }

  @Test
  void aRepWhoLeftEveryConfiguration_isGivenBack() {
    MailboxShare a = worker("a");
    assertThat(a.claim("00D1", MAILBOXES)).hasSize(300);
    assertThat(a.claim("00D1", MAILBOXES.subList(1, 300))).hasSize(299).doesNotContain(MAILBOXES.get(0));
    assertThat(leases.holder(MAILBOXES.get(0))).isNull();
  }

  @Test
  void theHeartbeat_keepsTheShare_andClosing_givesItBack() throws Exception {
    Duration shortLease = Duration.ofSeconds(3);
    MailboxShare a = new MailboxShare(leases, presence, "a", shortLease);
    assertThat(a.claim("00D1", MAILBOXES)).hasSize(300);
    try (WorkerHeartbeat beating = new WorkerHeartbeat(leases, presence, "a", shortLease)) {
      Thread.sleep(4_500); // longer than the lease: only the heartbeat keeps it
      assertThat(leases.held("a", "00D1")).hasSize(300);
      assertThat(presence.live("00D1")).isEqualTo(1);
    }
    assertThat(leases.held("a", "00D1")).isEmpty();
    assertThat(presence.live("00D1")).isZero();
  }

  /** What one lease after a worker's last heartbeat looks like: its presence and leases expired. */
  private void die(String worker) {
    Blocking.await(pool.preparedQuery("UPDATE worker_presence SET expires_at = now() - interval '1 second' WHERE worker_id = $1")
        .execute(Tuple.of(worker)));
    Blocking.await(pool.preparedQuery("UPDATE mailbox_lease SET expires_at = now() - interval '1 second' WHERE owner = $1")
        .execute(Tuple.of(worker)));
  }

  @SafeVarargs
  private static Set<MailboxKey> union(Set<MailboxKey>... sets) {
    Set<MailboxKey> all = new HashSet<>();
    for (Set<MailboxKey> s : sets) {
      all.addAll(s);
    }
    return all;
  }
}
