package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.GraphCredentials;
import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.exchange.graph.GraphMailboxConnector;
import com.exchangesync.worker.exchange.graph.GraphSettings;
import com.exchangesync.worker.exchange.graph.GraphStats;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes the Exchange connector from what the admin saved in Setup and the
 * worker's environment: EWS (service account, password, optional EWS URL; the
 * worker's URL overrides) for {@code Exchange Server (EWS)}, Microsoft Graph
 * (tenant and application ids; the worker's certificate or secret and URLs) for
 * {@code Exchange Online (Microsoft Graph)}. A connector is kept while what it is
 * made from stays the same, so Autodiscover answers and Graph tokens are reused
 * between cycles.
 */
public interface MailboxConnectors {

  /** The connector for this setup, or why there is none; {@code password} is the service account's (EWS only). */
  ExchangeAccess forSetup(com.exchangesync.worker.salesforce.SyncSetup setup, Optional<Secret> password);

  /** EWS, with the worker's overrides. */
  static MailboxConnectors ews(Optional<URI> ewsUrlOverride, Optional<URI> autodiscoverUrl, boolean allowInsecureLoopback,
                               ExchangeStats stats, Clock clock) {
    KeptConnector cache = new KeptConnector();
    return (setup, password) -> {
      if (setup.serviceAccountUsername() == null || password.isEmpty()) {
        boolean named = setup.serviceAccountUsername() != null;
        return ExchangeAccess.missing(named, List.of("Service account"), named
            ? "No service account password is saved in Exchange Sync Setup."
            : "No service account user name and password are saved in Exchange Sync Setup.", "Enter them in Exchange Sync Setup.");
      }
      Optional<URI> ewsUrl = ewsUrlOverride.or(() -> Optional.ofNullable(setup.exchangeEndpoint()).filter(u -> !u.isBlank())
          .map(URI::create));
      String key = setup.serviceAccountUsername() + "|" + ewsUrl.map(URI::toString).orElse("");
      MailboxConnector connector = cache.get(key, password.get(), k -> new EwsMailboxConnector(EwsSettings.of(
          new ServiceAccount(setup.serviceAccountUsername(), password.get()), ewsUrl, autodiscoverUrl, allowInsecureLoopback),
          stats, clock));
      return ExchangeAccess.of(connector, ConnectionTestReport.CHECK_NAMES);
    };
  }

  /** Microsoft Graph, as the app the setup names, with the worker's credential and URLs. */
  static MailboxConnectors graph(Vertx vertx, Optional<GraphCredentials> credentials, URI loginUrl, URI graphUrl,
                                 boolean allowInsecureLoopback, GraphStats stats, Clock clock) {
    KeptConnector cache = new KeptConnector();
    return (setup, password) -> {
      List<String> checks = ConnectionTestReport.GRAPH_CHECK_NAMES;
      if (setup.tenantId() == null || setup.applicationId() == null) {
        return ExchangeAccess.missing(false, checks, "Exchange Sync Setup names no " + (setup.tenantId() == null ? "Tenant ID"
            : "Application (Client) ID") + " for Exchange Online.", "Enter the Tenant ID and the Application (Client) ID of the"
            + " app registered for Exchange Sync in Exchange Sync Setup.");
      }
      if (credentials.isEmpty()) {
        return ExchangeAccess.missing(false, checks, "The Exchange Sync worker has no certificate or client secret for the"
            + " app " + setup.applicationId() + ".", "Give the worker the app's certificate and key"
            + " (EXSYNC_GRAPH_CERTIFICATE_FILE) or a client secret (EXSYNC_GRAPH_CLIENT_SECRET) and restart it.");
      }
      String key = setup.tenantId() + "|" + setup.applicationId();
      MailboxConnector connector = cache.get(key, null, k -> new GraphMailboxConnector(vertx,
          GraphSettings.of(setup.tenantId(), setup.applicationId(), credentials.get(), loginUrl, graphUrl, allowInsecureLoopback)
              .withClock(clock), stats));
      return ExchangeAccess.of(connector, checks);
    };
  }

  /** The connector the setup's Exchange type asks for. */
  static MailboxConnectors byExchangeType(MailboxConnectors ews, MailboxConnectors graph) {
    return (setup, password) -> setup.usesGraph() ? graph.forSetup(setup, password) : ews.forSetup(setup, password);
  }
}
