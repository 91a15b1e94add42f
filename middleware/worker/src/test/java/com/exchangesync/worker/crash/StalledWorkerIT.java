package com.exchangesync.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker frozen mid-pass (SIGSTOP: a long pause, a frozen VM) past its lease,
 * while another worker takes its mailbox over and syncs it; then thawed
 * (SIGCONT). Every write request is fenced by the lease, so the thawed worker
 * stops at its next one and saves nothing. A request that had passed its fence
 * check when the freeze came is sent when it wakes (no check can stop a request
 * already past it): a create is looked at again and the items it doubled are
 * deleted ({@code sync.StalledCreates}), an update carries the version it read.
 * So nothing on either side is doubled, lost or changed by the thawed worker.
 */
class StalledWorkerIT extends WorkerProcessTestBase {

  @Test
  void aWorkerFrozenPastItsLease_writesNothingMoreForTheMailbox_whenItWakes(TestDatabase db) throws Exception {
    Path log = dir.resolve("workers.log");
    Pool pool = db.pool(io.vertx.core.Vertx.vertx(), 2);
    Blocking.await(Migrations.worker().migrate(pool));
    // Slow calls, so the first worker is surely mid-pass when it freezes.
    sf().fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", 150).put("count", 60));
    ex().fault(new JsonObject().put("operation", "*").put("kind", "latency").put("ms", 150).put("count", 60));
    Map<String, String> a = new HashMap<>(env());
    a.put("EXSYNC_WORKER_ID", "worker-a");
    Map<String, String> b = new HashMap<>(env());
    b.put("EXSYNC_WORKER_ID", "worker-b");
    WorkerProcess workerA = WorkerProcess.start(a, log, "--once");
    try {
      String mailbox = awaitLease(pool, "worker-a", 120_000);
      awaitFirstWrite(120_000); // frozen with writes still to make
      workerA.freeze();
      Thread.sleep(3000 + 2500); // the lease (3 s) runs out while it is frozen
      WorkerProcess workerB = WorkerProcess.start(b, log, "--once");
      assertThat(workerB.await(300)).as("the second worker synced every mailbox").isZero();
      SyncedWorld.assertConverged(sf(), ex(), reps(), Map.of());
      Map<String, String> contacts = contactValues();
      Map<String, String> items = itemValues();
      List<String> links = links(pool);
      long exchangeWrites = exchangeWrites();

      workerA.thaw();
      workerA.await(300);
      assertThat(links(pool)).as("the thawed worker saved nothing").isEqualTo(links);
      assertThat(contactValues()).as("nor created or changed a Salesforce contact").isEqualTo(contacts);
      assertThat(itemValues()).as("nor left an item made, changed or deleted in Exchange").isEqualTo(items);
      assertThat(exchangeWrites() - exchangeWrites).as("at most the requests in flight at the freeze, each create's"
          + " doubles deleted again").isLessThanOrEqualTo(2L * REPS);
      SyncedWorld.assertConverged(sf(), ex(), reps(), Map.of());
      assertThat(sf().records("Contact")).hasSize(REPS * PER_SIDE * 2);
      assertThat(mailbox).isNotBlank();
    } finally {
      workerA.kill();
      pool.close();
    }
  }

  /** Waits until {@code owner} holds a live lease; returns the mailbox's user id. */
  private static String awaitLease(Pool pool, String owner, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      for (Row r : Blocking.await(pool.preparedQuery("SELECT user_id FROM mailbox_lease WHERE owner = $1 AND expires_at > now()")
          .execute(Tuple.of(owner)))) {
        return r.getString(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError(owner + " never took a mailbox");
  }

  /** Waits until a worker has begun writing items to Exchange (its first CreateItem). */
  private void awaitFirstWrite(long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      JsonObject calls = ex().stats().getJsonObject("calls");
      if (calls != null && calls.getLong("CreateItem", 0L) > 0) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no worker began writing");
  }

  /** Each contact's id with the values the sync writes. */
  private Map<String, String> contactValues() {
    Map<String, String> values = new HashMap<>();
    sf().records("Contact").forEach(o -> {
      JsonObject c = (JsonObject) o;
      values.put(c.getString("Id"), c.getString("FirstName") + "|" + c.getString("LastName") + "|" + c.getString("Email") + "|"
          + c.getString("Title") + "|" + c.getString("OwnerId"));
    });
    return values;
  }

  /** Each rep's items by id, with their values and mark. */
  private Map<String, String> itemValues() {
    Map<String, String> values = new HashMap<>();
    for (String email : reps().values()) {
      ex().contacts(email, "Salesforce_Sync").forEach(o -> {
        JsonObject i = (JsonObject) o;
        values.put(i.getString("id"), i.getString("givenName") + "|" + i.getString("surname") + "|" + i.getString("email") + "|"
            + i.getString("jobTitle") + "|" + SyncedWorld.salesforceId(i));
      });
    }
    return values;
  }

  private static List<String> links(Pool pool) {
    List<String> links = new ArrayList<>();
    for (Row r : Blocking.await(pool.query("SELECT user_id, kind, salesforce_id, exchange_id, base::text FROM sync_link"
        + " ORDER BY user_id, kind, salesforce_id").execute())) {
      links.add(r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
    }
    return links;
  }

  private long exchangeWrites() {
    JsonObject calls = ex().stats().getJsonObject("calls");
    return calls.getLong("CreateItem", 0L) + calls.getLong("UpdateItem", 0L) + calls.getLong("DeleteItem", 0L);
  }
}
