package com.exchangesync.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testkit.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two worker processes on one database: they share the mailboxes (each taken by
 * one worker at a time through its lease), and when one is killed with SIGKILL
 * the other takes its mailboxes over once their leases expire: every rep's next
 * edit still arrives, and nothing is duplicated.
 */
class TwoWorkersIT extends WorkerProcessTestBase {

  @Test
  void twoWorkersShareTheMailboxes_andOneTakesOverWhenTheOtherIsKilled(TestDatabase db) throws Exception {
    Path log = dir.resolve("workers.log");
    Map<String, String> a = new HashMap<>(env());
    a.put("EXSYNC_WORKER_ID", "worker-a");
    a.put("EXSYNC_POLL_INTERVAL_SECONDS", "1");
    Map<String, String> b = new HashMap<>(a);
    b.put("EXSYNC_WORKER_ID", "worker-b");
    Pool pool = db.pool(io.vertx.core.Vertx.vertx(), 2);
    com.exchangesync.worker.store.Blocking.await(com.exchangesync.worker.store.Migrations.worker().migrate(pool));
    WorkerProcess workerA = WorkerProcess.start(a, log);
    WorkerProcess workerB = WorkerProcess.start(b, log);
    try {
      Set<String> owners = new HashSet<>();
      long deadline = System.currentTimeMillis() + 120_000;
      while (System.currentTimeMillis() < deadline && !(owners.size() == 2 && converged())) {
        owners.addAll(leaseOwners(pool).values());
        Thread.sleep(200);
      }
      assertThat(owners).as("both workers took mailboxes").containsExactlyInAnyOrder("worker-a", "worker-b");
      SyncedWorld.assertConverged(sf(), ex(), reps(), Map.of());

      workerA.kill();
      Map<String, String> expected = new HashMap<>();
      for (Map.Entry<String, String> rep : reps().entrySet()) {
        JsonObject contact = sf().records("Contact").stream().map(o -> (JsonObject) o)
            .filter(c -> c.getString("OwnerId").startsWith(rep.getKey())).findFirst().orElseThrow();
        String title = "After the crash " + rep.getValue();
        sf().update("Contact", contact.getString("Id"), new JsonObject().put("Title", title));
        expected.put(contact.getString("LastName"), title);
      }
      deadline = System.currentTimeMillis() + 90_000;
      while (System.currentTimeMillis() < deadline && !editsArrived(expected)) {
        Thread.sleep(300);
      }
      assertThat(editsArrived(expected)).as("every rep's edit reached Exchange after worker-a died").isTrue();
      assertThat(leaseOwners(pool).values()).as("worker-b took over every mailbox").containsOnly("worker-b");
      SyncedWorld.assertConverged(sf(), ex(), reps(), expected);
    } finally {
      workerA.kill();
      workerB.kill();
      pool.close();
    }
  }

  private boolean converged() {
    try {
      SyncedWorld.assertConverged(sf(), ex(), reps(), Map.of());
      return sf().records("Contact").size() == REPS * PER_SIDE * 2;
    } catch (AssertionError notYet) {
      return false;
    }
  }

  private boolean editsArrived(Map<String, String> expected) {
    Map<String, String> seen = new HashMap<>();
    for (String email : reps().values()) {
      for (Object o : ex().contacts(email, "Salesforce_Sync")) {
        JsonObject item = (JsonObject) o;
        if (item.getString("jobTitle") != null) {
          seen.put(item.getString("surname"), item.getString("jobTitle"));
        }
      }
    }
    return expected.entrySet().stream().allMatch(e -> e.getValue().equals(seen.get(e.getKey())));
  }

  private static Map<String, String> leaseOwners(Pool pool) throws Exception {
    Map<String, String> owners = new HashMap<>();
    for (Row r : pool.query("SELECT user_id, owner FROM mailbox_lease WHERE owner <> ''").execute()
        .toCompletionStage().toCompletableFuture().get()) {
      owners.put(r.getString(0), r.getString(1));
    }
    return owners;
  }
}
