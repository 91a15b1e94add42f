package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxException;
import java.time.Clock;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.property.complex.FolderId;

/**
 * Opens reps' mailboxes through EWS with the service account and impersonation.
 * Thread-safe; every {@link Mailbox} it opens has its own {@code ExchangeService}.
 */
public final class EwsMailboxConnector implements MailboxConnector {

  private final EwsSettings settings;
  private final ExchangeStats stats;
  private final EwsEndpoints endpoints;
  private final EwsServiceFactory services;

  public EwsMailboxConnector(EwsSettings settings, ExchangeStats stats, Clock clock) {
    this.settings = settings;
    this.stats = stats;
    this.endpoints = new EwsEndpoints(settings, clock);
    this.services = new EwsServiceFactory(settings);
  }

  @Override
  public Mailbox open(String smtp) throws MailboxException {
    EwsEndpoints.Endpoint endpoint = endpoints.resolve(smtp, stats);
    ExchangeService service = services.create(endpoint.ewsUrl(), Optional.of(smtp));
    EwsCalls calls = new EwsCalls(smtp, settings.retry(), stats);
    try {
      FolderId contacts = EwsFolders.ensureSyncFolder(service, calls);
      FolderId calendar = EwsFolders.bind(service, calls, WellKnownFolderName.Calendar).getId();
      return new EwsMailbox(smtp, service, calls, contacts, calendar);
    } catch (MailboxException e) {
      service.close();
      throw e;
    } catch (Exception e) {
      service.close();
      throw EwsErrors.translate(e, smtp, "Opening the mailbox");
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
