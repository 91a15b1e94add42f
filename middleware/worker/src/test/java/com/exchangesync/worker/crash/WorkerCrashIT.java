package com.exchangesync.worker.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.testbed.exchange.ExchangeSimClient;
import com.exchangesync.testbed.exchange.ExchangeTestbed;
import com.exchangesync.testbed.exchange.ExchangeTestbedOptions;
import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.testbed.salesforce.SalesforceTestbed;
import com.exchangesync.testbed.salesforce.SalesforceTestbedOptions;
import com.exchangesync.testkit.PostgresExtension;
import com.exchangesync.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker process is killed with SIGKILL at random points of an initial sync
 * of 5 reps x 400 contacts (200 made in Salesforce, 200 in Outlook), 20 times
 * ({@code -Dexsync.crashTrials=100} in {@code scripts/test --long}), with people
 * editing both sides between the crashes. After it is let finish,
 * both sides hold one consistent world: no contact or item twice, every edit there.
 */
class WorkerCrashIT extends WorkerProcessTestBase {

  static final int CRASHES = Integer.getInteger("exsync.crashTrials", 20);

  @Test
  void killedAtRandomMidSync_trialAfterTrial_theWorldConverges_withNoDuplicateAndNoLostEdit() throws Exception {
    Random random = new Random(20261125L);
    // The same worker killed and started again, as a supervisor restarts it: it takes up its own mailboxes at once
    // (a different worker would wait out the dead one's leases first, which ThreeWorkersIT and TwoWorkersIT show).
    env.put("EXSYNC_WORKER_ID", "worker-restarted");
    Path log = dir.resolve("worker.log");
    Map<String, String> expectedTitles = new HashMap<>();
    int killedMidRun = 0;
    // The kill falls at random within a window that follows how long runs take on this machine: it narrows when a
    // run ended before its kill (a fast machine, or little left to do) and widens when a killed run wrote nothing
    // (a slow or busy one), so trials are killed mid-run and still make progress however fast the worker is.
    int window = 2800;
    for (int crash = 0; crash < CRASHES; crash++) {
      int contactsBefore = sf.records("Contact").size();
      long readyBefore = readyLines(log);
      WorkerProcess worker = WorkerProcess.start(env, log, "--once");
      // Killed at a random moment of its sync, counted from when it listens: how long a start takes (JVM, migrations,
      // signing in) is no part of what this test varies.
      awaitReady(worker, log, readyBefore);
      Thread.sleep(random.nextInt(window));
      boolean killedAlive = worker.alive();
      worker.kill();
      if (killedAlive) {
        killedMidRun++;
        if (sf.records("Contact").size() == contactsBefore) {
          window = Math.min(10_000, window * 5 / 4);
        }
      } else {
        // Halved, down to a tenth of a second: once the first sync is done a run has little left (its echoes are
        // known without reading them back; eight mailboxes at a time), and a kill within half a second of READY would
        // land after most runs ended. Narrowing by a fifth took too many trials to get there.
        window = Math.max(100, window / 2);
      }
      // People keep working between crashes: one edit on each side, on records that exist by now.
      JsonArray contacts = sf.records("Contact");
      JsonObject c = contacts.getJsonObject(random.nextInt(contacts.size()));
      String title = "Edited in Salesforce " + crash;
      sf.update("Contact", c.getString("Id"), new JsonObject().put("Title", title));
      expectedTitles.put(c.getString("LastName"), title);
      String rep = List.copyOf(reps.values()).get(random.nextInt(REPS));
      JsonArray items = ex.contacts(rep, "Salesforce_Sync");
      JsonObject item = items.getJsonObject(random.nextInt(items.size()));
      if (!expectedTitles.containsKey(item.getString("surname"))) {
        String exTitle = "Edited in Outlook " + crash;
        ex.updateContact(rep, item.getString("id"), new JsonObject().put("jobTitle", exTitle));
        expectedTitles.put(item.getString("surname"), exTitle);
      }
    }
    // Once the first sync is done a run has little to do and may end before its kill: of 20 trials most
    // are killed mid-run, and a long run has at least as many.
    assertThat(killedMidRun).as("runs killed before they finished").isGreaterThan(Math.min(CRASHES, 20) / 2);
    int before = sf.records("Contact").size();
    assertThat(before).as("the killed runs made progress (Outlook contacts reached Salesforce); log: "
        + Files.readString(log).lines().filter(l -> l.contains("ERROR") || l.contains("failed") || l.contains("problem"))
        .limit(20).toList()).isGreaterThan(REPS * PER_SIDE);
    Thread.sleep(3500); // the last victim's leases expire
    List<Integer> exits = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      exits.add(WorkerProcess.start(env, log, "--once").await(300));
    }
    assertThat(exits).as("log: " + Files.readString(log).lines().filter(l -> l.contains("ERROR") || l.contains("failed"))
        .limit(20).toList()).containsOnly(0);
    SyncedWorld.assertConverged(sf, ex, reps, expectedTitles);
    assertThat(sf.records("Contact")).hasSize(REPS * PER_SIDE * 2);
  }

  private static long readyLines(Path log) throws java.io.IOException {
    return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.startsWith("READY")).count() : 0;
  }

  /** Waits until the worker started last prints READY (or ends), at most a minute. */
  private static void awaitReady(WorkerProcess worker, Path log, long readyBefore) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (readyLines(log) <= readyBefore && worker.alive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
