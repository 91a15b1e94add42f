package com.exchangesync.worker.sync;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The in-memory store keeps the store contract, so engine tests can trust it. */
class InMemorySyncStateStoreTest extends SyncStateStoreContract {

  private final Map<MailboxKey, String> leases = new HashMap<>();
  private InMemorySyncStateStore store;

  @BeforeEach
  void setUp() {
    store = new InMemorySyncStateStore((mailbox, owner) -> owner.equals(leases.get(mailbox)));
  }

  @Override
  protected SyncStateStore store() {
    return store;
  }

  @Override
  protected void lease(MailboxKey mailbox, String owner) {
    leases.put(mailbox, owner);
  }
}
