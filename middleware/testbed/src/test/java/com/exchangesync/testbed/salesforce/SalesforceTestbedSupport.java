package com.exchangesync.testbed.salesforce;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a Salesforce test bed for each test on a hand-moved clock, with the
 * fixture package and Outbound Message waits scaled down a thousandfold, and
 * sets up an org: an integration user and two reps.
 */
abstract class SalesforceTestbedSupport {

  static final String ORG_ID = "00D5g00000TESTA";
  static final String INTEGRATION = "integration@exsync.example.com";
  static final String PASSWORD = "Int3gration!";
  static final String ANN_ID = "0055g00000ANNRP";
  static final String BOB_ID = "0055g00000BOBRP";

  @TempDir
  Path projectRoot;

  Vertx vertx;
  SalesforceTestbed bed;
  SalesforceSimClient sim;
  final SalesforceTestClock clock = new SalesforceTestClock();

  /** The namespace prefix the test bed runs with; empty by default. */
  String namespace() {
    return "";
  }

  @BeforeEach
  void startTestbed() throws Exception {
    vertx = Vertx.vertx();
    SalesforceTestbedOptions options = SalesforceTestbedOptions.defaults()
        .withProjectRoot(SalesforcePackageFixture.write(projectRoot)).withClock(clock).withOutboundTimeScale(0.001)
        .withNamespace(namespace());
    bed = SalesforceTestbed.start(vertx, options).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sim = new SalesforceSimClient(bed.baseUrl());
    sim.org(new JsonObject().put("orgId", ORG_ID).put("name", "Acme")
        .put("integrationUser", new JsonObject().put("username", INTEGRATION).put("password", PASSWORD).put("name", "Integration User"))
        .put("users", new JsonArray()
            .add(new JsonObject().put("id", ANN_ID).put("username", "ann@acme.example.com").put("email", "ann@corp.example.com")
                .put("name", "Ann Rep"))
            .add(new JsonObject().put("id", BOB_ID).put("username", "bob@acme.example.com").put("email", "bob@corp.example.com")
                .put("name", "Bob Rep"))));
  }

  @AfterEach
  void stopTestbed() throws Exception {
    bed.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A connection logged in as the integration user, as the middleware makes it. */
  PartnerConnection connect() throws ConnectionException {
    return connect(INTEGRATION, PASSWORD);
  }

  PartnerConnection connect(String username, String password) throws ConnectionException {
    ConnectorConfig config = new ConnectorConfig();
    config.setUsername(username);
    config.setPassword(password);
    config.setAuthEndpoint(bed.authEndpoint());
    return Connector.newConnection(config);
  }
}
