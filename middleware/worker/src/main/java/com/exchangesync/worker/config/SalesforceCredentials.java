package com.exchangesync.worker.config;

import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;

/**
 * How the worker signs in to Salesforce: OAuth 2.0 through an External Client
 * App, by one of two flows, chosen by which variables are set. Neither form's
 * {@code toString} shows the key or the secret.
 */
public sealed interface SalesforceCredentials {

  /** The External Client App's consumer key ({@code EXSYNC_SF_CLIENT_ID}). */
  String clientId();

  /** The flow's name for log lines and messages. */
  String flow();

  /**
   * JWT bearer flow: an assertion signed with the private key whose
   * certificate is uploaded to the app, naming the pre-authorized user.
   *
   * @param clientId the consumer key ({@code EXSYNC_SF_CLIENT_ID})
   * @param username the integration user's Salesforce username ({@code EXSYNC_SF_USERNAME})
   * @param keyFile where the key was read from ({@code EXSYNC_SF_PRIVATE_KEY_FILE}), for messages
   * @param key the PKCS#8 private key
   */
  record JwtBearer(String clientId, String username, Path keyFile, RSAPrivateKey key) implements SalesforceCredentials {

    @Override
    public String flow() {
      return "JWT bearer flow";
    }

    @Override
    public String toString() {
      return "JwtBearer[clientId=" + clientId + ", username=" + username + ", keyFile=" + keyFile + "]";
    }
  }

  /**
   * Client credentials flow: the consumer key and secret; the app's "Run As"
   * user is the one signed in.
   *
   * @param clientId the consumer key ({@code EXSYNC_SF_CLIENT_ID})
   * @param clientSecret the consumer secret ({@code EXSYNC_SF_CLIENT_SECRET})
   */
  record ClientCredentials(String clientId, Secret clientSecret) implements SalesforceCredentials {

    @Override
    public String flow() {
      return "client credentials flow";
    }
  }
}
