package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceRecord;
import com.exchangesync.worker.salesforce.Soql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection tests an admin asked for on the Setup page
 * ({@code Exchange_Sync_Connection_Test__c} rows with {@code Status__c = Requested}):
 * each is marked {@code Running}, every check's result is written to
 * {@code Results__c} as it completes (the page shows them arriving), then
 * {@code Passed} or {@code Failed}.
 */
final class ConnectionTests {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTests.class);
  private static final String OBJECT = "Exchange_Sync_Connection_Test__c";

  private final SalesforceAdapter salesforce;

  ConnectionTests(SalesforceAdapter salesforce) {
    this.salesforce = salesforce;
  }

  void runRequested(ExchangeAccess access) throws SalesforceException {
    Optional<MailboxConnector> connector = access.connector();
    List<SalesforceRecord> requested = salesforce.queryList(salesforce.select(OBJECT, List.of("Id", "Email__c", "Status__c"))
        .where(Soql.eq(salesforce.api("Status__c"), "Requested")).build());
    for (SalesforceRecord test : requested) {
      String email = test.get("Email__c");
      Map<String, String> result = new LinkedHashMap<>();
      if (connector.isEmpty()) {
        result.put("Status__c", "Failed");
        result.put("Results__c", access.unusable(email == null ? "" : email.trim()).toJson().encode());
      } else {
        salesforce.update(List.of(SalesforceRecord.of(OBJECT, test.id(), Map.of("Status__c", "Running"))));
        ConnectionTestReport report = connector.get().test(email == null ? "" : email.trim(), partial -> {
          try {
            salesforce.update(List.of(SalesforceRecord.of(OBJECT, test.id(), Map.of("Results__c", partial.toJson().encode()))));
          } catch (SalesforceException e) {
            LOG.warn("Could not write the progress of the connection test for {}: {}", email, e.getMessage(), e);
          }
        });
        result.put("Status__c", report.passed() ? "Passed" : "Failed");
        result.put("Results__c", report.toJson().encode());
      }
      salesforce.update(List.of(SalesforceRecord.of(OBJECT, test.id(), result)));
      LOG.info("Connection test for {}: {}", email, result.get("Status__c"));
    }
  }
}
