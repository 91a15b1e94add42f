package com.exchangesync.bench;

import com.exchangesync.testbed.salesforce.SalesforceSimClient;
import com.exchangesync.worker.config.SalesforceCredentials;
import com.exchangesync.worker.config.Secret;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How a benchmark's worker signs in to the Salesforce test bed: an External
 * Client App with the client credentials flow, run as the integration user and
 * a consumer secret made for this run, as an admin would set it up.
 */
final class BenchSignIn {

  static final String CLIENT_ID = "3MVG9ExchangeSyncBenchmark";

  private BenchSignIn() {}

  /** Registers the app with the test bed and returns the worker's credentials for it. */
  static SalesforceCredentials register(SalesforceSimClient sim, String integrationUser) {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    sim.oauthApps(new JsonArray().add(new JsonObject().put("clientId", CLIENT_ID).put("clientSecret", secret)
        .put("runAs", integrationUser)));
    return new SalesforceCredentials.ClientCredentials(CLIENT_ID, Secret.of(secret));
  }
}
