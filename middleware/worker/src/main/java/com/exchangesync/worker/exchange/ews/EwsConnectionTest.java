package com.exchangesync.worker.exchange.ews;

import com.exchangesync.worker.exchange.ConnectionCheck;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;

/**
 * The connection test of the Setup page for one rep, in the order a failure is
 * best explained: Autodiscover, the service account's logon, impersonation of the
 * rep, the Contacts folder, {@code Salesforce_Sync}, the calendar. After a check
 * fails, the ones that depend on it are reported as skipped. It only reads: the
 * first sync creates {@code Salesforce_Sync}, not the test.
 */
final class EwsConnectionTest {

  private final EwsSettings settings;
  private final EwsEndpoints endpoints;
  private final EwsServiceFactory services;
  private final ExchangeStats stats;

  EwsConnectionTest(EwsSettings settings, EwsEndpoints endpoints, EwsServiceFactory services, ExchangeStats stats) {
    this.settings = settings;
    this.endpoints = endpoints;
    this.services = services;
    this.stats = stats;
  }

  /** One named check: returns its message on success, throws to fail. */
  @FunctionalInterface
  private interface Check {
    String run() throws MailboxException;
  }

  ConnectionTestReport run(String smtp, java.util.function.Consumer<ConnectionTestReport> progress) {
    List<ConnectionCheck> checks = new ArrayList<>();
    EwsCalls calls = new EwsCalls(smtp, settings.retry(), stats);
    EwsEndpoints.Endpoint[] endpoint = new EwsEndpoints.Endpoint[1];
    ExchangeService[] impersonating = new ExchangeService[1];
    List<Check> steps = List.of(
        () -> {
          endpoint[0] = endpoints.resolve(smtp, stats);
          return endpoint[0].discovered()
              ? "Autodiscover gave the EWS URL " + endpoint[0].ewsUrl() + " for " + smtp
                  + (endpoint[0].displayName().isEmpty() ? "." : " (" + endpoint[0].displayName() + ").")
              : "Not needed: Setup gives the EWS URL " + endpoint[0].ewsUrl() + ".";
        },
        () -> logon(endpoint[0], calls),
        () -> {
          impersonating[0] = services.create(endpoint[0].ewsUrl(), Optional.of(smtp));
          EwsFolders.bind(impersonating[0], calls, WellKnownFolderName.MsgFolderRoot);
          return "The service account can act as " + smtp + ".";
        },
        () -> {
          Folder contacts = EwsFolders.bind(impersonating[0], calls, WellKnownFolderName.Contacts);
          return "Found the Contacts folder (" + count(contacts) + " items).";
        },
        () -> EwsFolders.findSyncFolder(impersonating[0], calls).isPresent()
            ? "Found the " + EwsFolders.SYNC_FOLDER + " folder under Contacts."
            : "Not there yet: the first sync creates " + EwsFolders.SYNC_FOLDER + " under Contacts.",
        () -> {
          Folder calendar = EwsFolders.bind(impersonating[0], calls, WellKnownFolderName.Calendar);
          return "Found the calendar (" + count(calendar) + " items).";
        });
    String failed = null;
    try {
      for (int i = 0; i < steps.size(); i++) {
        String name = ConnectionTestReport.CHECK_NAMES.get(i);
        if (failed != null) {
          checks.add(ConnectionCheck.skipped(name, failed));
          continue;
        }
        try {
          checks.add(ConnectionCheck.passed(name, steps.get(i).run()));
        } catch (MailboxException e) {
          checks.add(ConnectionCheck.failed(name, e));
          failed = name;
        }
        if (failed == null || failed.equals(name)) {
          progress.accept(new ConnectionTestReport(smtp, checks));
        }
      }
    } finally {
      if (impersonating[0] != null) {
        impersonating[0].close();
      }
    }
    return new ConnectionTestReport(smtp, checks);
  }

  /**
   * Logs on as the service account itself, without impersonation. An answer that
   * the account has no mailbox of its own still proves the logon worked.
   */
  private String logon(EwsEndpoints.Endpoint endpoint, EwsCalls calls) throws MailboxException {
    try (ExchangeService own = services.create(endpoint.ewsUrl(), Optional.empty())) {
      EwsFolders.bind(own, calls, WellKnownFolderName.MsgFolderRoot);
      return settings.account().username() + " logged on to " + endpoint.ewsUrl() + ".";
    } catch (MailboxException e) {
      if (e.error() == MailboxError.MAILBOX_NOT_FOUND) {
        return settings.account().username() + " logged on to " + endpoint.ewsUrl() + " (it has no mailbox of its own, which is fine).";
      }
      throw e;
    }
  }

  private static String count(Folder folder) {
    try {
      return Integer.toString(folder.getTotalCount());
    } catch (Exception e) {
      return "an unknown number of";
    }
  }
}
