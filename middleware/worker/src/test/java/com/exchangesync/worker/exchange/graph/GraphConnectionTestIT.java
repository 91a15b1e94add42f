package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.ConnectionCheck;
import com.exchangesync.worker.exchange.ConnectionTestReport;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonArray;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Setup page's connection test on Exchange Online: Token, Permissions,
 * Mailbox in scope, Contacts folder, Calendar, each reported as it completes; a
 * failure names its cause and fix and skips what depends on it; the test only
 * reads (Salesforce_Sync is made by the first sync, not by the test).
 */
class GraphConnectionTestIT {

  private GraphTestbedFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static List<String> lines(ConnectionTestReport report) {
    return report.checks().stream().map(c -> c.name() + " " + c.status()).toList();
  }

  @Test
  void everyCheckPasses_andEachIsReportedAsItCompletes() {
    List<ConnectionTestReport> progress = new ArrayList<>();
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN, progress::add);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope PASSED",
        "Contacts folder PASSED", "Calendar PASSED");
    assertThat(progress).extracting(r -> r.checks().size()).containsExactly(1, 2, 3, 4, 5);
    assertThat(report.checks().get(1).message()).contains("Contacts.ReadWrite and Calendars.ReadWrite");
    assertThat(report.checks().get(3).message()).contains("the first sync creates Salesforce_Sync");
    assertThat(fixture.sim.contacts(ExchangeTestbedFixture.ANN, null)).as("the test made nothing").isEmpty();
    assertThat(report.toJson().encode()).doesNotContain("eyJ"); // no token in what Salesforce stores
  }

  @Test
  void aMissingConsent_isNamed_andWhatDependsOnItIsSkipped() {
    fixture.registerApp(List.of("Contacts.ReadWrite"), null);
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions FAILED", "Mailbox in scope SKIPPED",
        "Contacts folder SKIPPED", "Calendar SKIPPED");
    ConnectionCheck permissions = report.checks().get(1);
    assertThat(permissions.message()).contains("Calendars.ReadWrite");
    assertThat(permissions.suggestion()).contains("admin consent");
  }

  @Test
  void aMailboxOutsideTheAppsScope_failsTheScopeCheck() {
    fixture.registerApp(GraphTestbedFixture.BOTH, new JsonArray().add(ExchangeTestbedFixture.BOB));
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope FAILED",
        "Contacts folder SKIPPED", "Calendar SKIPPED");
    assertThat(report.checks().get(2).suggestion()).contains("RBAC for Applications");
  }

  @Test
  void aRefusedSignIn_failsTheTokenCheck_withEntrasCode() {
    GraphSettings settings = fixture.settings(GraphTestbedFixture.secret("not-the-secret"), Clock.systemUTC());
    ConnectionTestReport report = fixture.connector(settings).test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).startsWith("Token FAILED", "Permissions SKIPPED");
    assertThat(report.checks().get(0).message()).contains("AADSTS7000215").doesNotContain("not-the-secret");
  }
}
