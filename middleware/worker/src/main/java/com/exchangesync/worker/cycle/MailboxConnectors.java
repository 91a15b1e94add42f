package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsMailboxConnector;
import com.exchangesync.worker.exchange.ews.EwsSettings;
import com.exchangesync.worker.exchange.ews.ExchangeStats;
import com.exchangesync.worker.exchange.ews.ServiceAccount;
import com.exchangesync.worker.salesforce.SyncSetup;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Makes the Exchange connector from what the admin saved in Setup (service
 * account, password, optional EWS URL) and the worker's environment (URL
 * overrides, loopback permission). A connector is kept while the setup is the
 * same, so Autodiscover answers stay cached between cycles.
 */
public interface MailboxConnectors {

  /** The connector for this setup. */
  MailboxConnector forSetup(SyncSetup setup, Secret password);

  /** EWS, with the worker's overrides. */
  static MailboxConnectors ews(Optional<URI> ewsUrlOverride, Optional<URI> autodiscoverUrl, boolean allowInsecureLoopback,
                               ExchangeStats stats, Clock clock) {
    return new MailboxConnectors() {
      private String key;
      private Secret lastPassword;
      private MailboxConnector cached;

      @Override
      public synchronized MailboxConnector forSetup(SyncSetup setup, Secret password) {
        Optional<URI> ewsUrl = ewsUrlOverride.or(() -> Optional.ofNullable(setup.exchangeEndpoint())
            .filter(u -> !u.isBlank()).map(URI::create));
        String k = setup.serviceAccountUsername() + "|" + ewsUrl.map(URI::toString).orElse("");
        if (cached == null || !k.equals(key) || !password.equals(lastPassword)) {
          cached = new EwsMailboxConnector(EwsSettings.of(new ServiceAccount(setup.serviceAccountUsername(), password),
              ewsUrl, autodiscoverUrl, allowInsecureLoopback), stats, clock);
          key = k;
          lastPassword = password;
        }
        return cached;
      }
    };
  }
}
