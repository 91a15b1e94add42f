package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ConnectionCheck;
import com.exchangesync.worker.exchange.ConnectionCheck.Status;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.MailboxError;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Setup page's connection test: each check, its message, and the fix when it fails. */
class EwsConnectionTestIT {

  private ExchangeTestbedFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static java.util.List<Status> statuses(ConnectionTestReport report) {
    return report.checks().stream().map(ConnectionCheck::status).toList();
  }

  @Test
  void everyCheckPassesForAGoodSetup_throughAutodiscover() {
    ConnectionTestReport report = fixture.connector(fixture.autodiscover()).test(ExchangeTestbedFixture.ANN);
    assertThat(report.passed()).as(report.toJson().encodePrettily()).isTrue();
    assertThat(report.checks()).extracting(ConnectionCheck::name).containsExactlyElementsOf(ConnectionTestReport.CHECK_NAMES);
    assertThat(report.checks().get(0).message()).contains(fixture.bed.ewsUrl()).contains("Ann Rep");
    assertThat(report.checks().get(4).message()).contains("the first sync creates Salesforce_Sync");
    assertThat(fixture.sim.contacts(ExchangeTestbedFixture.ANN, null)).isEmpty();
    JsonObject first = report.toJson().getJsonObject(0);
    assertThat(first.fieldNames()).containsExactlyInAnyOrder("name", "status", "message", "suggestion");
    assertThat(first.getString("status")).isEqualTo("PASSED");
    assertThat(fixture.authChallenges()).isZero();
  }

  @Test
  void progressIsToldAfterEachCheck_untilTheFirstFailure() {
    java.util.List<Integer> seen = new java.util.ArrayList<>();
    fixture.connector().test(ExchangeTestbedFixture.ANN, r -> seen.add(r.checks().size()));
    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6);
    seen.clear();
    fixture.connector().test(ExchangeTestbedFixture.OUTSIDER, r -> seen.add(r.checks().size()));
    assertThat(seen).as("stops telling after the failed impersonation").containsExactly(1, 2, 3);
  }

  @Test
  void aWrongPasswordFailsTheLogon_withTheFix_andSkipsTheRest() {
    ConnectionTestReport report = fixture.connector(fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, "wrong"))
        .test(ExchangeTestbedFixture.ANN);
    assertThat(statuses(report)).containsExactly(Status.PASSED, Status.FAILED, Status.SKIPPED, Status.SKIPPED,
        Status.SKIPPED, Status.SKIPPED);
    ConnectionCheck logon = report.checks().get(1);
    assertThat(logon.message()).contains("401");
    assertThat(logon.suggestion()).isEqualTo(MailboxError.BAD_CREDENTIALS.suggestion());
    assertThat(report.checks().get(0).message()).startsWith("Not needed");
    assertThat(report.checks().get(2).message()).contains("Service account logon");
  }

  @Test
  void aRepOutsideTheImpersonationScopeFailsImpersonation() {
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.OUTSIDER);
    assertThat(statuses(report)).containsExactly(Status.PASSED, Status.PASSED, Status.FAILED, Status.SKIPPED,
        Status.SKIPPED, Status.SKIPPED);
    assertThat(report.checks().get(1).message()).contains("has no mailbox of its own");
    assertThat(report.checks().get(2).suggestion()).contains("ApplicationImpersonation");
  }

  @Test
  void anUnknownRepFailsAutodiscover() {
    ConnectionTestReport report = fixture.connector(fixture.autodiscover()).test("ghost@corp.example.com");
    assertThat(statuses(report).get(0)).isEqualTo(Status.FAILED);
    assertThat(report.checks().get(0).message()).contains("ghost@corp.example.com");
    assertThat(report.checks().get(0).suggestion()).isNotBlank();
  }

  @Test
  void anExistingSyncFolderIsReportedFound() throws Exception {
    fixture.connector().open(ExchangeTestbedFixture.BOB).close();
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.BOB);
    assertThat(report.passed()).isTrue();
    assertThat(report.checks().get(4).message()).isEqualTo("Found the Salesforce_Sync folder under Contacts.");
  }
}
