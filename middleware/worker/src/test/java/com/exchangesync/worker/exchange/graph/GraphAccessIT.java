package com.exchangesync.worker.exchange.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.exchange.ews.ExchangeTestbedFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in and being let in: the certificate and the secret both sign in,
 * one token serves many calls, and each refusal is named with Entra ID's or
 * Graph's own words and the admin's fix: a wrong secret, an unknown app or
 * tenant, a certificate the app does not have, a mailbox outside the app's scope,
 * no such mailbox, a mailbox without an Exchange Online licence, and consent
 * revoked; and RBAC for Applications alone letting the app into its scope's
 * mailboxes.
 */
class GraphAccessIT {

  private static final String ANN = ExchangeTestbedFixture.ANN;
  private GraphTestbedFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GraphTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private MailboxConnector connector(String tenant, String clientId, com.exchangesync.worker.config.GraphCredentials credentials) {
    GraphSettings s = fixture.settings(credentials, Clock.systemUTC());
    return fixture.connector(new GraphSettings(tenant, clientId, credentials, s.loginUrl(), s.graphUrl(), true, s.retry(), s.timeout(),
        s.clock(), s.windowClock()));
  }

  private static MailboxError refusal(MailboxConnector connector, String smtp) {
    try (Mailbox m = connector.open(smtp)) {
      m.changes(ItemKind.EVENT, Optional.empty());
      throw new AssertionError("expected a refusal for " + smtp);
    } catch (MailboxException e) {
      return e.error();
    }
  }

  @Test
  void theCertificateAndTheSecretBothSignIn_andOneTokenServesEveryCall() throws Exception {
    for (MailboxConnector c : List.of(fixture.connector(), connector(GraphTestbedFixture.TENANT, GraphTestbedFixture.CLIENT_ID,
        GraphTestbedFixture.secret(GraphTestbedFixture.CLIENT_SECRET)))) {
      long before = fixture.graphStats().getLong("tokensIssued");
      try (Mailbox m = c.open(ANN)) {
        m.changes(ItemKind.CONTACT, Optional.empty());
        m.changes(ItemKind.EVENT, Optional.empty());
      }
      try (Mailbox m = c.open(ExchangeTestbedFixture.BOB)) {
        m.changes(ItemKind.CONTACT, Optional.empty());
      }
      assertThat(fixture.graphStats().getLong("tokensIssued") - before).as("tokens fetched for two mailboxes and five calls").isOne();
    }
    assertThat(fixture.graphStats().getLong("authChallenges")).isZero();
  }

  @Test
  void aTokenIsKeptUntilFiveMinutesBeforeItEnds_thenRenewed() throws Exception {
    Instant[] now = {Instant.now()};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    GraphSettings s = fixture.settings(GraphTestbedFixture.secret(GraphTestbedFixture.CLIENT_SECRET), Clock.systemUTC());
    MailboxConnector c = fixture.connector(new GraphSettings(s.tenantId(), s.clientId(), s.credentials(), s.loginUrl(), s.graphUrl(),
        true, s.retry(), s.timeout(), clock, Clock.systemUTC()));
    long before = fixture.graphStats().getLong("tokensIssued");
    try (Mailbox m = c.open(ANN)) {
      now[0] = now[0].plus(Duration.ofMinutes(54)); // Entra ID's app tokens live 3,599 s
      m.changes(ItemKind.CONTACT, Optional.empty());
      assertThat(fixture.graphStats().getLong("tokensIssued") - before).as("still more than five minutes to live").isOne();
      now[0] = now[0].plus(Duration.ofMinutes(2));
      m.changes(ItemKind.CONTACT, Optional.empty());
      assertThat(fixture.graphStats().getLong("tokensIssued") - before).as("renewed within five minutes of its end").isEqualTo(2);
    }
  }

  @Test
  void aWrongSecret_anUnknownApp_anUnknownTenant_andAnUnregisteredCertificate_areRefusedSignIns_namedWithEntrasWords()
      throws Exception {
    assertThatThrownBy(() -> connector(GraphTestbedFixture.TENANT, GraphTestbedFixture.CLIENT_ID, GraphTestbedFixture.secret("wrong"))
        .open(ANN)).isInstanceOfSatisfying(MailboxException.class, e -> {
          assertThat(e.error()).isEqualTo(MailboxError.APP_SIGN_IN_REFUSED);
          assertThat(e.getMessage()).contains("AADSTS7000215").contains("Value, not its Secret ID").doesNotContain("wrong");
        });
    assertThatThrownBy(() -> connector(GraphTestbedFixture.TENANT, GraphTestbedFixture.randomId(), fixture.certificateCredentials())
        .open(ANN)).isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.getMessage()).contains("AADSTS700016"));
    assertThatThrownBy(() -> connector(GraphTestbedFixture.randomId(), GraphTestbedFixture.CLIENT_ID, fixture.certificateCredentials())
        .open(ANN)).isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.getMessage()).contains("AADSTS90002"));
    GraphTestbedFixture.AppCertificate other = GraphTestbedFixture.newCertificate(java.nio.file.Files.createTempDirectory("other"),
        "Not the app's");
    assertThatThrownBy(() -> connector(GraphTestbedFixture.TENANT, GraphTestbedFixture.CLIENT_ID,
        com.exchangesync.worker.config.PemCertificate.read(other.file(), java.time.Instant.now())).open(ANN))
        .isInstanceOfSatisfying(MailboxException.class, e -> {
          assertThat(e.error()).isEqualTo(MailboxError.APP_SIGN_IN_REFUSED);
          assertThat(e.getMessage()).contains("AADSTS700027").contains("not uploaded to the app registration");
        });
    assertThat(MailboxError.APP_SIGN_IN_REFUSED.suggestion()).contains("Tenant ID").contains("EXSYNC_GRAPH_CERTIFICATE_FILE");
  }

  @Test
  void aMailboxOutsideTheAppsScope_noMailbox_andNoExchangeOnlineLicence_areNamed() throws Exception {
    sendMailbox(new JsonObject().put("smtp", "hybrid@corp.example.com").put("displayName", "Hybrid Rep").put("onPremises", true));
    fixture.registerApp(GraphTestbedFixture.BOTH, new JsonArray().add(ANN).add("hybrid@corp.example.com"));
    MailboxConnector c = fixture.connector();
    assertThat(refusal(c, ExchangeTestbedFixture.OUTSIDER)).isEqualTo(MailboxError.MAILBOX_OUT_OF_SCOPE);
    assertThatThrownBy(() -> c.open(ExchangeTestbedFixture.OUTSIDER)).hasMessageContaining("RBAC for Applications")
        .hasMessageContaining("ErrorAccessDenied");
    assertThat(refusal(c, "nobody@corp.example.com")).isEqualTo(MailboxError.MAILBOX_NOT_FOUND);
    assertThat(refusal(c, "hybrid@corp.example.com")).isEqualTo(MailboxError.MAILBOX_NOT_ENABLED);
    assertThatThrownBy(() -> c.open("hybrid@corp.example.com")).hasMessageContaining("MailboxNotEnabledForRESTAPI");
    assertThat(MailboxError.MAILBOX_NOT_ENABLED.suggestion()).contains("license");
    assertThat(MailboxError.MAILBOX_OUT_OF_SCOPE.suggestion()).contains("management scope");
  }

  @Test
  void consentRevokedWhileATokenIsKept_isNamedAsAMissingPermission_notAsScope() throws Exception {
    MailboxConnector c = fixture.connector();
    try (Mailbox m = c.open(ANN)) {
      m.changes(ItemKind.EVENT, Optional.empty());
      fixture.registerApp(List.of("Contacts.ReadWrite"), null);
      assertThatThrownBy(() -> m.changes(ItemKind.EVENT, Optional.empty())).isInstanceOfSatisfying(MailboxException.class, e -> {
        assertThat(e.error()).isEqualTo(MailboxError.APP_PERMISSION_MISSING);
        assertThat(e.getMessage()).contains("Calendars.ReadWrite").contains("its token grants Contacts.ReadWrite");
      });
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).syncToken()).as("contacts still sync").isNotEmpty();
    }
    assertThat(MailboxError.APP_PERMISSION_MISSING.suggestion()).contains("admin consent");
  }

  @Test
  void rbacForApplicationsAlone_letsTheAppIntoItsScope_andARefusalOutsideItNamesBothWaysToGrant() throws Exception {
    fixture.registerRbacOnly(ANN);
    MailboxConnector c = fixture.connector();
    try (Mailbox m = c.open(ANN)) {
      assertThat(m.changes(ItemKind.CONTACT, Optional.empty()).syncToken()).isNotEmpty();
      assertThat(m.changes(ItemKind.EVENT, Optional.empty()).syncToken()).isNotEmpty();
    }
    assertThatThrownBy(() -> c.open(ExchangeTestbedFixture.BOB)).isInstanceOfSatisfying(MailboxException.class, e -> {
      assertThat(e.error()).isEqualTo(MailboxError.APP_PERMISSION_MISSING);
      assertThat(e.getMessage()).contains("ErrorAccessDenied").contains("its token grants none")
          .contains("no RBAC for Applications role assignment Application Contacts.ReadWrite")
          .contains("assign the app the RBAC for Applications roles Application Contacts.ReadWrite and "
              + "Application Calendars.ReadWrite with a management scope that includes this mailbox (check with "
              + "Test-ServicePrincipalAuthorization)")
          .contains("Contacts.ReadWrite and Calendars.ReadWrite in the Microsoft Entra admin center and grant admin consent");
    });
    assertThat(MailboxError.APP_PERMISSION_MISSING.suggestion()).contains("Recommended: in Exchange Online PowerShell, assign the "
        + "app the RBAC for Applications roles");
    assertThat(MailboxError.MAILBOX_OUT_OF_SCOPE.suggestion()).contains("Test-ServicePrincipalAuthorization")
        .contains("application access policy");
  }

  private void sendMailbox(JsonObject body) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create(fixture.exchange.bed.baseUrl() + "/sim/mailboxes"))
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isLessThan(300);
  }
}
