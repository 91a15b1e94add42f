package com.exchangesync.worker.salesforce;

import static com.exchangesync.worker.salesforce.CannedSalesforce.fault;
import static com.exchangesync.worker.salesforce.CannedSalesforce.saveResults;
import static com.exchangesync.worker.salesforce.CannedSalesforce.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.metrics.Metrics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's recovery rules against scripted answers; {@code SalesforceAdapterIT} runs against the test bed. */
class SalesforceClientTest {

  private CannedSalesforce sf;
  private final Metrics metrics = new Metrics();
  private final List<Duration> waits = new ArrayList<>();
  private SalesforceClient client;
  private SalesforceAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    sf = new CannedSalesforce();
    SalesforceSettings settings = new SalesforceSettings(URI.create(sf.loginUrl()), CannedSalesforce.CREDENTIALS,
        "", true, 4, Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), () -> 0));
    client = new SalesforceClient(settings, metrics, waits::add);
    adapter = new SalesforceAdapter(client, new SalesforceNames(""));
  }

  @AfterEach
  void stop() {
    sf.close();
  }

  private long calls(String operation) {
    return metrics.counter("exsync_salesforce_calls_total", "", "operation").value(operation);
  }

  @Test
  void signsInOnce_andSharesTheSessionAcrossCalls() throws Exception {
    adapter.serverTime();
    adapter.serverTime();

    assertThat(sf.count("token")).isEqualTo(1);
    assertThat(sf.all("token").get(0).body()).isEqualTo("grant_type=client_credentials&client_id=3MVG9CannedConsumerKey"
        + "&client_secret=pa55word");
    assertThat(sf.count("login")).as("SOAP login() is gone").isZero();
    assertThat(sf.all("getServerTimestamp")).allSatisfy(r -> assertThat(r.body()).contains("!SESSION1"));
    assertThat(client.currentSession().organizationId()).isEqualTo(CannedSalesforce.ORG);
    assertThat(client.currentSession().toString()).doesNotContain("SESSION1");
    assertThat(calls("getServerTimestamp")).isEqualTo(2);
  }

  @Test
  void signsInAgainOnce_whenTheSessionExpired_andRepeatsTheCall() throws Exception {
    adapter.serverTime();
    sf.then("getServerTimestamp", fault("INVALID_SESSION_ID", "sf:UnexpectedErrorFault",
        "Invalid Session ID found in SessionHeader: Illegal Session"));

    assertThat(adapter.serverTime()).isNotNull();

    assertThat(sf.count("token")).isEqualTo(2);
    assertThat(sf.all("getServerTimestamp").get(2).body()).contains("!SESSION2");
    assertThat(metrics.counter("exsync_salesforce_retries_total", "", "reason").value("INVALID_SESSION_ID")).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void givesUpWithTheCause_whenTheFreshSessionIsRefusedToo() {
    String expired = "Session expired or invalid";
    sf.then("getServerTimestamp", fault("INVALID_SESSION_ID", "sf:UnexpectedErrorFault", expired),
        fault("INVALID_SESSION_ID", "sf:UnexpectedErrorFault", expired));

    assertThatThrownBy(adapter::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
      assertThat(e.code()).isEqualTo("INVALID_SESSION_ID");
      assertThat(e.kind()).isEqualTo(SalesforceException.Kind.LOGIN);
      assertThat(e.getMessage()).contains("refused the session of a fresh sign-in too")
          .contains("Manage user data via APIs (api)").doesNotContain("!SESSION").doesNotContain("pa55word");
    });
    assertThat(sf.count("token")).isEqualTo(2);
  }

  @Test
  void waitsOutAnUnavailableTokenEndpoint() throws Exception {
    sf.then("token", unavailable(), unavailable());

    assertThat(adapter.serverTime()).isNotNull();

    assertThat(sf.count("token")).isEqualTo(3);
    assertThat(waits).hasSize(2);
  }

  @Test
  void waitsOutThrottlingAnd503_withGrowingBackoff() throws Exception {
    sf.then("getServerTimestamp",
        fault("REQUEST_LIMIT_EXCEEDED", "sf:UnexpectedErrorFault", "TotalRequests Limit exceeded."),
        unavailable(),
        fault("UNABLE_TO_LOCK_ROW", "sf:UnexpectedErrorFault", "unable to obtain exclusive access to this record"));

    assertThat(adapter.serverTime()).isNotNull();

    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(metrics.render())
        .contains("exsync_salesforce_retries_total{reason=\"REQUEST_LIMIT_EXCEEDED\"} 1")
        .contains("exsync_salesforce_retries_total{reason=\"HTTP_503\"} 1")
        .contains("exsync_salesforce_retries_total{reason=\"UNABLE_TO_LOCK_ROW\"} 1");
  }

  @Test
  void reportsThrottled_afterTheLastRetry() {
    for (int i = 0; i < 4; i++) {
      sf.then("getServerTimestamp", unavailable());
    }

    assertThatThrownBy(adapter::serverTime).isInstanceOfSatisfying(SalesforceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SalesforceException.Kind.THROTTLED);
      assertThat(e.code()).isEqualTo("HTTP_503");
      assertThat(e.isTransient()).isTrue();
    });
    assertThat(waits).hasSize(3);
  }

  @Test
  void namesOtherFaults_withoutRetrying() {
    sf.then("query", fault("INVALID_FIELD", "sf:InvalidFieldFault", "No such column 'Nope' on entity 'Contact'."));

    assertThatThrownBy(() -> adapter.queryList(Soql.select("Nope").from("Contact").build()))
        .isInstanceOfSatisfying(SalesforceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SalesforceException.Kind.FAULT);
          assertThat(e.code()).isEqualTo("INVALID_FIELD");
          assertThat(e.getMessage()).contains("No such column");
        });
    assertThat(waits).isEmpty();
    assertThat(metrics.render()).contains("exsync_salesforce_errors_total{code=\"INVALID_FIELD\"} 1");
  }

  @Test
  void aRefusedSignInIsALoginError_withSalesforcesDescriptionAndTheFix_withoutTheSecret() {
    sf.then("token", CannedSalesforce.oauthError("invalid_grant", "no client credentials user enabled"));

    assertThatThrownBy(adapter::organizationId).isInstanceOfSatisfying(SalesforceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SalesforceException.Kind.LOGIN);
      assertThat(e.code()).isEqualTo("invalid_grant");
      assertThat(e.getMessage()).contains("3MVG9CannedConsumerKey").contains("(no client credentials user enabled)")
          .contains("set Run As to the integration user").doesNotContain("pa55word");
    });
    assertThat(metrics.render()).contains("exsync_salesforce_logins_total{outcome=\"refused\"} 1");
  }

  @Test
  void anUnreachableSalesforceIsUnavailable() throws Exception {
    sf.close();

    assertThatThrownBy(adapter::organizationId).isInstanceOfSatisfying(SalesforceException.class, e -> {
      assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
      assertThat(e.isTransient()).isTrue();
    });
  }

  @Test
  void retriesOnlyTheRecordsThatWereLocked() throws Exception {
    sf.then("create", saveResults("create", "003000000000001AAA", "UNABLE_TO_LOCK_ROW", "REQUIRED_FIELD_MISSING",
        "UNABLE_TO_LOCK_ROW"), saveResults("create", "003000000000002AAA", "003000000000004AAA"));

    List<WriteResult> results = adapter.create(List.of(
        SalesforceRecord.of("Contact", null, Map.of("LastName", "A")),
        SalesforceRecord.of("Contact", null, Map.of("LastName", "B")),
        SalesforceRecord.of("Contact", null, Map.of("FirstName", "no last name")),
        SalesforceRecord.of("Contact", null, Map.of("LastName", "D"))));

    assertThat(results).extracting(WriteResult::id)
        .containsExactly("003000000000001AAA", "003000000000002AAA", null, "003000000000004AAA");
    assertThat(results.get(2).statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(results.get(2).errors().get(0).message()).isEqualTo("REQUIRED_FIELD_MISSING happened");
    List<CannedSalesforce.Request> creates = sf.all("create");
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).body()).contains(">B<").contains(">D<").doesNotContain(">A<").doesNotContain("no last name");
    assertThat(waits).hasSize(1);
    assertThat(metrics.render()).contains("exsync_salesforce_errors_total{code=\"REQUIRED_FIELD_MISSING\"} 1");
  }

  @Test
  void writesAtMost200RecordsPerCall() throws Exception {
    List<SalesforceRecord> records = new ArrayList<>();
    String[] first = new String[200];
    String[] second = new String[50];
    for (int i = 0; i < 250; i++) {
      records.add(SalesforceRecord.of("Contact", null, Map.of("LastName", "n" + i)));
      String id = "003" + String.format("%012d", i);
      if (i < 200) {
        first[i] = id;
      } else {
        second[i - 200] = id;
      }
    }
    sf.then("create", saveResults("create", first), saveResults("create", second));

    List<WriteResult> results = adapter.create(records);

    assertThat(results).hasSize(250).allMatch(WriteResult::success);
    assertThat(sf.count("create")).isEqualTo(2);
    assertThat(results.get(249).id()).isEqualTo(SalesforceId.require("003000000000249"));
  }
}
