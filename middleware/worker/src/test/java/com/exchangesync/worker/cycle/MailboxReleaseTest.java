package com.exchangesync.worker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.exchangesync.worker.exchange.InMemoryMailboxes;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.salesforce.SalesforceId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin's release of a mailbox whose org is gone: only the mark of the org named goes. */
class MailboxReleaseTest {

  private static final String REP = "ann@corp.example.com";
  private static final String GONE_SANDBOX = SalesforceId.require("00D7x00000SANDB");
  private static final String PRODUCTION = SalesforceId.require("00D5g00000EXSYN");

  private final InMemoryMailboxes mailboxes = new InMemoryMailboxes().addMailbox(REP);

  @Test
  void theMarkOfTheOrgNamed_isRemoved_whether15Or18Characters() throws Exception {
    mark(GONE_SANDBOX);
    MailboxRelease.Result result = MailboxRelease.release(mailboxes, REP, GONE_SANDBOX.substring(0, 15));
    assertThat(result.ok()).isTrue();
    assertThat(result.message()).startsWith("Released the mailbox of " + REP + " from org " + GONE_SANDBOX);
    assertThat(mark()).isEmpty();
  }

  @Test
  void anotherOrgsMark_isLeftAsItIs() throws Exception {
    mark(PRODUCTION);
    MailboxRelease.Result result = MailboxRelease.release(mailboxes, REP, GONE_SANDBOX);
    assertThat(result.ok()).isFalse();
    assertThat(result.message()).contains("is synced by org " + PRODUCTION + ", not " + GONE_SANDBOX);
    assertThat(mark()).contains(PRODUCTION);
  }

  @Test
  void aMailboxWithoutMark_needsNoRelease_andSomethingNotAnOrgIdIsRefused() throws Exception {
    assertThat(MailboxRelease.release(mailboxes, REP, GONE_SANDBOX).message()).contains("carries no org's mark");
    mark(PRODUCTION);
    MailboxRelease.Result notAnOrg = MailboxRelease.release(mailboxes, REP, "0055g00000ANNRP");
    assertThat(notAnOrg.ok()).isFalse();
    assertThat(mark()).contains(PRODUCTION);
  }

  private void mark(String org) throws Exception {
    try (Mailbox m = mailboxes.open(REP)) {
      m.markSyncingOrg(Optional.of(org));
    }
  }

  private Optional<String> mark() throws Exception {
    try (Mailbox m = mailboxes.open(REP)) {
      return m.syncingOrg();
    }
  }
}
