package com.exchangesync.worker.sync;

import java.util.Objects;

/** One rep's mailbox in one org: the unit of leasing and of sync state. */
public record MailboxKey(String orgId, String userId) {

  public MailboxKey {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(userId, "userId");
  }
}
