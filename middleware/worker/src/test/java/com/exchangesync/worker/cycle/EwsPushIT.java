package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.WorkerVerticle;
import com.exchangesync.worker.config.WorkerConfigReader;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The running worker on Exchange Server with both polls an hour long: a contact a rep makes in Outlook reaches
 * Salesforce through an EWS streaming notification, and after the server forgot every subscription (a restart)
 * the worker subscribes again and the next change arrives the same way.
 */
class EwsPushIT extends CycleTestBase {

  @Test
  void aContactMadeInOutlook_reachesSalesforceWithoutThePoll_evenAfterTheServerForgotTheSubscriptions() throws Exception {
    Map<String, String> env = hourlyPollWorker("worker-push", "push-outbound-token-0123");
    List<List<RepOutcome>> cycles = new CopyOnWriteArrayList<>();
    WorkerVerticle worker = new WorkerVerticle(WorkerConfigReader.read(env), true, cycles::add);
    sf.vertx.deployVerticle(worker).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try {
      waitFor(() -> cycles.size() >= 1, 60);
      waitFor(this::bothRepsStreamed, 60);

      ex.sim.createContact(ExchangeTestbedFixture.ANN, "Salesforce_Sync", new JsonObject().put("givenName", "Lia")
          .put("surname", "Pushed").put("email", "lia.pushed@customer.example.com"));
      waitFor(() -> salesforceHas("Pushed"), 30);

      ex.sim.restartEws();
      waitFor(this::bothRepsStreamed, 60);
      ex.sim.createContact(ExchangeTestbedFixture.BOB, "Salesforce_Sync", new JsonObject().put("givenName", "Ola")
          .put("surname", "PushedAgain").put("email", "ola.again@customer.example.com"));
      waitFor(() -> salesforceHas("PushedAgain"), 30);
      assertThat(cycles.size()).as("woken by notifications, not by the hourly poll").isGreaterThanOrEqualTo(2);
    } finally {
      sf.vertx.undeploy(sf.vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    }
  }

  /** Both reps' mailboxes have a subscription streamed over an open connection. */
  private boolean bothRepsStreamed() {
    JsonArray subs = ex.sim.ewsSubscriptions();
    return List.of(ExchangeTestbedFixture.ANN, ExchangeTestbedFixture.BOB).stream().allMatch(rep -> subs.stream()
        .map(JsonObject.class::cast).anyMatch(s -> s.getString("mailbox").equalsIgnoreCase(rep) && s.getBoolean("streaming")));
  }


}
