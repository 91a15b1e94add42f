package com.exchangesync.worker.cycle;

import com.exchangesync.worker.exchange.Mailbox;
import com.exchangesync.worker.exchange.MailboxConnector;
import com.exchangesync.worker.exchange.MailboxError;
import com.exchangesync.worker.exchange.MailboxException;
import com.exchangesync.worker.salesforce.SalesforceId;
import com.exchangesync.worker.store.MailboxClaims;
import com.exchangesync.worker.sync.MailboxKey;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox, one org. The admin guide warns that a rep in the configurations
 * of two orgs (a sandbox and production) is synced three ways; so the first org
 * to sync a mailbox marks it as its own, in the mailbox itself
 * ({@link Mailbox#markSyncingOrg}), where the workers of every org see it
 * whatever database they keep. A pass begins with {@link #claim}: no mark, the
 * org marks the mailbox; its own mark, it syncs; another org's mark, it syncs
 * nothing there. The org keeps what it marked in {@link MailboxClaims}, so it
 * removes its mark once the rep leaves its configurations ({@link #releaseLeft})
 * and the other org may take the mailbox over. Reset Sync clears only the org's
 * own state, never the mark.
 */
final class OrgMarks {

  /** The error row's code when another org's mark holds the mailbox. */
  static final String HELD_ELSEWHERE = "MAILBOX_SYNCED_BY_ANOTHER_ORG";

  private static final Logger LOG = LoggerFactory.getLogger(OrgMarks.class);

  private final MailboxClaims claims;
  private final Clock clock;

  OrgMarks(MailboxClaims claims, Clock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  /**
   * Claims the mailbox for {@code orgId} before a pass writes anything.
   *
   * @return the other org whose mark holds the mailbox, or empty when it is {@code orgId}'s (marked now or before)
   */
  Optional<String> claim(String orgId, MailboxKey key, String email, Mailbox mailbox) throws MailboxException {
    // Its own mark may come from the connector's memory; the read-back after marking never does (marking forgets it).
    Optional<String> mark = mailbox.syncingOrg(orgId);
    if (mark.isEmpty()) {
      mailbox.markSyncingOrg(Optional.of(orgId));
      // Two orgs marking at once: the last mark written stands, and the org that reads the other's back stops here.
      // A mark read back as its own is remembered like any (the next cycle reads none): another org's write landing
      // between this org's write and its read-back, a window of one call, is found when the memory is checked again.
      mark = mailbox.syncingOrg(orgId);
    }
    Optional<String> other = mark.filter(m -> !SalesforceId.same(m, orgId));
    claims.checked(key, email, other, clock.instant());
    return other;
  }

  /**
   * Removes {@code orgId}'s mark from the mailboxes of users who no longer sync in it (they left every
   * active configuration, or their configuration syncs nothing), so another org may sync them. A mailbox
   * that cannot be opened now is tried again next cycle; one that no longer exists has no mark to remove.
   *
   * @param syncing the users whose mailboxes the org syncs this cycle
   */
  void releaseLeft(String orgId, Set<String> syncing, MailboxConnector connector) {
    for (MailboxClaims.Claim c : claims.of(orgId)) {
      if (syncing.contains(c.key().userId())) {
        continue;
      }
      if (c.heldBy().isPresent()) {
        claims.forget(c.key()); // another org's mark: nothing of ours to remove
        continue;
      }
      try (Mailbox mailbox = connector.open(c.email())) {
        if (mailbox.syncingOrg().filter(m -> SalesforceId.same(m, orgId)).isPresent()) {
          mailbox.markSyncingOrg(Optional.empty());
          LOG.info("Released the mailbox of {} (user {}): the rep no longer syncs in org {}", c.email(), c.key().userId(), orgId);
        }
        claims.forget(c.key());
      } catch (MailboxException e) {
        if (e.error() == MailboxError.MAILBOX_NOT_FOUND) {
          claims.forget(c.key());
        } else {
          LOG.warn("Could not release the mailbox of {} (user {}) yet; the next cycle tries again: {}", c.email(),
              c.key().userId(), e.getMessage(), e);
        }
      }
    }
  }

  /** The error row's message: which org syncs the mailbox, and the fix. */
  static String message(String otherOrg) {
    return "This mailbox is synced by org " + otherOrg + "; remove the rep from one org's configurations.";
  }

  /** What the admin can do, in the error row. */
  static String suggestion(String otherOrg, String email) {
    return "A rep in the Exchange Sync configurations of two orgs (say a sandbox and production) would sync three ways, "
        + "so only the org that first synced the mailbox (" + otherOrg + ") syncs it, and this org syncs nothing there. "
        + "Remove the rep from the configurations of this org or of " + otherOrg + ": when " + otherOrg
        + " no longer has the rep, its next cycle releases the mailbox and this org syncs it from then on. If org "
        + otherOrg + " no longer exists (a deleted or refreshed sandbox), release the mailbox with this org's worker: "
        + "scripts/middleware --release-mailbox " + email + " " + otherOrg + ".";
  }
}
