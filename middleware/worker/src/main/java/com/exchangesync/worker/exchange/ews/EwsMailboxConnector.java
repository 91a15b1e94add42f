package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.FolderMemory;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxException;
import java.time.Clock;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;

/**
 * Opens reps' mailboxes through EWS with the service account and impersonation.
 * Thread-safe; every {@link Mailbox} it opens has its own {@code ExchangeService}.
 * The synced folders' ids are remembered for every mailbox it opened
 * ({@link FolderMemory}, {@link EwsSyncFolders}), so an open within the hour makes no call.
 */
public final class EwsMailboxConnector implements MailboxConnector {

  private final EwsSettings settings;
  private final ExchangeStats stats;
  private final EwsEndpoints endpoints;
  private final EwsServiceFactory services;
  private final FolderMemory folders;

  public EwsMailboxConnector(EwsSettings settings, ExchangeStats stats, Clock clock) {
    this.settings = settings;
    this.stats = stats;
    this.endpoints = new EwsEndpoints(settings, clock);
    this.services = new EwsServiceFactory(settings);
    this.folders = new FolderMemory(clock);
  }

  @Override
  public Mailbox open(String smtp) throws MailboxException {
    EwsEndpoints.Endpoint endpoint = endpoints.resolve(smtp, stats);
    ExchangeService service = services.create(endpoint.ewsUrl(), Optional.of(smtp));
    EwsCalls calls = new EwsCalls(smtp, settings.retry(), stats);
    try {
      return new EwsMailbox(smtp, service, calls, EwsSyncFolders.open(smtp, service, calls, folders));
    } catch (MailboxException e) {
      service.close();
      throw e;
    }
  }

  @Override
  public ConnectionTestReport test(String smtp) {
    return new EwsConnectionTest(settings, endpoints, services, stats).run(smtp, report -> { });
  }

  /** EWS streaming notifications, grouped as Microsoft recommends (see {@link EwsStreamingListener}). */
  @Override
  public Optional<com.exchangesync.worker.push.PushListener> listen(String orgId, com.exchangesync.worker.push.PushContext push) {
    return Optional.of(new EwsStreamingListener(settings, endpoints, services, stats, (email, kind) ->
        push.sink().changed(orgId, email, kind, "ews").onFailure(e -> org.slf4j.LoggerFactory.getLogger(EwsMailboxConnector.class)
            .warn("Could not record a change of {} ({}); the poll finds it", email, kind, e))));
  }

  @Override
  public ConnectionTestReport test(String smtp, java.util.function.Consumer<ConnectionTestReport> progress) {
    return new EwsConnectionTest(settings, endpoints, services, stats).run(smtp, progress);
  }
}
