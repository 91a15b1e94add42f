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
 * reads (Salesforce_Sync is made by the first sync, not by the test). The
 * permissions may come from Entra consent or from RBAC for Applications (which
 * no token shows), so Permissions says which, and the reads after it are what
 * try them.
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
    assertThat(report.checks().get(1).message()).contains("admin consent in Microsoft Entra ID for Contacts.ReadWrite and "
        + "Calendars.ReadWrite");
    assertThat(report.checks().get(3).message()).contains("the first sync creates Salesforce_Sync");
    assertThat(fixture.sim.contacts(ExchangeTestbedFixture.ANN, null)).as("the test made nothing").isEmpty();
    assertThat(report.toJson().encode()).doesNotContain("eyJ"); // no token in what Salesforce stores
  }

  @Test
  void aMissingPermission_failsTheFirstCheckThatNeedsIt_namingItAndBothWaysToGrantIt() {
    fixture.registerApp(List.of("Contacts.ReadWrite"), null);
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope PASSED",
        "Contacts folder PASSED", "Calendar FAILED");
    assertThat(report.checks().get(1).message()).contains("admin consent in Microsoft Entra ID for Contacts.ReadWrite")
        .contains("Calendars.ReadWrite must come from RBAC for Applications");
    ConnectionCheck calendar = report.checks().get(4);
    assertThat(calendar.message()).contains("may not use Calendars.ReadWrite")
        .contains("no RBAC for Applications role assignment Application Calendars.ReadWrite");
    assertThat(calendar.suggestion()).contains("assign the app the RBAC for Applications roles Application Contacts.ReadWrite and "
        + "Application Calendars.ReadWrite with a management scope that includes this mailbox (check with "
        + "Test-ServicePrincipalAuthorization)").contains("grant admin consent");
  }

  @Test
  void rbacForApplicationsAlone_passesEveryCheck_sayingThePermissionsComeFromIt() {
    fixture.registerRbacOnly(ExchangeTestbedFixture.ANN);
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope PASSED",
        "Contacts folder PASSED", "Calendar PASSED");
    assertThat(report.checks().get(1).message()).contains("no Microsoft Graph application permission")
        .contains("Contacts.ReadWrite and Calendars.ReadWrite must come from RBAC for Applications")
        .contains("Application Contacts.ReadWrite and Application Calendars.ReadWrite roles");
  }

  @Test
  void aRoleAssignmentWhoseScopeLeavesTheMailboxOut_failsTheScopeCheck_namingRbacForApplications() {
    fixture.registerRbacOnly(ExchangeTestbedFixture.BOB);
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope FAILED",
        "Contacts folder SKIPPED", "Calendar SKIPPED");
    ConnectionCheck scope = report.checks().get(2);
    assertThat(scope.message()).contains("ErrorAccessDenied").contains("management scope");
    assertThat(scope.suggestion()).contains("RBAC for Applications").contains("management scope that includes this mailbox")
        .contains("Test-ServicePrincipalAuthorization");
  }

  @Test
  void aMailboxOutsideTheAppsScope_failsTheScopeCheck() {
    fixture.registerApp(GraphTestbedFixture.BOTH, new JsonArray().add(ExchangeTestbedFixture.BOB));
    ConnectionTestReport report = fixture.connector().test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).containsExactly("Token PASSED", "Permissions PASSED", "Mailbox in scope FAILED",
        "Contacts folder SKIPPED", "Calendar SKIPPED");
    assertThat(report.checks().get(2).suggestion()).contains("RBAC for Applications").contains("application access policy");
  }

  @Test
  void aRefusedSignIn_failsTheTokenCheck_withEntrasCode() {
    GraphSettings settings = fixture.settings(GraphTestbedFixture.secret("not-the-secret"), Clock.systemUTC());
    ConnectionTestReport report = fixture.connector(settings).test(ExchangeTestbedFixture.ANN);
    assertThat(lines(report)).startsWith("Token FAILED", "Permissions SKIPPED");
    assertThat(report.checks().get(0).message()).contains("AADSTS7000215").doesNotContain("not-the-secret");
  }
}
