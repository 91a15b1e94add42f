package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ConnectionCheck;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How this cycle reaches the org's Exchange: a connector, or why there is none
 * (what Setup or the worker lacks, and the fix), and whether the org's
 * credentials count as provided for the system status.
 *
 * @param connector the connector, when Setup and the worker give all it needs
 * @param provided whether the credentials are provided ({@code Service_Account_Provided__c}): a service
 *     account for Exchange Server; tenant, application and the worker's certificate or secret for Exchange Online
 * @param checks the connection test's check names, in order (a test without a connector fails the first)
 * @param missing what is missing, when there is no connector
 * @param fix what the admin does about it
 */
public record ExchangeAccess(Optional<MailboxConnector> connector, boolean provided, List<String> checks, String missing,
                             String fix) {

  public ExchangeAccess {
    checks = List.copyOf(checks);
  }

  static ExchangeAccess of(MailboxConnector connector, List<String> checks) {
    return new ExchangeAccess(Optional.of(connector), true, checks, "", "");
  }

  static ExchangeAccess missing(boolean provided, List<String> checks, String missing, String fix) {
    return new ExchangeAccess(Optional.empty(), provided, checks, missing, fix);
  }

  /** The connection test's answer when there is no connector: the first check failed with what is missing. */
  ConnectionTestReport unusable(String smtp) {
    List<ConnectionCheck> out = new ArrayList<>();
    out.add(new ConnectionCheck(checks.get(0), ConnectionCheck.Status.FAILED, missing, fix));
    checks.subList(1, checks.size()).forEach(name -> out.add(ConnectionCheck.skipped(name, checks.get(0))));
    return new ConnectionTestReport(smtp, out);
  }
}
