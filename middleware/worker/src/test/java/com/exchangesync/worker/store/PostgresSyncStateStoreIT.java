package com.exchangesync.worker.store;

import com.exchangesync.testkit.TestDatabase;
import com.exchangesync.worker.sync.MailboxKey;
import com.exchangesync.worker.sync.SyncStateStore;
import com.exchangesync.worker.sync.SyncStateStoreContract;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The PostgreSQL store keeps the store contract, lease fencing included. */
class PostgresSyncStateStoreIT extends SyncStateStoreContract {

  private Vertx vertx;
  private TestDatabase db;
  private Pool pool;
  private PostgresSyncStateStore store;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    db = TestDatabase.create("syncstate");
    pool = db.pool(vertx, 4);
    Blocking.await(Migrations.worker().migrate(pool));
    store = new PostgresSyncStateStore(pool);
  }

  @AfterEach
  void stop() {
    Blocking.await(vertx.close());
    db.close();
  }

  @Override
  protected SyncStateStore store() {
    return store;
  }

  @Override
  protected void lease(MailboxKey mailbox, String owner) {
    Blocking.await(pool.preparedQuery("INSERT INTO mailbox_lease VALUES ($1, $2, $3, now() + interval '1 hour') "
        + "ON CONFLICT (org_id, user_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at")
        .execute(Tuple.of(mailbox.orgId(), mailbox.userId(), owner)));
  }
}
