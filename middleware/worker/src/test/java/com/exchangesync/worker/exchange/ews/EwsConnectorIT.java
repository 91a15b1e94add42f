package com.exchangesync.worker.exchange.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.ItemKind;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening mailboxes: endpoints, logon, impersonation, the Salesforce_Sync folder, transport security. */
class EwsConnectorIT {

  private ExchangeTestbedFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ExchangeTestbedFixture();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  private static MailboxError errorOpening(EwsMailboxConnector connector, String smtp) {
    try (Mailbox ignored = connector.open(smtp)) {
      throw new AssertionError("opened " + smtp);
    } catch (MailboxException e) {
      assertThat(e.getMessage()).contains(smtp);
      return e.error();
    }
  }

  @Test
  void opensByAFixedUrl_createsSalesforceSyncOnce_andMeetsNoChallenge() throws Exception {
    EwsMailboxConnector connector = fixture.connector();
    try (Mailbox first = connector.open(ExchangeTestbedFixture.ANN)) {
      assertThat(first.changes(ItemKind.CONTACT, Optional.empty()).changed()).isEmpty();
    }
    // Another connector (another worker's, or this one's after a restart) remembers nothing, and finds it.
    try (Mailbox again = fixture.connector().open(ExchangeTestbedFixture.ANN)) {
      assertThat(again.smtp()).isEqualTo(ExchangeTestbedFixture.ANN);
    }
    assertThat(fixture.sim.contacts(ExchangeTestbedFixture.ANN, EwsFolders.SYNC_FOLDER)).isEmpty();
    assertThat(fixture.stats.calls("CreateFolder")).as("the folder is created once, then found").isEqualTo(1);
    assertThat(fixture.stats.calls("FindFolder")).isEqualTo(2);
    assertThat(fixture.authChallenges()).isZero();
  }

  @Test
  void opensThroughAutodiscover_andAsksItOncePerMailbox() throws Exception {
    EwsMailboxConnector connector = fixture.connector(fixture.autodiscover());
    try (Mailbox mailbox = connector.open(ExchangeTestbedFixture.BOB)) {
      assertThat(mailbox.changes(ItemKind.EVENT, Optional.empty()).changed()).isEmpty();
    }
    try (Mailbox mailbox = connector.open(ExchangeTestbedFixture.BOB)) {
      assertThat(mailbox.smtp()).isEqualTo(ExchangeTestbedFixture.BOB);
    }
    assertThat(fixture.stats.calls("GetUserSettings")).isEqualTo(1);
    assertThat(fixture.authChallenges()).isZero();
    assertThat(errorOpening(connector, "ghost@corp.example.com")).isEqualTo(MailboxError.MAILBOX_NOT_FOUND);
  }

  @Test
  void aWrongPasswordIsBadCredentials_viaEwsAndViaAutodiscover() throws Exception {
    assertThat(errorOpening(fixture.connector(fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, "wrong")), ExchangeTestbedFixture.ANN))
        .isEqualTo(MailboxError.BAD_CREDENTIALS);
    EwsSettings viaAutodiscover = fixture.autodiscover();
    EwsSettings wrong = new EwsSettings(new ServiceAccount(ExchangeTestbedFixture.SERVICE, Secret.of("wrong")), Optional.empty(),
        viaAutodiscover.autodiscoverUrl(), true, viaAutodiscover.retry(), viaAutodiscover.timeout());
    assertThat(errorOpening(fixture.connector(wrong), ExchangeTestbedFixture.ANN)).isEqualTo(MailboxError.BAD_CREDENTIALS);
  }

  @Test
  void impersonationOutsideTheScopeAndUnknownMailboxesAreNamed() {
    EwsMailboxConnector connector = fixture.connector();
    assertThat(errorOpening(connector, ExchangeTestbedFixture.OUTSIDER)).isEqualTo(MailboxError.IMPERSONATION_DENIED);
    assertThat(errorOpening(connector, "nobody@corp.example.com")).isEqualTo(MailboxError.MAILBOX_NOT_FOUND);
  }

  @Test
  void aDownLevelServiceAccountNameWorks() throws Exception {
    fixture.sim.serviceAccount("CORP\\svc", ExchangeTestbedFixture.PASSWORD, null);
    try (Mailbox mailbox = fixture.connector(fixture.fixedUrl("CORP\\svc", ExchangeTestbedFixture.PASSWORD))
        .open(ExchangeTestbedFixture.OUTSIDER)) {
      assertThat(mailbox.changes(ItemKind.CONTACT, Optional.empty()).size()).isZero();
    }
  }

  @Test
  void plainHttpIsRefusedUnlessLoopbackIsAllowed_andNeverSent() {
    EwsSettings allowed = fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD);
    EwsSettings strict = new EwsSettings(allowed.account(), allowed.ewsUrl(), Optional.empty(), false, allowed.retry(), allowed.timeout());
    long before = fixture.sim.stats().getLong("httpRequests");
    assertThatThrownBy(() -> fixture.connector(strict).open(ExchangeTestbedFixture.ANN))
        .isInstanceOfSatisfying(MailboxException.class, e -> {
          assertThat(e.error()).isEqualTo(MailboxError.INSECURE_TRANSPORT);
          assertThat(e.getMessage()).contains("EXSYNC_ALLOW_INSECURE_LOOPBACK");
        });
    EwsSettings remote = new EwsSettings(allowed.account(), Optional.of(URI.create("http://mail.example.com/EWS/Exchange.asmx")),
        Optional.empty(), true, allowed.retry(), allowed.timeout());
    assertThatThrownBy(() -> fixture.connector(remote).open(ExchangeTestbedFixture.ANN))
        .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.INSECURE_TRANSPORT));
    assertThat(fixture.sim.stats().getLong("httpRequests")).as("nothing was sent").isEqualTo(before);
  }

  @Test
  void anEndpointThatIsNotThereIsUnreachable() {
    EwsSettings base = fixture.fixedUrl(ExchangeTestbedFixture.SERVICE, ExchangeTestbedFixture.PASSWORD);
    EwsSettings nowhere = new EwsSettings(base.account(), Optional.of(URI.create("http://127.0.0.1:9/EWS/Exchange.asmx")),
        Optional.empty(), true, base.retry(), Duration.ofSeconds(5));
    assertThat(errorOpening(fixture.connector(nowhere), ExchangeTestbedFixture.ANN)).isEqualTo(MailboxError.UNREACHABLE);
  }

  @Test
  void theSecretNeverShowsInTheAccountsText() {
    ServiceAccount account = new ServiceAccount("svc@corp.example.com", Secret.of("hunter2-secret"));
    assertThat(account.toString()).doesNotContain("hunter2").contains("svc@corp.example.com");
    assertThatThrownBy(() -> new ServiceAccount("just-a-name", Secret.of("x")))
        .hasMessageContaining("neither user@domain nor domain\\user");
  }
}
