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
 * Both test beds in this JVM, seeded with 5 reps x 400 contacts (200 made in
 * Salesforce, 200 in Outlook) and a configuration syncing them both ways, and
 * the environment a worker process needs to sync them.
 */
@ExtendWith(PostgresExtension.class)
abstract class WorkerProcessTestBase {

  static final String ORG = "00D5g00000CRASH";
  static final String PROFILE = "00e5g00000CRASH";
  static final int REPS = 5;
  static final int PER_SIDE = 200;

  @TempDir
  Path dir;

  Map<String, String> env() {
    return env;
  }

  SalesforceSimClient sf() {
    return sf;
  }

  ExchangeSimClient ex() {
    return ex;
  }

  Map<String, String> reps() {
    return reps;
  }
  private Vertx vertx;
  private ExchangeTestbed exchangeBed;
  private SalesforceTestbed salesforceBed;
  SalesforceSimClient sf;
  ExchangeSimClient ex;
  final Map<String, String> reps = new LinkedHashMap<>();
  Map<String, String> env;

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
      String id = "0055g00000CRSH" + r;
      String email = "rep" + r + "@crash.example.com";
      reps.put(id, email);
      users.add(new JsonObject().put("id", id).put("username", "rep" + r + "@sf.crash.example.com").put("email", email)
          .put("name", "Rep " + r).put("profileId", PROFILE));
    }
    sf.org(new JsonObject().put("orgId", ORG).put("integrationUser",
        new JsonObject().put("username", SalesforceTestbedFixture.INTEGRATION)).put("users", users));
    sf.oauthApps(new JsonArray().add(SalesforceTestbedFixture.app()));
    ex.serviceAccount("svc@crash.example.com", "svc-pass", List.copyOf(reps.values()));
    sf.create("Exchange_Sync_Setup__c", new JsonObject().put("Enabled__c", true)
        .put("Service_Account_Username__c", "svc@crash.example.com").put("Service_Account_Password__c", "svc-pass")
        .put("Exchange_Endpoint__c", exchangeBed.ewsUrl()));
    String config = sf.create("Exchange_Sync_Configuration__c", new JsonObject().put("Name", "All").put("Active__c", true)
        .put("Contact_Sync_Direction__c", "Both directions").put("Contact_Conflict_Behavior__c", "Salesforce wins")
        .put("Contact_Scope__c", "Selected Contacts").put("Contact_Users_Records__c", true)).getString("Id");
    sf.create("Exchange_Sync_Member__c", new JsonObject().put("Configuration__c", config).put("Member_Type__c", "Profile")
        .put("Profile_Id__c", PROFILE));
    for (Map.Entry<String, String> rep : reps.entrySet()) {
      ex.mailbox(rep.getValue(), rep.getValue());
      createSyncFolder(rep.getValue());
      for (int i = 0; i < PER_SIDE; i++) {
        sf.create("Contact", new JsonObject().put("FirstName", "Sf").put("LastName", "S" + rep.getValue().charAt(3) + "-" + i)
            .put("Email", "s" + i + "." + rep.getValue()).put("OwnerId", rep.getKey()));
        ex.createContact(rep.getValue(), "Salesforce_Sync", new JsonObject().put("givenName", "Ex")
            .put("surname", "E" + rep.getValue().charAt(3) + "-" + i).put("email", "e" + i + "." + rep.getValue()));
      }
    }
    env = new HashMap<>();
    env.put("EXSYNC_DATABASE_URL", db.url());
    env.put("EXSYNC_HTTP_PORT", "0");
    env.putAll(SalesforceTestbedFixture.jwtEnvironment(salesforceBed.baseUrl()));
    env.put("EXSYNC_OUTBOUND_TOKEN", "crash-test-outbound-token");
    env.put("EXSYNC_ALLOW_INSECURE_LOOPBACK", "true");
    env.put("EXSYNC_LEASE_SECONDS", "3");
    env.put("EXSYNC_LOG_LEVEL", "WARN");
    // Salesforce edits reach these workers by the poll (no Outbound Messages here), which push would stretch to a
    // quarter of an hour once healthy; push has tests of its own (EwsPushIT, GraphPushIT).
    env.put("EXSYNC_PUSH", "false");
  }

  private void createSyncFolder(String smtp) throws Exception {
    com.exchangesync.testbed.exchange.ContactsSubfolder.create(exchangeBed.ewsUrl(), "svc@crash.example.com", "svc-pass", smtp,
        "Salesforce_Sync");
  }

  @AfterEach
  void stop() throws Exception {
    exchangeBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    salesforceBed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

}
