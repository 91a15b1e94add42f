package com.exchangesync.worker.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory mailbox keeps the mailbox contract, so engine tests can trust it. */
class InMemoryMailboxTest extends MailboxContract {

  private InMemoryMailboxes mailboxes;

  @BeforeEach
  void setUp() {
    mailboxes = new InMemoryMailboxes().addMailbox(REP);
  }

  @Override
  protected MailboxConnector connector() {
    return mailboxes;
  }

  @Override
  protected String repCreates(ItemKind kind, Map<ExchangeField, String> values) {
    return mailboxes.rep(REP).create(kind, values);
  }

  @Override
  protected void repEdits(ItemKind kind, String id, Map<ExchangeField, String> values) {
    mailboxes.rep(REP).edit(id, values);
  }

  @Override
  protected void repDeletes(ItemKind kind, String id) {
    mailboxes.rep(REP).delete(id);
  }

  @Override
  protected void repEditsOccurrence(String seriesId, String originalStart, Map<ExchangeField, String> values) {
    mailboxes.rep(REP).editOccurrence(seriesId, originalStart, values);
  }

  @Override
  protected void repCancelsOccurrence(String seriesId, String originalStart) {
    mailboxes.rep(REP).cancelOccurrence(seriesId, originalStart);
  }

  @Test
  void anInjectedFailureHitsTheNextCallOnly() throws Exception {
    mailboxes.failNext(MailboxError.THROTTLED);
    assertThatThrownBy(() -> mailboxes.open(REP))
        .isInstanceOfSatisfying(MailboxException.class, e -> assertThat(e.error()).isEqualTo(MailboxError.THROTTLED));
    try (Mailbox mailbox = mailboxes.open(REP)) {
      assertThat(mailbox.smtp()).isEqualTo(REP);
    }
  }

  @Test
  void theConnectionTestFailsImpersonationForAnUnknownMailbox_andSkipsTheRest() {
    ConnectionTestReport report = mailboxes.test("ghost@corp.example.com");
    assertThat(report.passed()).isFalse();
    assertThat(report.checks()).extracting(ConnectionCheck::status).containsExactly(ConnectionCheck.Status.PASSED,
        ConnectionCheck.Status.PASSED, ConnectionCheck.Status.FAILED, ConnectionCheck.Status.SKIPPED,
        ConnectionCheck.Status.SKIPPED, ConnectionCheck.Status.SKIPPED);
    assertThat(mailboxes.test(REP).passed()).isTrue();
  }
}
