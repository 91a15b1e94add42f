package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.WorkerVerticle;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import com.exchangesync.worker.salesforce.SalesforceTestbedFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The running worker, its Outbound Message endpoint fed by the Salesforce test
 * bed: a contact saved in Salesforce reaches the rep's mailbox within seconds,
 * through an Outbound Message that wakes the scheduler, long before the hourly
 * poll would have found it.
 */
class OutboundNudgeIT extends CycleTestBase {

  @Test
  void aContactSavedInSalesforce_wakesTheWorker_andReachesTheMailboxAtOnce() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", database.url());
    env.put("EXSYNC_HTTP_PORT", "0");
    env.putAll(SalesforceTestbedFixture.jwtEnvironment(sf.bed.baseUrl()));
    env.put("EXSYNC_OUTBOUND_TOKEN", "nudge-outbound-token-0123");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    env.put("EXSYNC_POLL_INTERVAL_SECONDS", "3600");
    env.put("EXSYNC_WORKER_ID", "worker-nudge");
    List<List<RepOutcome>> cycles = new CopyOnWriteArrayList<>();
    WorkerVerticle worker = new WorkerVerticle(WorkerConfigReader.read(env), true, cycles::add);
    sf.vertx.deployVerticle(worker).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      waitFor(() -> cycles.size() >= 1, 60);
      sf.sim.outbound("http://127.0.0.1:" + worker.port() + "/salesforce/outbound/nudge-outbound-token-0123",
          new JsonObject().put("Contact", new JsonArray().add("Id").add("OwnerId").add("LastName")));
      long start = System.nanoTime();
      contact(ANN, "Nudged", "ByOutbound", "nudged@customer.example.com");
      waitFor(() -> ex.sim.contacts(ExchangeTestbedFixture.ANN, "Salesforce_Sync").stream()
          .anyMatch(o -> "ByOutbound".equals(((JsonObject) o).getString("surname"))), 30);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(seconds).as("an Outbound Message, not the hourly poll").isLessThan(30);
      waitFor(() -> cycles.size() >= 2, 30);
      assertThat(cycles.get(1)).anySatisfy(o -> assertThat(o.report().orElseThrow().exchangeCreated()).isEqualTo(1));
    } finally {
      sf.vertx.undeploy(sf.vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    }
  }

}
