package com.exchangesync.worker.cycle;

import com.exchangesync.worker.config.Secret;
import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.salesforce.SalesforceAdapter;
import com.exchangesync.worker.salesforce.SalesforceException;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.salesforce.SyncSetup;
import java.util.Optional;

/**
 * The admin's way out when the org whose mark holds a mailbox is gone for good
 * (a deleted or refreshed sandbox, whose worker will never release it):
 * {@code scripts/middleware --release-mailbox <email> <org id>} signs in as this
 * worker does, opens the rep's mailbox through this org's Exchange setup and
 * removes the mark, but only when it names the org given, so that a live org's
 * mark is never removed by mistake. This org's next cycle then marks the mailbox
 * as its own and syncs it.
 */
public final class MailboxRelease {

  /** What the release did, in a sentence for the admin; {@code ok} false when nothing was released and something was wrong. */
  public record Result(boolean ok, String message) {}

  private MailboxRelease() {}

  /** Releases {@code email}'s mailbox from {@code fromOrg}'s mark, through this org's Exchange setup. */
  public static Result run(SalesforceAdapter salesforce, MailboxConnectors connectors, String email, String fromOrg)
      throws SalesforceException, MailboxException {
    Optional<SyncSetup> setup = salesforce.readSetup();
    if (setup.isEmpty()) {
      return new Result(false, "Exchange Sync is not set up in this org: save Exchange Sync Setup first.");
    }
    Optional<Secret> password = setup.get().usesGraph() ? Optional.empty()
        : salesforce.readServiceAccountPassword(setup.get().id());
    ExchangeAccess access = connectors.forSetup(setup.get(), password);
    if (access.connector().isEmpty()) {
      return new Result(false, "This org cannot reach Exchange: " + access.missing());
    }
    return release(access.connector().get(), email, fromOrg);
  }

  /** Removes {@code fromOrg}'s mark from {@code email}'s mailbox; another org's mark is left as it is. */
  static Result release(MailboxConnector connector, String email, String fromOrg) throws MailboxException {
    if (SalesforceId.canonical(fromOrg).isEmpty() || !fromOrg.startsWith("00D")) {
      return new Result(false, "'" + fromOrg + "' is not an org id (15 or 18 characters starting with 00D).");
    }
    try (Mailbox mailbox = connector.open(email)) {
      Optional<String> mark = mailbox.syncingOrg();
      if (mark.isEmpty()) {
        return new Result(true, "The mailbox of " + email + " carries no org's mark: the next cycle of the org that has "
            + "the rep in its configurations syncs it.");
      }
      if (!SalesforceId.same(mark.get(), fromOrg)) {
        return new Result(false, "The mailbox of " + email + " is synced by org " + mark.get() + ", not " + fromOrg
            + "; nothing was released. Remove the rep from one org's configurations instead.");
      }
      mailbox.markSyncingOrg(Optional.empty());
      return new Result(true, "Released the mailbox of " + email + " from org " + mark.get()
          + ": the next cycle of the org that has the rep in its configurations marks it and syncs it.");
    }
  }
}
