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
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import com.exchangesync.worker.store.Blocking;
import com.exchangesync.worker.store.Migrations;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes (the shaded jar, as replicas of a Deployment run it) on one database and the test beds,
 * with 300 reps each owning one Salesforce contact. They split the mailboxes evenly: each holds
 * {@code ceil(300 / 3) = 100}, exactly, once their shares settled (the quota of {@code cycle/FairShare}; while a
 * worker is still starting, another may briefly hold more, which is why the test waits for the settled state rather
 * than asserting the first cycle). One is killed with SIGKILL: one lease later it no longer counts, and the two
 * survivors take its 100 (150 each), sync them (an edit made after the kill arrives in each of its mailboxes) and
 * nothing is duplicated on either side.
 */
@ExtendWith(PostgresExtension.class)
class ThreeWorkersIT {

  private static final String ORG = "00D5g00000THREE";
  private static final String PROFILE = "00e5g00000THREE";
  private static final int REPS = 300;
  private static final int LEASE_SECONDS = 5;

  @TempDir
  Path dir;

  private Vertx vertx;
  private ExchangeTestbed exchangeBed;
  private SalesforceTestbed salesforceBed;
  private SalesforceSimClient sf;
  private ExchangeSimClient ex;
  private final Map<String, String> reps = new LinkedHashMap<>();
  private final Map<String, String> contactOfRep = new HashMap<>();
  private Map<String, String> env;

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    vertx = Vertx.vertx();
    exchangeBed = ExchangeTestbed.start(vertx, ExchangeTestbedOptions.defaults()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    String root = System.getProperty("exsync.project.root", "../..");
    salesforceBed = SalesforceTestbed.start(vertx, SalesforceTestbedOptions.defaults().withProjectRoot(Path.of(root)))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sf = new SalesforceSimClient(salesforceBed.baseUrl());
    ex = new ExchangeSimClient(exchangeBed.baseUrl());
    JsonArray users = new JsonArray();
    for (int r = 0; r < REPS; r++) {
      String id = String.format("0055g0000%06d", r);
      String email = "rep" + r + "@three.example.com";
      reps.put(id, email);
      users.add(new JsonObject().put("id", id).put("username", "rep" + r + "@sf.three.example.com").put("email", email)
          .put("name", "Rep " + r).put("profileId", PROFILE));
    }
    sf.org(new JsonObject().put("orgId", ORG).put("integrationUser",
        new JsonObject().put("username", SalesforceTestbedFixture.INTEGRATION)).put("users", users));
    sf.oauthApps(new JsonArray().add(SalesforceTestbedFixture.app()));
    ex.serviceAccount("svc@three.example.com", "svc-pass", List.copyOf(reps.values()));
    sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", "svc@three.example.com").put("Service_Account_Password__c", "svc-pass")
        .put("Exchange_Endpoint__c", exchangeBed.ewsUrl()));
    String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "All").put("Active__c", true)
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Salesforce wins")
        .put("Contact_Scope__c", "Selected Contacts").put("Contact_Users_Records__c", true)
        .put("Event_Sync_Direction__c", "Don't sync")).getString("Id");
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", PROFILE));
    for (Map.Entry<String, String> rep : reps.entrySet()) {
      ex.mailbox(rep.getValue(), rep.getValue());
      String n = rep.getValue().substring(3, rep.getValue().indexOf('@'));
      contactOfRep.put(rep.getKey(), sf.create("Contact", new JsonObject().put("FirstName", "Sf").put("LastName", "R" + n)
          .put("Email", "contact." + rep.getValue()).put("OwnerId", rep.getKey())).getString("Id"));
    }
    env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", db.url());
    env.put("EXSYNC_HTTP_PORT", "0");
    env.putAll(SalesforceTestbedFixture.jwtEnvironment(salesforceBed.baseUrl()));
    env.put("EXSYNC_OUTBOUND_TOKEN", "three-workers-outbound-token");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "2");
    // The edits after the kill come with no Outbound Message: the poll must carry them, and healthy push would
    // stretch it to half an hour (the worker that takes the org's push lease over would be healthy).
    env.put("EXSYNC_PUSH", "false");
    // Long enough that three JVMs on a busy 2-core machine keep their leases; short enough for a quick takeover.
    env.put("EXSYNC_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
    env.put("EXSYNC_LOG_LEVEL", "WARN");
  }

  @AfterEach
  void stop() throws Exception {
    exchangeBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    salesforceBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void threeWorkersSplit300MailboxesEvenly_andTheSurvivorsTakeAKilledOnesShare_withoutDuplicates(TestDatabase db)
      throws Exception {
    Path log = dir.resolve("workers.log");
    Pool pool = db.pool(Vertx.vertx(), 2);
    Blocking.await(Migrations.worker().migrate(pool));
    Map<String, WorkerProcess> workers = new TreeMap<>();
    try {
      for (String id : List.of("worker-a", "worker-b", "worker-c")) {
        Map<String, String> own = new HashMap<>(env);
        own.put("EXSYNC_WORKER_ID", id);
        workers.put(id, WorkerProcess.start(own, log));
      }
      // Settled: 100 each (ceil(300 / 3); they add up to 300, so nobody can hold less) and every mailbox synced once.
      await(() -> sharesAre(pool, Map.of("worker-a", 100, "worker-b", 100, "worker-c", 100)) && syncedSince(pool, null) == REPS,
          240, log, pool);
      Map<String, String> before = holders(pool);
      assertThat(before).hasSize(REPS);
      assertThat(before.values()).as("each mailbox held by one worker").containsOnly("worker-a", "worker-b", "worker-c");
      SyncedWorld.assertConverged(sf, ex, reps, Map.of());

      workers.get("worker-c").kill();
      java.time.OffsetDateTime killedAt = now(pool);
      Map<String, String> expected = new HashMap<>();
      List<String> ofC = before.entrySet().stream().filter(e -> e.getValue().equals("worker-c")).map(Map.Entry::getKey).toList();
      assertThat(ofC).hasSize(100);
      for (String userId : ofC) {
        // The lease table has the 18-character id; the seed used the 15-character one.
        String contact = contactOfRep.get(userId.substring(0, 15));
        String title = "After worker-c died " + userId;
        sf.update("Contact", contact, new JsonObject().put("Title", title));
        expected.put(sf.get("Contact", contact).getString("LastName"), title);
      }
      // The survivors: 150 each (ceil(300 / 2)); every one of worker-c's mailboxes synced after the kill.
      await(() -> sharesAre(pool, Map.of("worker-a", 150, "worker-b", 150)) && syncedSince(pool, killedAt) == REPS,
          240, log, pool);
      Map<String, String> after = holders(pool);
      assertThat(after.values()).containsOnly("worker-a", "worker-b");
      before.forEach((userId, owner) -> {
        if (!owner.equals("worker-c")) {
          assertThat(after.get(userId)).as("a survivor keeps its own mailboxes").isEqualTo(owner);
        }
      });
      SyncedWorld.assertConverged(sf, ex, reps, expected);
      assertThat(sf.records("Contact")).as("no contact made twice").hasSize(REPS);
    } finally {
      for (WorkerProcess w : workers.values()) {
        w.kill();
      }
      pool.close();
    }
  }

  /** Live leases per worker are exactly {@code shares}. */
  private static boolean sharesAre(Pool pool, Map<String, Integer> shares) {
    Map<String, Integer> counts = new HashMap<>();
    holders(pool).values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
    return counts.equals(shares);
  }

  /** The live lease holder of each mailbox. */
  private static Map<String, String> holders(Pool pool) {
    Map<String, String> holders = new HashMap<>();
    for (Row r : Blocking.await(pool.preparedQuery("SELECT user_id, owner FROM mailbox_lease WHERE expires_at > now() AND user_id <> $1")
        .execute(io.vertx.sqlclient.Tuple.of(com.exchangesync.worker.store.MailboxLeases.PUSH_LISTENER)))) {
      holders.put(r.getString(0), r.getString(1));
    }
    return holders;
  }

  /** Mailboxes whose contacts pass last succeeded after {@code since} (ever, when null). */
  private static int syncedSince(Pool pool, java.time.OffsetDateTime since) {
    for (Row r : Blocking.await(pool.preparedQuery("SELECT count(*) FROM mailbox_sync WHERE kind = 'CONTACT' "
        + "AND last_success IS NOT NULL AND ($1::timestamptz IS NULL OR last_success > $1)").execute(Tuple.of(since)))) {
      return (int) r.getLong(0).longValue();
    }
    return 0;
  }

  private static java.time.OffsetDateTime now(Pool pool) {
    for (Row r : Blocking.await(pool.query("SELECT now()").execute())) {
      return r.getOffsetDateTime(0);
    }
    throw new IllegalStateException("no now()");
  }

  /** Waits for {@code condition}; fails with the shares and the workers' log lines about them when it never holds. */
  private static void await(BooleanSupplier condition, int seconds, Path log, Pool pool) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(500);
    }
    Map<String, Integer> counts = new HashMap<>();
    holders(pool).values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
    throw new AssertionError("not reached within " + seconds + " s; shares " + counts + ", synced " + syncedSince(pool, null)
        + "; log: " + Files.readString(log).lines().filter(l -> l.contains("WARN") || l.contains("ERROR")).limit(40).toList());
  }
}
